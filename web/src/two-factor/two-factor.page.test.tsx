import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { fakeServer, type SeenRequest } from '../../test/fake-server';
import { renderInApp } from '../../test/render';
import { TwoFactorPage } from './two-factor.page';

const URI = 'otpauth://totp/DragonGate:a%40b.c?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=DragonGate&algorithm=SHA1&digits=6&period=30';
const CODES = [
  'aaaaa-11111',
  'bbbbb-22222',
  'ccccc-33333',
  'ddddd-44444',
  'eeeee-55555',
  'fffff-66666',
  'ggggg-77777',
  'hhhhh-88888',
  'iiiii-99999',
  'jjjjj-00000',
];
const words = {
  'zh-CN': {
    password: '密码',
    start: '开始设置',
    firstCode: '应用中显示的验证码',
    confirm: '确认开启',
    saved: '我已保存，继续',
    wrong: '验证码不正确。',
    disable: '关闭两步验证',
    passwordWrong: '密码不正确。',
  },
  'en-US': {
    password: 'Password',
    start: 'Set it up',
    firstCode: 'Code the app shows',
    confirm: 'Turn it on',
    saved: 'I have saved them, continue',
    wrong: 'The code is wrong.',
    disable: 'Turn off two-step sign-in',
    passwordWrong: 'The password is wrong.',
  },
};
const spaced = (label: string) => new RegExp(`^${label.split('').join('\\s?')}$`);

/** A signed-in account, enrolled or not (the session flips once a first code is right). */
function server(enrolled: boolean, write: (r: SeenRequest) => { status: number; body?: unknown }) {
  let on = enrolled;
  return fakeServer((r) => {
    if (r.path === '/api/me')
      return { status: 200, body: { user: { id: 'u', email: 'a@b.c', name: 'A', emailVerified: true }, operator: false, hubs: [], organizations: [] } };
    if (r.path === '/api/auth/get-session') return { status: 200, body: { session: {}, user: { twoFactorEnabled: on } } };
    const answer = write(r);
    if (r.path === '/api/auth/two-factor/verify-totp' && answer.status === 200) on = true;
    if (r.path === '/api/auth/two-factor/disable' && answer.status === 200) on = false;
    return answer;
  });
}

function renderPage(locale: keyof typeof words, path = '/two-factor?hub=suzhou&next=%2Fhubs%2Fsuzhou%2Fbudget') {
  return renderInApp(
    <Routes>
      <Route path="/two-factor" element={<TwoFactorPage />} />
      <Route path="/hubs/suzhou/budget" element={<p>back at work</p>} />
    </Routes>,
    { locale, path },
  );
}

describe('TwoFactorPage (enrolment)', () => {
  it.each(['zh-CN', 'en-US'] as const)(
    'enrols with the password, shows the QR code and its key, takes a first code, shows the backup codes once (%s)',
    async (locale) => {
      const w = words[locale];
      const seen = server(false, (r) => {
        if (r.path === '/api/auth/two-factor/enable') return { status: 200, body: { totpURI: URI, backupCodes: CODES } };
        if (r.path === '/api/auth/two-factor/verify-totp')
          return (r.body as { code: string }).code === '111111'
            ? { status: 401, body: { error: { code: 'TWO_FACTOR_CODE_WRONG', message: 'x', fields: [{ path: 'code', code: 'INVALID' }] } } }
            : { status: 200, body: { token: 't' } };
        return { status: 404 };
      });
      renderPage(locale);
      await userEvent.type(await screen.findByLabelText(w.password), 'lakeside-lanterns-2026');
      await userEvent.click(screen.getByRole('button', { name: spaced(w.start) }));
      // The QR code is drawn on the page (a canvas), its key readable as text.
      expect(await screen.findByTestId('totp-qr')).toBeTruthy();
      expect(screen.getByTestId('totp-secret').textContent).toContain('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
      const code = screen.getByLabelText(w.firstCode);
      await userEvent.type(code, '111111');
      await userEvent.click(screen.getByRole('button', { name: spaced(w.confirm) }));
      await vi.waitFor(() => expect(code.closest('.ant-form-item')!.textContent).toContain(w.wrong));
      await userEvent.clear(code);
      await userEvent.type(code, '222222');
      await userEvent.click(screen.getByRole('button', { name: spaced(w.confirm) }));
      const list = await screen.findByTestId('backup-codes');
      for (const backup of CODES) expect(list.textContent).toContain(backup);
      expect(seen.find((r) => r.path === '/api/auth/two-factor/enable')!.body).toEqual({ password: 'lakeside-lanterns-2026' });
      await userEvent.click(screen.getByRole('button', { name: spaced(w.saved) }));
      expect(await screen.findByText('back at work')).toBeTruthy();
    },
  );

  it.each(['zh-CN', 'en-US'] as const)('says a wrong password under the password field, in its own words, and shows no QR code (%s)', async (locale) => {
    const w = words[locale];
    server(false, () => ({ status: 401, body: { error: { code: 'WRONG_CREDENTIALS', message: 'x' } } }));
    renderPage(locale);
    const password = await screen.findByLabelText(w.password);
    await userEvent.type(password, 'not my password');
    await userEvent.click(screen.getByRole('button', { name: spaced(w.start) }));
    await vi.waitFor(() => expect(password.closest('.ant-form-item')!.textContent).toContain(w.passwordWrong));
    expect(document.body.textContent).not.toMatch(/邮箱或密码|email address or password/);
    expect(screen.queryByTestId('totp-qr')).toBeNull();
    // Typing again clears it.
    await userEvent.type(password, 'x');
    await vi.waitFor(() => expect(password.closest('.ant-form-item')!.textContent).not.toContain(w.passwordWrong));
  });

  it.each(['zh-CN', 'en-US'] as const)('says a wrong password under the field when turning it off (%s)', async (locale) => {
    const w = words[locale];
    server(true, () => ({ status: 401, body: { error: { code: 'WRONG_CREDENTIALS', message: 'x' } } }));
    renderPage(locale, '/two-factor');
    const password = await screen.findByLabelText(w.password);
    await userEvent.type(password, 'not my password');
    await userEvent.click(screen.getByRole('button', { name: spaced(w.disable) }));
    await vi.waitFor(() => expect(password.closest('.ant-form-item')!.textContent).toContain(w.passwordWrong));
    expect(document.body.textContent).not.toMatch(/邮箱或密码|email address or password/);
  });

  it.each(['zh-CN', 'en-US'] as const)('turns an enrolled account’s second factor off with the password (%s)', async (locale) => {
    const w = words[locale];
    const seen = server(true, () => ({ status: 200, body: { status: true } }));
    renderPage(locale, '/two-factor');
    await userEvent.type(await screen.findByLabelText(w.password), 'lakeside-lanterns-2026');
    await userEvent.click(screen.getByRole('button', { name: spaced(w.disable) }));
    await vi.waitFor(() => expect(seen.find((r) => r.path === '/api/auth/two-factor/disable')?.body).toEqual({ password: 'lakeside-lanterns-2026' }));
    expect(await screen.findByRole('button', { name: spaced(w.start) })).toBeTruthy();
  });
});
