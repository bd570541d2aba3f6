import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ForgotPasswordPage } from './forgot-password.page';

const words = {
  'zh-CN': { email: '邮箱', send: '发送重设链接', sent: '如果该邮箱有账户', invalid: '格式不正确。', busy: '请求过于频繁，请稍后再试。' },
  'en-US': {
    email: 'Email',
    send: 'Send reset link',
    sent: 'If this address has an account',
    invalid: 'Wrong format.',
    busy: 'Too many requests; try again later.',
  },
};

describe('ForgotPasswordPage (the one form pattern)', () => {
  it('asks the generated client’s operation for a link, and says it is on its way', async () => {
    const seen = fakeServer(() => ({ status: 200, body: { status: true } }));
    renderInApp(<ForgotPasswordPage />, { locale: 'en-US' });
    await userEvent.type(screen.getByLabelText(words['en-US'].email), '  founder@startup.example ');
    await userEvent.click(screen.getByRole('button', { name: words['en-US'].send }));
    expect((await screen.findByRole('status')).textContent).toContain(words['en-US'].sent);
    expect(seen.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/api/auth/request-password-reset', { email: 'founder@startup.example', redirectTo: '/reset-password' }],
    ]);
  });

  it.each(['zh-CN', 'en-US'] as const)('refuses what is not an address before sending, as the contract does (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 200, body: { status: true } }));
    renderInApp(<ForgotPasswordPage />, { locale });
    const field = screen.getByLabelText(words[locale].email);
    await userEvent.type(field, 'founder@');
    await userEvent.click(screen.getByRole('button', { name: new RegExp(words[locale].send.split('').join('\\s?')) }));
    await vi.waitFor(() => expect(field.closest('.ant-form-item')!.textContent).toContain(words[locale].invalid));
    expect(seen).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows a refusal no field owns above the form, and sends again once the address changes (%s)', async (locale) => {
    const seen = fakeServer(() => ({ status: 429, body: { error: { code: 'RATE_LIMITED', message: 'x' } } }));
    renderInApp(<ForgotPasswordPage />, { locale });
    await userEvent.type(screen.getByLabelText(words[locale].email), 'founder@startup.example');
    const send = screen.getByRole('button', { name: new RegExp(words[locale].send.split('').join('\\s?')) });
    await userEvent.click(send);
    expect((await screen.findByRole('alert')).textContent).toContain(words[locale].busy);
    await userEvent.type(screen.getByLabelText(words[locale].email), 'x');
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(seen).toHaveLength(1);
  });
});
