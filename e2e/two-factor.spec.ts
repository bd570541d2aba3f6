import { expect as baseExpect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expectAccessible, expectNoAntdEnglish, expectOneH1 } from './accessibility.js';
import { buttonName, dragongate, LANGUAGES, PAGE_LOAD, PASSWORD, personIn, stamp, WORDS } from './hub-people.js';

// A shared, busy machine: pages that load their code on demand get longer than the default.
const expect = baseExpect.configure({ timeout: 20_000 });

/** The authenticator app: codes from the key the enrolment page shows as text. */
const appFor = (key: string) => new TOTP({ secret: Secret.fromBase32(key.replace(/\s+/g, '')), digits: 6, period: 30, algorithm: 'SHA1' });
const wrongCode = (app: TOTP) => String((Number(app.generate()) + 500_000) % 1_000_000).padStart(6, '0');

async function passwordStep(page: Page, lang: (typeof LANGUAGES)[number], email: string) {
  const t = WORDS[lang];
  await page.goto('/sign-in');
  const main = page.getByRole('main');
  await main.getByLabel(t.auth.email).fill(email);
  await main.getByLabel(t.auth.password, { exact: true }).fill(PASSWORD);
  await main.getByRole('button', { name: buttonName(t.auth.signIn) }).click();
  await expect(page.getByRole('heading', { name: t.twoFactor.codeTitle })).toBeVisible({ timeout: PAGE_LOAD });
}

async function signOut(page: Page, lang: (typeof LANGUAGES)[number], name: string) {
  const t = WORDS[lang];
  await page
    .getByRole('banner')
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await page.getByRole('menuitem', { name: t.auth.signOut }).click();
  await expect(page.getByRole('heading', { name: t.auth.signInTitle })).toBeVisible({ timeout: PAGE_LOAD });
}

for (const lang of LANGUAGES) {
  test(`${lang}: a hub requires two-step sign-in of its admins; the admin enrols, signs in with a code and a backup code, and is locked out after wrong codes`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const t = WORDS[lang];
    const run = stamp();
    const slug = `twofa-${lang === 'zh-CN' ? 'zh' : 'en'}-${run}`;
    const email = `admin-${run}@twofa.e2e.test`;
    const name = `Admin ${run}`;
    // A hub of the spec's own (the demo hubs leave two-step sign-in off) and its admin.
    dragongate('hubs', 'create', '--slug', slug, '--name-zh', '双因素', '--name-en', 'Two Factor', '--code', 'TF', '--locale', lang);
    dragongate('users', 'create', '--email', email, '--name', name, '--password', PASSWORD, '--hub', slug, '--role', 'hub_admin');

    // The admin turns the rule on for hub admins on the settings page.
    const page = await personIn(browser, lang);
    // The server keeps its hub list up to 30 s: wait until it knows the hub the CLI made.
    await expect.poll(async () => (await page.request.get(`/api/hubs/${slug}`)).status(), { timeout: 60_000 }).toBe(200);
    await page.goto('/sign-in');
    const main = page.getByRole('main');
    await main.getByLabel(t.auth.email).fill(email);
    await main.getByLabel(t.auth.password, { exact: true }).fill(PASSWORD);
    await main.getByRole('button', { name: buttonName(t.auth.signIn) }).click();
    await expect(page).toHaveURL(new RegExp(`/hubs/${slug}/organizations$`), { timeout: PAGE_LOAD }); // the admin's one hub
    await page.goto(`/hubs/${slug}/security`);
    const rules = page.locator('form#hub-security');
    await expect(page.getByRole('heading', { name: t.twoFactor.security.title })).toBeVisible({ timeout: PAGE_LOAD });
    await rules.getByRole('checkbox', { name: t.admin.roles.hub_admin }).check();
    await rules.getByLabel(t.twoFactor.security.idle).fill('30');
    await rules.getByLabel(t.twoFactor.security.absolute).fill('12');
    await expectOneH1(page);
    await expectAccessible(page, `sign-in rules (${lang})`);
    if (lang === 'zh-CN') await expectNoAntdEnglish(page, 'sign-in rules');
    await rules.getByRole('button', { name: buttonName(t.twoFactor.security.save) }).click();
    await expect(page.getByText(t.twoFactor.security.saved)).toBeVisible();

    // From the next request the hub sends its admin to enrolment.
    await page.goto(`/hubs/${slug}/budget`);
    await expect(page).toHaveURL(/\/two-factor\?/, { timeout: PAGE_LOAD });
    await expect(page.getByText(t.twoFactor.requiredByHub)).toBeVisible();
    await page.getByLabel(t.twoFactor.password, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: buttonName(t.twoFactor.start) }).click();
    await expect(page.getByRole('img', { name: t.twoFactor.qrLabel })).toBeVisible();
    await expect(page.getByTestId('totp-qr').locator('canvas')).toBeVisible();
    const app = appFor(await page.getByTestId('totp-secret').innerText());
    await expectOneH1(page);
    await expectAccessible(page, `enrolment (${lang})`);
    if (lang === 'zh-CN') await expectNoAntdEnglish(page, 'enrolment');
    await page.getByLabel(t.twoFactor.firstCode).fill(app.generate());
    await page.getByRole('button', { name: buttonName(t.twoFactor.confirm) }).click();
    await expect(page.getByRole('heading', { name: t.twoFactor.backupTitle })).toBeVisible();
    const backupCodes = (await page.getByTestId('backup-codes').locator('code').allInnerTexts()).map((code) => code.trim());
    expect(backupCodes).toHaveLength(10);
    // The "turned on" message fades in and out; axe measures a half-faded one as low contrast, so it reads the page once it has gone.
    await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 15_000 });
    await expectAccessible(page, `backup codes (${lang})`);
    await page.getByRole('button', { name: buttonName(t.twoFactor.saved) }).click();
    await expect(page).toHaveURL(new RegExp(`/hubs/${slug}/budget$`), { timeout: PAGE_LOAD });

    // Signing in now asks for a code after the password.
    await signOut(page, lang, name);
    await passwordStep(page, lang, email);
    await expectOneH1(page);
    await expectAccessible(page, `sign-in code step (${lang})`);
    if (lang === 'zh-CN') await expectNoAntdEnglish(page, 'sign-in code step');
    await page.getByLabel(t.twoFactor.code, { exact: true }).fill(app.generate());
    await page.getByRole('button', { name: buttonName(t.twoFactor.verify) }).click();
    await expect(page).toHaveURL(new RegExp(`/hubs/${slug}/organizations$`), { timeout: PAGE_LOAD }); // the admin's one hub

    // A backup code stands in for a code, once.
    await signOut(page, lang, name);
    await passwordStep(page, lang, email);
    await page.getByRole('button', { name: t.twoFactor.useBackup }).click();
    await page.getByLabel(t.twoFactor.backupCode).fill(backupCodes[0]!);
    await page.getByRole('button', { name: buttonName(t.twoFactor.verify) }).click();
    await expect(page).toHaveURL(new RegExp(`/hubs/${slug}/organizations$`), { timeout: PAGE_LOAD }); // the admin's one hub

    // Wrong codes, again and again: the account is locked, and the page says until when.
    await signOut(page, lang, name);
    await passwordStep(page, lang, email);
    const code = page.getByLabel(t.twoFactor.code, { exact: true });
    const field = page.locator('.ant-form-item').filter({ has: code });
    const lockedText = lang === 'zh-CN' ? '锁定至' : 'locked until';
    for (let attempt = 0; attempt < 8; attempt++) {
      await code.fill(wrongCode(app));
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/two-factor/verify-totp'));
      await page.getByRole('button', { name: buttonName(t.twoFactor.verify) }).click();
      const answer = await answered;
      if (answer.status() === 429) break;
      expect(answer.status()).toBe(401);
      await expect(field).toContainText(lang === 'zh-CN' ? '验证码不正确' : 'The code is wrong');
    }
    await expect(field).toContainText(lockedText);
    // Even the right code is refused while locked.
    await code.fill(app.generate());
    await page.getByRole('button', { name: buttonName(t.twoFactor.verify) }).click();
    await expect(field).toContainText(lockedText);
    await expectAccessible(page, `locked (${lang})`);
    await page.context().close();
  });
}
