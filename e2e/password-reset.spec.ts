import { expect as baseExpect, test } from '@playwright/test';
import { expectAccessible, expectNoAntdEnglish } from './accessibility.js';
import { buttonName, dragongate, LANGUAGES, PASSWORD, personIn, signInAs, stamp, WORDS } from './hub-people.js';
import { startMailSink } from './mail-sink.js';

// A shared, busy machine: pages that load their code on demand get longer than the default.
const expect = baseExpect.configure({ timeout: 20_000 });

let mail: Awaited<ReturnType<typeof startMailSink>>;
test.beforeAll(async () => {
  mail = await startMailSink();
});
test.afterAll(async () => {
  await mail.close();
});

for (const lang of LANGUAGES) {
  test(`${lang}: a forgotten password is reset through the emailed link, which works once; other sessions end`, async ({ browser }) => {
    test.setTimeout(120_000);
    const t = WORDS[lang];
    const email = `forgetful-${stamp()}@e2e.test`;
    const newPassword = 'willow-bridge-at-dawn-7';
    dragongate('users', 'create', '--email', email, '--name', 'Forgetful Zhao', '--password', PASSWORD);

    // A session on another device, which the reset must end.
    const elsewhere = await personIn(browser, lang);
    await signInAs(elsewhere, lang, email);
    expect((await elsewhere.request.get('/api/me')).status()).toBe(200);

    // From the sign-in page: "forgot your password?"; the answer is the same for any address.
    const page = await personIn(browser, lang);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: t.account.forgot }).click();
    await expect(page.getByRole('heading', { name: t.account.forgotTitle })).toBeVisible();
    await page.getByLabel(t.auth.email).fill(email);
    await page.getByRole('button', { name: buttonName(t.account.send) }).click();
    await expect(page.getByText(t.account.sent)).toBeVisible();
    await expectAccessible(page, `forgot password (${lang})`);
    if (lang === 'zh-CN') await expectNoAntdEnglish(page, 'forgot password');

    // The link in the email sets a new password.
    const link = await mail.linkTo(email, /reset-password/);
    await page.goto(link);
    await expect(page.getByRole('heading', { name: t.account.resetTitle })).toBeVisible();
    await page.getByLabel(t.account.newPassword).fill(newPassword);
    await expectAccessible(page, `reset password (${lang})`);
    await page.getByRole('button', { name: buttonName(t.account.reset) }).click();
    await expect(page.getByText(t.account.resetDone)).toBeVisible();

    // Every session ended; the old password no longer works, the new one does.
    expect((await elsewhere.request.get('/api/me')).status()).toBe(401);
    await page.goto('/sign-in');
    const main = page.getByRole('main');
    await main.getByLabel(t.auth.email).fill(email);
    await main.getByLabel(t.auth.password, { exact: true }).fill(PASSWORD);
    await main.getByRole('button', { name: buttonName(t.auth.signIn) }).click();
    await expect(page.getByText(t.auth.wrongCredentials)).toBeVisible();
    await signInAs(page, lang, email, newPassword);

    // The same link a second time is refused.
    await page.goto(link);
    await page.getByLabel(t.account.newPassword).fill('another-new-password-9');
    await page.getByRole('button', { name: buttonName(t.account.reset) }).click();
    await expect(page.getByText(t.account.linkInvalid)).toBeVisible();
    await page.context().close();
    await elsewhere.context().close();
  });
}
