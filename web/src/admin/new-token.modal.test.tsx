import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, validationFailed, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { NewTokenModal } from './new-token.modal';

const labels = {
  'zh-CN': { name: '名称', auditor: '审计', submit: '创 建', tooLong: '内容太长。' },
  'en-US': { name: 'Name', auditor: 'Auditor', submit: 'Make token', tooLong: 'Too long.' },
};

async function fill(locale: keyof typeof labels) {
  const l = labels[locale];
  const dialog = await screen.findByRole('dialog');
  await userEvent.type(within(dialog).getByLabelText(l.name), 'Open data mirror');
  await userEvent.click(within(dialog).getByLabelText(l.auditor));
  await userEvent.click(within(dialog).getByRole('button', { name: l.submit }));
  return dialog;
}

/** The modal reads the account (second factor?) and the hub's sign-in rules; `write` answers the POST. */
const server = (write: (r: SeenRequest) => { status: number; body?: unknown }, { enrolled = false, hubRoles = [] as string[] } = {}) =>
  fakeServer((r) => {
    if (r.path === '/api/auth/get-session') return { status: 200, body: { session: {}, user: { twoFactorEnabled: enrolled } } };
    if (r.path.endsWith('/security')) return { status: 200, body: { twoFactorRoles: hubRoles, idleMinutes: null, absoluteHours: null } };
    return write(r);
  });

describe('NewTokenModal (API tokens)', () => {
  it('makes a token with its roles and expiry, and hands over the secret', async () => {
    const seen = server(() => ({ status: 201, body: { secret: 'dg_secret', token: {} } }));
    const onCreated = vi.fn(async () => undefined);
    renderInApp(<NewTokenModal hub="hangzhou" open onClose={() => undefined} onCreated={onCreated} />);
    await fill('zh-CN');
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith('dg_secret'));
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/hubs/hangzhou/api-tokens');
    expect(post.body).toEqual({ name: 'Open data mirror', roles: ['auditor'], expiresAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
  });

  it('asks for a role before sending', async () => {
    const seen = server(() => ({ status: 201, body: {} }));
    renderInApp(<NewTokenModal hub="hangzhou" open onClose={() => undefined} onCreated={vi.fn()} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('名称'), 'Mirror');
    await userEvent.click(within(dialog).getByRole('button', { name: '创 建' }));
    await vi.waitFor(() => expect(within(dialog).getByText('角色').closest('.ant-form-item')!.textContent).toContain('此项必填。'));
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it.each(['zh-CN', 'en-US'] as const)('shows the server’s error on the name under the name (%s)', async (locale) => {
    server(() => validationFailed('name', 'TOO_LONG'));
    const onCreated = vi.fn();
    renderInApp(<NewTokenModal hub="hangzhou" open onClose={() => undefined} onCreated={onCreated} />, { locale });
    const dialog = await fill(locale);
    const field = within(dialog).getByLabelText(labels[locale].name).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(field.textContent).toContain(labels[locale].tooLong));
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('asks an account with a second factor for its password and a code, sends them as confirm, and shows a wrong code under its field', async () => {
    const seen = server(
      (r) =>
        (r.body as { confirm?: { code?: string } }).confirm?.code === '123456'
          ? { status: 401, body: { error: { code: 'TWO_FACTOR_CODE_WRONG', message: 'wrong', fields: [{ path: 'confirm.code', code: 'INVALID' }] } } }
          : { status: 201, body: { secret: 'dg_secret', token: {} } },
      { enrolled: true },
    );
    const onCreated = vi.fn(async () => undefined);
    renderInApp(<NewTokenModal hub="hangzhou" open onClose={() => undefined} onCreated={onCreated} />, { locale: 'en-US' });
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(await within(dialog).findByLabelText('Code from the authenticator app'), '123456');
    await userEvent.type(within(dialog).getByLabelText('Your password'), 'my password');
    await fill('en-US');
    const code = within(dialog).getByLabelText('Code from the authenticator app').closest('.ant-form-item')!;
    await vi.waitFor(() => expect(code.textContent).toContain('The code is wrong.'));
    expect(seen.find((r) => r.method === 'POST')!.body).toMatchObject({ confirm: { password: 'my password', code: '123456' } });
    await userEvent.clear(within(dialog).getByLabelText('Code from the authenticator app'));
    await userEvent.type(within(dialog).getByLabelText('Code from the authenticator app'), '654321');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Make token' }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith('dg_secret'));
  });

  it.each([
    ['zh-CN', '您的密码', '密码不正确。', '邮箱或密码不正确。'],
    ['en-US', 'Your password', 'The password is wrong.', 'The email address or password is wrong.'],
  ] as const)('says a wrong password under the password field, not as a wrong email or password (%s)', async (locale, label, wrong, signInWords) => {
    const seen = server(
      () => ({ status: 401, body: { error: { code: 'WRONG_CREDENTIALS', message: 'wrong', fields: [{ path: 'confirm.password', code: 'INVALID' }] } } }),
      { hubRoles: ['program_officer'] },
    );
    const onCreated = vi.fn();
    renderInApp(<NewTokenModal hub="hangzhou" open onClose={() => undefined} onCreated={onCreated} />, { locale });
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(await within(dialog).findByLabelText(label), 'not my password');
    await fill(locale);
    const password = within(dialog).getByLabelText(label).closest('.ant-form-item')!;
    await vi.waitFor(() => expect(password.textContent).toContain(wrong));
    expect(dialog.textContent).not.toContain(signInWords);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(onCreated).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByLabelText(label), '!');
    await vi.waitFor(() => expect(password.textContent).not.toContain(wrong));
  });

  it('asks for the password alone in a hub that requires a second factor (zh-CN), and reveals it when the server asks', async () => {
    server(() => ({ status: 201, body: { secret: 'dg_secret', token: {} } }), { hubRoles: ['program_officer'] });
    renderInApp(<NewTokenModal hub="hangzhou" open onClose={() => undefined} onCreated={vi.fn()} />);
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByLabelText('您的密码')).toBeTruthy();
    expect(within(dialog).queryByLabelText('验证器应用中的验证码')).toBeNull();

    cleanup();
    const seen = server(() => ({
      status: 403,
      body: { error: { code: 'REAUTH_REQUIRED', message: 'again', fields: [{ path: 'confirm', code: 'REQUIRED' }] } },
    }));
    renderInApp(<NewTokenModal hub="hangzhou" open onClose={() => undefined} onCreated={vi.fn()} />);
    const again = await fill('zh-CN');
    expect(await within(again).findByLabelText('您的密码')).toBeTruthy();
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
