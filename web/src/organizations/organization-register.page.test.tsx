import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { usccCheckCharacter } from '../../../contracts/uscc';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { OrganizationRegisterPage } from './organization-register.page';

const USCC = `91330100MA2B3C4D5${usccCheckCharacter('91330100MA2B3C4D5')}`;
const created = { id: '01a2373f-0000-7000-8000-000000000009' };
const labels = {
  'zh-CN': { nameZh: '中文名称', nameEn: '英文名称', kind: '类型', startup: '初创企业', uscc: '统一社会信用代码', submit: '提交登记', tooLong: '内容太长。' },
  'en-US': {
    nameZh: 'Name in Chinese',
    nameEn: 'Name in English',
    kind: 'Kind',
    startup: 'Startup',
    uscc: 'Unified Social Credit Code',
    submit: 'Register',
    tooLong: 'Too long.',
  },
};

function render(locale: keyof typeof labels = 'zh-CN') {
  return renderInApp(
    <Routes>
      <Route path="/hubs/:hub/organizations/new" element={<OrganizationRegisterPage />} />
      <Route path="/hubs/:hub/organizations/:id" element={<p>detail page</p>} />
    </Routes>,
    { locale, path: '/hubs/hangzhou/organizations/new' },
  );
}

async function fill(locale: keyof typeof labels) {
  const l = labels[locale];
  await userEvent.type(screen.getByLabelText(l.nameZh), '云深处科技');
  await userEvent.type(screen.getByLabelText(l.nameEn), 'DEEP Robotics');
  await userEvent.click(screen.getByLabelText(l.kind));
  await userEvent.click(await screen.findByTitle(l.startup));
  await userEvent.type(screen.getByLabelText(l.uscc), USCC);
  await userEvent.click(screen.getByRole('button', { name: l.submit }));
}

describe('OrganizationRegisterPage (organisations)', () => {
  it('registers the organisation with an idempotency key, then opens it', async () => {
    const seen = fakeServer(() => ({ status: 201, body: created }));
    render();
    await fill('zh-CN');
    await screen.findByText('detail page', {}, { timeout: 10_000 });
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/hubs/hangzhou/organizations');
    expect(post.body).toEqual({ kind: 'startup', name: { zh: '云深处科技', en: 'DEEP Robotics' }, uscc: USCC, sectors: [] });
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on name.en under the English name (%s)', async (locale) => {
    fakeServer(() => validationFailed('name.en', 'TOO_LONG'));
    render(locale);
    await fill(locale);
    const l = labels[locale];
    await vi.waitFor(() => expect(screen.getByLabelText(l.nameEn).closest('.ant-form-item')!.textContent).toContain(l.tooLong));
    expect(screen.getByLabelText(l.nameZh).closest('.ant-form-item')!.textContent).not.toContain(l.tooLong);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('detail page')).toBeNull();
  });

  it.each([
    ['zh-CN', '所在区县', '滨江区', '该区县不在本枢纽的区县列表中。'],
    ['en-US', 'District', 'Binjiang', 'This district is not on the hub’s list of districts.'],
  ] as const)('offers the hub’s districts, sends the chosen one, and shows an unknown one under the field (%s)', async (locale, label, binjiang, unknown) => {
    const hub = {
      slug: 'hangzhou',
      name: { zh: '杭州', en: 'Hangzhou' },
      districts: [
        { code: 'xihu', name: { zh: '西湖区', en: 'Xihu' } },
        { code: 'binjiang', name: { zh: '滨江区', en: 'Binjiang' } },
      ],
    };
    const seen = fakeServer((r) => (r.method === 'GET' ? { status: 200, body: hub } : validationFailed('district', 'UNKNOWN_DISTRICT')));
    render(locale);
    await userEvent.click(await screen.findByLabelText(label));
    await userEvent.click(await screen.findByTitle(binjiang));
    await fill(locale);
    await vi.waitFor(() => expect(screen.getByLabelText(label).closest('.ant-form-item')!.textContent).toContain(unknown));
    expect(seen.find((r) => r.method === 'POST')!.body).toMatchObject({ district: 'binjiang' });
  });
});
