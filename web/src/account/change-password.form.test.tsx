import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { ChangePasswordForm } from './change-password.form';

const words = {
  'zh-CN': { current: '当前密码', next: '新密码', code: '验证器应用中的验证码', submit: '修改密码', wrong: '验证码不正确。', passwordWrong: '密码不正确。' },
  'en-US': {
    current: 'Current password',
    next: 'New password',
    code: 'Code from the authenticator app',
    submit: 'Change password',
    wrong: 'The code is wrong.',
    passwordWrong: 'The password is wrong.',
  },
};

describe('ChangePasswordForm', () => {
  it('changes the password of an account without a second factor: no code asked', async () => {
    const seen = fakeServer(() => ({ status: 200, body: { token: null } }));
    renderInApp(<ChangePasswordForm withCode={false} />, { locale: 'en-US' });
    expect(screen.queryByLabelText(words['en-US'].code)).toBeNull();
    await userEvent.type(screen.getByLabelText('Current password'), 'old passphrase for 2026');
    await userEvent.type(screen.getByLabelText('New password'), 'a brand new passphrase 2027');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.path).toBe('/api/auth/change-password');
    expect(seen[0]!.body).toEqual({ currentPassword: 'old passphrase for 2026', newPassword: 'a brand new passphrase 2027', revokeOtherSessions: true });
  });

  it.each(['zh-CN', 'en-US'] as const)('asks an enrolled account for a code, sends it, and shows a wrong one under the field (%s)', async (locale) => {
    const w = words[locale];
    const seen = fakeServer(() => ({
      status: 401,
      body: { error: { code: 'TWO_FACTOR_CODE_WRONG', message: 'x', fields: [{ path: 'code', code: 'INVALID' }] } },
    }));
    renderInApp(<ChangePasswordForm withCode />, { locale });
    await userEvent.type(screen.getByLabelText(w.current), 'old passphrase for 2026');
    await userEvent.type(screen.getByLabelText(w.next), 'a brand new passphrase 2027');
    const code = screen.getByLabelText(w.code);
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: new RegExp(w.submit.split('').join('\\s?')) }));
    await vi.waitFor(() => expect(code.closest('.ant-form-item')!.textContent).toContain(w.wrong));
    expect(seen[0]!.body).toMatchObject({ code: '123456' });
  });

  it.each(['zh-CN', 'en-US'] as const)('says a wrong current password under that field, as the password being wrong (%s)', async (locale) => {
    const w = words[locale];
    fakeServer(() => ({ status: 401, body: { error: { code: 'WRONG_CREDENTIALS', message: 'x' } } }));
    renderInApp(<ChangePasswordForm withCode={false} />, { locale });
    const current = screen.getByLabelText(w.current);
    await userEvent.type(current, 'not my passphrase');
    await userEvent.type(screen.getByLabelText(w.next), 'a brand new passphrase 2027');
    await userEvent.click(screen.getByRole('button', { name: new RegExp(w.submit.split('').join('\\s?')) }));
    await vi.waitFor(() => expect(current.closest('.ant-form-item')!.textContent).toContain(w.passwordWrong));
    expect(screen.queryByRole('alert', { name: /邮箱|email/ })).toBeNull();
    expect(document.body.textContent).not.toMatch(/邮箱或密码|email address or password/);
  });
});
