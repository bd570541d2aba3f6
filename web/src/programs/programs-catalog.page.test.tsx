import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { programDraftSchema } from '../../../contracts/applications';
import seedFile from '../../../seed/programs.json';
import { capabilitiesWith, fakeServerWith, loading } from '../../test/capabilities';
import { servedProgram } from '../../test/program-editor';
import { renderInApp } from '../../test/render';
import { LanguageSwitch } from '../layout/language-switch';
import { ProgramsCatalogPage } from './programs-catalog.page';

const drafts = (seedFile as { programs: { draft: unknown }[] }).programs.map((p) => programDraftSchema.parse(p.draft));
const published = (i: number, budgetLine: string, name: { zh: string; en: string }) => ({
  ...servedProgram(drafts[i]!, `01a2373f-0000-7000-8000-00000000010${i}`),
  status: 'published' as const,
  budgetLine,
  name,
  budgetLeft: '4913138000',
});
/** Two rent programs on one budget line, and a voucher on its own. */
const programs = [
  published(0, 'rent-subsidy', { zh: '人工智能小镇租金补贴', en: 'AI Town rent subsidy' }),
  published(1, 'rent-subsidy', { zh: '梦想小镇办公用房免租', en: 'Dream Town free office' }),
  published(2, 'compute-vouchers', { zh: '杭州算力券', en: 'Hangzhou compute vouchers' }),
];

const words = {
  'zh-CN': { shared: '4,913.138万元，与另外 1 个项目共用', own: '4,913.138万元' },
  'en-US': { shared: 'CNY 49,131,380, shared with 1 other program', own: 'CNY 49,131,380' },
} as const;

describe('the program catalogue', () => {
  it.each(['zh-CN', 'en-US'] as const)('says when programs share one budget line, so their budget left is not added up (%s)', async (locale) => {
    fakeServerWith(capabilitiesWith({}), (r) =>
      r.path.startsWith('/api/hubs/hangzhou/programs?') ? { status: 200, body: { items: programs, next: null } } : undefined,
    );
    renderInApp(
      <Routes>
        <Route path="/hubs/:hub/programs" element={<ProgramsCatalogPage />} />
      </Routes>,
      { locale, path: '/hubs/hangzhou/programs' },
    );
    const card = (name: { zh: string; en: string }) => screen.getByLabelText(locale === 'zh-CN' ? name.zh : name.en);
    await screen.findByLabelText(locale === 'zh-CN' ? programs[0]!.name.zh : programs[0]!.name.en, undefined, loading);
    expect(within(card(programs[0]!.name)).getByText(words[locale].shared)).toBeTruthy();
    expect(within(card(programs[1]!.name)).getByText(words[locale].shared)).toBeTruthy();
    expect(within(card(programs[2]!.name)).getByText(words[locale].own)).toBeTruthy();
  });

  it.each([
    ['zh-CN', '除申请对象外不设其他条件。'],
    ['en-US', 'No conditions beyond who applies.'],
  ] as const)('says a program without criteria sets no conditions, where others list theirs (%s)', async (locale, none) => {
    const open = { ...programs[1]!, criteria: [] };
    const firm = { key: 'firm', name: { zh: '企业申请', en: 'A company or startup' }, reason: { zh: '只发给企业。', en: 'Firms only.' } };
    const other = { ...programs[2]!, criteria: [firm] };
    fakeServerWith(capabilitiesWith({}), (r) =>
      r.path.startsWith('/api/hubs/hangzhou/programs?') ? { status: 200, body: { items: [open, other], next: null } } : undefined,
    );
    renderInApp(
      <Routes>
        <Route path="/hubs/:hub/programs" element={<ProgramsCatalogPage />} />
      </Routes>,
      { locale, path: '/hubs/hangzhou/programs' },
    );
    const name = (n: { zh: string; en: string }) => (locale === 'zh-CN' ? n.zh : n.en);
    const card = await screen.findByLabelText(name(open.name), undefined, loading);
    expect(within(card).getByText(none)).toBeTruthy();
    const listed = within(screen.getByLabelText(name(other.name)));
    expect(listed.getByText(name(firm.name))).toBeTruthy();
    expect(listed.queryByText(none)).toBeNull();
  });

  it.each([
    ['zh-CN', 'English', 'en-US'],
    ['en-US', '中文', 'zh-CN'],
  ] as const)('labels a cut-short description in the new language after a switch (%s → %s)', async (from, label, to) => {
    fakeServerWith(capabilitiesWith({}), (r) =>
      r.path.startsWith('/api/hubs/hangzhou/programs?') ? { status: 200, body: { items: programs, next: null } } : undefined,
    );
    renderInApp(
      <>
        <LanguageSwitch />
        <Routes>
          <Route path="/hubs/:hub/programs" element={<ProgramsCatalogPage />} />
        </Routes>
      </>,
      { locale: from, path: '/hubs/hangzhou/programs' },
    );
    const description = programs[2]!.description;
    const nameOf = (locale: 'zh-CN' | 'en-US') => (locale === 'zh-CN' ? programs[2]!.name.zh : programs[2]!.name.en);
    const paragraph = (locale: 'zh-CN' | 'en-US') => screen.getByLabelText(nameOf(locale)).querySelector('.ant-typography-ellipsis')!;
    await screen.findByLabelText(nameOf(from), undefined, loading);
    expect(paragraph(from).getAttribute('aria-label')).toBe(from === 'zh-CN' ? description.zh : description.en);
    await userEvent.click(screen.getByText(label, { exact: true }));
    await screen.findByLabelText(nameOf(to));
    expect(paragraph(to).getAttribute('aria-label')).toBe(to === 'zh-CN' ? description.zh : description.en);
  });
});
