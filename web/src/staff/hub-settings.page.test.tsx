import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { capabilitiesWith, fakeServerWith, loading } from '../../test/capabilities';
import { validationFailed } from '../../test/fake-server';
import { testHub } from '../../test/hub';
import { renderInApp } from '../../test/render';
import { HubSettingsPage } from './hub-settings.page';

const hub = testHub();
const words = {
  'zh-CN': { nameZh: '中文名称', country: '国家或地区代码', save: '保存设置', invalid: '格式不正确。', required: '此项必填。' },
  'en-US': {
    nameZh: 'Name in Chinese',
    country: 'Country or region code',
    save: 'Save settings',
    invalid: 'Wrong format.',
    required: 'This field is required.',
  },
};

function renderPage(locale: 'zh-CN' | 'en-US', save: (body: unknown) => { status: number; body?: unknown }) {
  const seen = fakeServerWith(capabilitiesWith({ hub: { updateSettings: true } }), (r) =>
    r.path === '/api/hubs/hangzhou' ? { status: 200, body: hub } : r.path === '/api/hubs/hangzhou/settings' && r.method === 'PUT' ? save(r.body) : undefined,
  );
  renderInApp(
    <Routes>
      <Route path="/hubs/:hub/settings" element={<HubSettingsPage />} />
    </Routes>,
    { locale, path: '/hubs/hangzhou/settings' },
  );
  return seen;
}

describe('HubSettingsPage (the one form pattern)', () => {
  it('saves the settings as the server takes them', async () => {
    const seen = renderPage('en-US', () => ({ status: 200, body: hub }));
    const country = await screen.findByLabelText(words['en-US'].country, undefined, loading);
    await userEvent.clear(country);
    await userEvent.type(country, 'cn');
    await userEvent.click(screen.getByRole('button', { name: words['en-US'].save }));
    await vi.waitFor(() => expect(seen.some((r) => r.method !== 'GET')).toBe(true));
    expect(seen.find((r) => r.method !== 'GET')!.path).toBe('/api/hubs/hangzhou/settings');
    expect(seen.find((r) => r.method !== 'GET')!.body).toMatchObject({
      country: 'CN',
      code: 'HZ',
      techShareDefaultBasisPoints: 1500,
      holidays: hub.holidays,
      districts: hub.districts,
    });
  });

  it.each(['zh-CN', 'en-US'] as const)('checks a field with the contract’s schema before sending (%s)', async (locale) => {
    const seen = renderPage(locale, () => ({ status: 200, body: hub }));
    const name = await screen.findByLabelText(words[locale].nameZh, undefined, loading);
    await userEvent.clear(name);
    const country = screen.getByLabelText(words[locale].country);
    await userEvent.clear(country);
    await userEvent.type(country, 'C1');
    await userEvent.click(screen.getByRole('button', { name: new RegExp(words[locale].save.split('').join('\\s?')) }));
    await vi.waitFor(() => expect(country.closest('.ant-form-item')!.textContent).toContain(words[locale].invalid));
    expect(name.closest('.ant-form-item')!.textContent).toContain(words[locale].required);
    expect(seen.filter((r) => r.method !== 'GET')).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('puts the server’s field error under the field it names (name.zh → the Chinese name) (%s)', async (locale) => {
    renderPage(locale, () => validationFailed('name.zh', 'INVALID_FORMAT'));
    await screen.findByLabelText(words[locale].nameZh, undefined, loading);
    await userEvent.click(screen.getByRole('button', { name: new RegExp(words[locale].save.split('').join('\\s?')) }));
    const name = screen.getByLabelText(words[locale].nameZh);
    await vi.waitFor(() => expect(name.closest('.ant-form-item')!.textContent).toContain(words[locale].invalid));
    expect(screen.queryByRole('alert', { name: /./ })).toBeNull();
  });
});
