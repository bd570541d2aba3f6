import { expect, test } from '@playwright/test';
import { chooseLanguage, signIn } from './demo-session.js';

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
  await holder.screenshot({ path: '/tmp/talent-card-en.png', fullPage: true });

  // A stranger (no session at all) opens the QR's link.
  const stranger = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await stranger.goto(link!);
  await chooseLanguage(stranger, 'English');
  await expect(stranger.getByText('Talent card check: Valid')).toBeVisible();
  await expect(stranger.getByText(/Class E/)).toBeVisible();
  await expect(stranger.getByText('Graduate (demo)')).toHaveCount(0);
  await stranger.goto(link!.replace(/token=.{6}/, 'token=AAAAAA'));
  await expect(stranger.getByText('Not a valid talent card', { exact: false })).toBeVisible();

  // The hub admin rotates the signing key: the card already issued still checks as valid.
  const admin = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signIn(admin, 'admin@hangzhou.demo');
  await admin.goto('/hubs/hangzhou/people');
  await chooseLanguage(admin, 'English');
  await admin.getByRole('button', { name: 'Talent catalogue' }).click();
  await admin.getByRole('button', { name: 'Rotate the card signing key' }).click();
  await admin.getByRole('tooltip').getByRole('button', { name: 'Rotate the card signing key' }).click();
  await expect(admin.getByText(/^New cards are signed with key /)).toBeVisible();
  await stranger.goto(link!);
  await expect(stranger.getByText('Talent card check: Valid')).toBeVisible();
});
