import { expect, test } from '@playwright/test';
import { expectAccessible } from './accessibility.js';
import { chooseLanguage, signIn } from './demo-session.js';
import { buttonName, dragongate, PAGE_LOAD, PASSWORD, personIn, signInAs, stamp, WORDS } from './hub-people.js';
import { keepScreenshot } from './screenshot.js';

test('an officer grants a talent class; the holder shows the card and anyone checks it without signing in', async ({ page, browser }) => {
  await signIn(page, 'officer@hangzhou.demo');
  await page.goto('/hubs/hangzhou/people');
  await chooseLanguage(page, 'English');
  // The officer adds a condition to class E in the hub's catalogue, then assesses against it.
  await page.getByRole('button', { name: 'Talent catalogue' }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: 'Talent classes A-E' });
  const classE = drawer.locator('.ant-card').filter({ hasText: 'Class E' });
  await classE.getByRole('button', { name: 'Add a condition' }).click();
  await classE.getByLabel('Condition code').last().fill('e2e_city_award');
  await classE.getByLabel('Condition (Chinese)').last().fill('获得市级创新奖（测试）');
  await classE.getByLabel('Condition (English)').last().fill('City innovation award (test)');
  await drawer.getByRole('button', { name: 'Save the catalogue' }).click();
  await expect(page.getByText('Catalogue saved.')).toBeVisible();
  // Closed before typing on: the drawer hands focus back to its button as it goes, and an
  // Enter meant for the search box would open it again.
  await expect(drawer).toBeHidden();

  await page.getByLabel('Search by name').fill('Graduate (demo)');
  await page.keyboard.press('Enter');
  const row = page.getByRole('row').filter({ hasText: 'Graduate (demo)' });
  await row.getByRole('button', { name: 'Assess' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Talent class').click();
  await page.getByTitle('Class E: senior talent').click();
  await dialog.getByLabel('City innovation award (test)').check();
  await dialog.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByText('Decision recorded.')).toBeVisible();
  await expect(row).toContainText('E');

  const holder = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signIn(holder, 'graduate@hangzhou.demo');
  await holder.goto('/hubs/hangzhou/talent-card');
  await chooseLanguage(holder, 'English');
  await expect(holder.getByText('Class E')).toBeVisible();
  await expect(holder.locator('canvas')).toBeVisible();
  const link = await holder.getByRole('link', { name: 'Talent card check' }).getAttribute('href');
  // The profile beside the card: an employer and an evidence file.
  await holder.getByLabel('Employer').fill('Qiantang Embodied AI');
  await holder.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(holder.getByText('Profile saved.')).toBeVisible();
  await holder.locator('input[type=file]').setInputFiles({ name: 'award.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
  await expect(holder.getByRole('link', { name: 'award.pdf' })).toBeVisible();
  await keepScreenshot(holder, 'talent-card-en');

  // A stranger (no session at all) opens the QR's link.
  const stranger = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await stranger.goto(link!);
  await chooseLanguage(stranger, 'English');
  await expect(stranger.getByText('Talent card check: Valid')).toBeVisible();
  await expect(stranger.getByText(/Class E/)).toBeVisible();
  await expect(stranger.getByText('Graduate (demo)')).toHaveCount(0);
  await stranger.goto(link!.replace(/token=.{6}/, 'token=AAAAAA'));
  await expect(stranger.getByText('Not a valid talent card', { exact: false })).toBeVisible();

  // The security admin (key rotation is theirs alone) rotates the signing key on the hub's
  // security page, in Chinese: the card already issued still checks as valid.
  const t = WORDS['zh-CN'];
  const securityEmail = `security-${stamp()}@talent.e2e.test`;
  dragongate(
    'users',
    'create',
    '--email',
    securityEmail,
    '--name',
    'Security Admin (e2e)',
    '--password',
    PASSWORD,
    '--hub',
    'hangzhou',
    '--role',
    'security_admin',
  );
  const security = await personIn(browser, 'zh-CN');
  await signInAs(security, 'zh-CN', securityEmail);
  await security.goto('/hubs/hangzhou/security');
  const keyCard = security.locator('.ant-card').filter({ has: security.getByRole('heading', { name: t.stays.signingKey.title }) });
  await expect(keyCard).toBeVisible({ timeout: PAGE_LOAD });
  await keyCard.getByRole('button', { name: buttonName(t.stays.signingKey.rotate) }).click();
  await security
    .getByRole('tooltip')
    .getByRole('button', { name: buttonName(t.stays.signingKey.rotate) })
    .click();
  await expect(keyCard.getByRole('status')).toContainText('新卡将使用密钥');
  await expectAccessible(security, 'security page with the signing key (zh-CN)');
  // The hub admin, on the people register, is offered no rotation there any more.
  const admin = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signIn(admin, 'admin@hangzhou.demo');
  await admin.goto('/hubs/hangzhou/people');
  await chooseLanguage(admin, 'English');
  await admin.getByRole('button', { name: 'Talent catalogue' }).click();
  await expect(admin.getByRole('dialog').getByRole('button', { name: 'Save the catalogue' })).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Rotate the card signing key' })).toHaveCount(0);
  await stranger.goto(link!);
  await expect(stranger.getByText('Talent card check: Valid')).toBeVisible();
});
