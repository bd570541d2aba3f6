import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { HubSecurityForm } from './hub-security.form';

const stored = { twoFactorRoles: ['finance_officer'], idleMinutes: null, absoluteHours: 12 };
const words = {
  'zh-CN': { admin: '枢纽管理员', idle: '会话空闲超时（分钟）', save: '保存规则', tooSmall: '数值太小。' },
  'en-US': { admin: 'Hub admin', idle: 'End a session unused for (minutes)', save: 'Save rules', tooSmall: 'Too small.' },
};

describe('HubSecurityForm (a hub’s sign-in rules)', () => {
  it.each(['zh-CN', 'en-US'] as const)('shows the stored rules and sends the changed ones whole (%s)', async (locale) => {
    const w = words[locale];
    const seen = fakeServer((r) => (r.method === 'GET' ? { status: 200, body: stored } : { status: 200, body: r.body }));
    renderInApp(<HubSecurityForm hub="suzhou" />, { locale });
    const idle = await screen.findByLabelText(w.idle);
    await userEvent.click(screen.getByRole('checkbox', { name: w.admin }));
    await userEvent.type(idle, '30');
    await userEvent.click(screen.getByRole('button', { name: new RegExp(w.save.split('').join('\\s?')) }));
    await vi.waitFor(() => expect(seen.find((r) => r.method === 'PUT')).toBeTruthy());
    const put = seen.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/api/hubs/suzhou/security');
    expect(put.body).toEqual({ twoFactorRoles: expect.arrayContaining(['finance_officer', 'hub_admin']), idleMinutes: 30, absoluteHours: 12 });
    expect((put.body as { twoFactorRoles: string[] }).twoFactorRoles).toHaveLength(2);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s refusal under its field (%s)', async (locale) => {
    const w = words[locale];
    fakeServer((r) => (r.method === 'GET' ? { status: 200, body: stored } : validationFailed('idleMinutes', 'TOO_SMALL')));
    renderInApp(<HubSecurityForm hub="suzhou" />, { locale });
    const idle = await screen.findByLabelText(w.idle);
    await userEvent.type(idle, '45');
    await userEvent.click(screen.getByRole('button', { name: new RegExp(w.save.split('').join('\\s?')) }));
    await vi.waitFor(() => expect(idle.closest('.ant-form-item')!.textContent).toContain(w.tooSmall));
  });

  it('refuses an idle limit under five minutes before sending, and offers no save to an auditor', async () => {
    const seen = fakeServer(() => ({ status: 200, body: stored }));
    const { unmount } = renderInApp(<HubSecurityForm hub="suzhou" />, { locale: 'en-US' });
    const idle = await screen.findByLabelText(words['en-US'].idle);
    await userEvent.type(idle, '2');
    await userEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    await vi.waitFor(() => expect(idle.closest('.ant-form-item')!.textContent).toContain('Too small.'));
    expect(seen.filter((r) => r.method === 'PUT')).toHaveLength(0);
    unmount();
    renderInApp(<HubSecurityForm hub="suzhou" readOnly />, { locale: 'en-US' });
    expect(await screen.findByLabelText(words['en-US'].idle)).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Save rules' })).toBeNull();
  });
});
