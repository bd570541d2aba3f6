import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '../../../contracts/auth';
import type { Hub } from '../../../contracts/hubs';
import { loading } from '../../test/capabilities';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { chooseIn, districtRow, errorsIn, pickDays, pickedDays } from './hub-settings.test-kit';
import { OperatorHubsPage } from './operator-hubs.page';

const operator: Me = {
  user: { id: '01a2373f-0000-7000-8000-000000000110', email: 'ops@dragongate.demo', name: 'Ops', emailVerified: true },
  operator: true,
  hubs: [],
  organizations: [],
};
const hub = (slug: string, zh: string, en: string, archived: boolean) =>
  ({
    slug,
    name: { zh, en },
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    currency: 'CNY',
    defaultLocale: 'zh-CN',
    fiscalYearStartMonth: 1,
    workingDays: [1, 2, 3, 4, 5],
    holidays: [],
    makeUpWorkdays: [],
    code: slug.slice(0, 2).toUpperCase(),
    techShareDefaultBasisPoints: 0,
    openDataPrefix: null,
    districts: [],
    archived,
  }) as unknown as Hub;
const hubs = [hub('suzhou', '苏州', 'Suzhou', false), hub('wuxi', '无锡', 'Wuxi', true)];

function renderPage(write: (request: SeenRequest) => { status: number; body?: unknown }, locale: 'zh-CN' | 'en-US' = 'en-US') {
  const seen = fakeServer((request) => {
    if (request.path === '/api/me') return { status: 200, body: operator };
    if (request.method !== 'GET') return write(request);
    if (request.path.startsWith('/api/hubs')) return { status: 200, body: { items: hubs, next: null } };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } };
  });
  renderInApp(<OperatorHubsPage />, { locale });
  // The writes as [method, path]; `.sent` has their bodies.
  const writes = () => seen.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path]);
  return Object.assign(writes, { sent: () => seen.filter((r) => r.method !== 'GET').map((r) => r.body) });
}
/** A button's name as antd renders it: two Chinese characters get a space between them. */
const buttonName = (text: string) => new RegExp(`^${text.split('').join('\\s?')}$`);
const rowOf = async (name: string) => (await screen.findByRole('link', { name }, loading)).closest('tr') as HTMLElement;

describe('OperatorHubsPage: archiving and reopening hubs, on the one form pattern', () => {
  it('archives only once confirmed; reopens at once', async () => {
    const writes = renderPage(() => ({ status: 204 }));
    const suzhou = await rowOf('Suzhou');
    await userEvent.click(within(suzhou).getByRole('button', { name: 'Archive' }));
    expect(writes()).toEqual([]);
    await userEvent.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Archive' }));
    await vi.waitFor(() => expect(writes()).toEqual([['POST', '/api/hubs/suzhou/archive']]));
    await userEvent.click(within(await rowOf('Wuxi')).getByRole('button', { name: 'Reopen' }));
    await vi.waitFor(() =>
      expect(writes()).toEqual([
        ['POST', '/api/hubs/suzhou/archive'],
        ['DELETE', '/api/hubs/wuxi/archive'],
      ]),
    );
  });

  it.each([
    ['zh-CN', '无锡', /^重新开放$/, '您没有执行此操作的权限。'],
    ['en-US', 'Wuxi', /^Reopen$/, 'You are not allowed to do this.'],
  ] as const)('shows a refusal in that hub’s row (%s)', async (locale, name, reopen, text) => {
    renderPage(() => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'x' } } }), locale);
    const row = await rowOf(name);
    await userEvent.click(within(row).getByRole('button', { name: reopen }));
    await vi.waitFor(() => expect(within(row).getByRole('alert').textContent).toContain(text));
  });

  it.each([
    [
      'zh-CN',
      {
        slug: '网址名',
        firstAdmin: '第一位管理员的邮箱',
        nameZh: '中文名称',
        nameEn: '英文名称',
        code: '枢纽编号前缀',
        timeZone: '时区',
        currency: '货币',
        holidays: '法定节假日',
        addDistrict: '添加区县',
        districtCode: '第 1 个区县代码',
        districtZh: '第 1 个区县中文名',
        districtEn: '第 1 个区县英文名',
        create: '开设枢纽',
        required: '此项必填。',
      },
    ],
    [
      'en-US',
      {
        slug: 'Short name (in web addresses)',
        firstAdmin: 'First admin’s email',
        nameZh: 'Name in Chinese',
        nameEn: 'Name in English',
        code: 'Hub code',
        timeZone: 'Time zone',
        currency: 'Currency',
        holidays: 'Public holidays',
        addDistrict: 'Add a district',
        districtCode: 'District 1 code',
        districtZh: 'District 1 name in Chinese',
        districtEn: 'District 1 name in English',
        create: 'Open hub',
        required: 'This field is required.',
      },
    ],
  ] as const)('opens a hub with the zone and currency chosen, days off picked and districts as rows (%s)', async (locale, w) => {
    const writes = renderPage(() => ({ status: 201, body: hub('suzhou', '苏州', 'Suzhou', false) }), locale);
    await screen.findByLabelText(w.slug, undefined, loading);
    // A new hub has no days off and no districts yet.
    expect(pickedDays(w.holidays)).toEqual([]);
    expect(districtRow(1)).toBeNull();
    await userEvent.type(screen.getByLabelText(w.slug), 'suzhou');
    await userEvent.type(screen.getByLabelText(w.firstAdmin), 'admin@suzhou.example');
    await userEvent.type(screen.getByLabelText(w.nameZh), '苏州');
    await userEvent.type(screen.getByLabelText(w.nameEn), 'Suzhou');
    await userEvent.type(screen.getByLabelText(w.code), 'sz');
    await chooseIn(w.timeZone, 'urumqi', /^Asia\/Urumqi · .+ \(GMT\+6\)$/);
    await chooseIn(w.currency, 'hkd', /\(HKD\)$/);
    await pickDays(w.holidays, ['2027-01-01', '2026-12-31']);
    await userEvent.click(screen.getByRole('button', { name: w.addDistrict }));
    await userEvent.type(screen.getByLabelText(w.districtCode), 'gusu');
    await userEvent.type(screen.getByLabelText(w.districtZh), '姑苏区');
    // A row missing a name is refused before anything is sent.
    await userEvent.click(screen.getByRole('button', { name: buttonName(w.create) }));
    await vi.waitFor(() => expect(errorsIn(districtRow(1))).toEqual([w.required]));
    expect(writes()).toEqual([]);
    await userEvent.type(screen.getByLabelText(w.districtEn), 'Gusu');
    await userEvent.click(screen.getByRole('button', { name: buttonName(w.create) }));
    await vi.waitFor(() => expect(writes()).toEqual([['POST', '/api/hubs']]));
    expect(writes.sent()[0]).toEqual({
      slug: 'suzhou',
      firstAdminEmail: 'admin@suzhou.example',
      name: { zh: '苏州', en: 'Suzhou' },
      country: 'CN',
      timeZone: 'Asia/Urumqi',
      currency: 'HKD',
      defaultLocale: 'zh-CN',
      fiscalYearStartMonth: 1,
      workingDays: [1, 2, 3, 4, 5],
      holidays: ['2026-12-31', '2027-01-01'],
      makeUpWorkdays: [],
      code: 'SZ',
      techShareDefaultBasisPoints: 1500,
      openDataPrefix: null,
      districts: [{ code: 'gusu', name: { zh: '姑苏区', en: 'Gusu' } }],
    });
  });
});
