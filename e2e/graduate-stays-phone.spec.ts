import { expect, test } from '@playwright/test';
import { chooseLanguage, openMenu, signIn } from './demo-session.js';
import { expectFitsPhone, PHONE } from './phone.js';

// Graduates mostly use phones: the station search, booking and its confirmation at 390×844.
test('a graduate on a phone finds a bed, books it and keeps a confirmation with address, map and calendar', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, 'graduate@hangzhou.demo');
  await page.goto('/hubs/hangzhou/stays');
  await chooseLanguage(page, 'English');
  await expect(page.getByRole('heading', { name: 'Youth stations' })).toBeVisible();
  // My bookings: one empty state at most, never two stacked.
  const mine = page.locator('.ant-card').filter({ has: page.getByText('My bookings', { exact: true }) });
  await expect(mine).toBeVisible();
  expect(await mine.locator('.ant-empty').count()).toBeLessThanOrEqual(1);
  await expectFitsPhone(page);

  await page.getByRole('button', { name: 'Search' }).click();
  const results = page.getByRole('list', { name: 'Stations' });
  await expect(results.getByRole('listitem').first()).toBeVisible();
  await expectFitsPhone(page);
  const bookable = results
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: 'Book' }) })
    .first();
  await bookable.getByRole('button', { name: 'Book' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Book' }).click();

  const confirmation = page.getByRole('dialog').getByRole('group', { name: 'Booking confirmation' });
  await expect(confirmation).toBeVisible();
  await expect(confirmation.getByRole('link', { name: /Open in a map/ })).toHaveAttribute('href', /^https:\/\/uri\.amap\.com\/search\?keyword=/);
  await expect(confirmation).toContainText('go to the front desk with your ID card or passport');
  const download = page.waitForEvent('download');
  await confirmation.getByRole('link', { name: /Add to calendar/ }).click();
  const ics = await download;
  expect(ics.suggestedFilename()).toMatch(/^stay-\d{4}-\d{2}-\d{2}\.ics$/);
  await expectFitsPhone(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  await chooseLanguage(page, '中文');
  const card = page.getByRole('group', { name: '预订确认' }).first();
  await expect(card).toContainText('携带身份证或护照到前台');
  await expect(card.getByRole('link', { name: /添加到日历/ })).toBeVisible();
  await expectFitsPhone(page);

  // Cancelled again, so the graduate's other journeys (e2e/stays.spec.ts) find their nights free.
  await chooseLanguage(page, 'English');
  await page.getByRole('button', { name: 'Cancel booking' }).first().click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Cancel booking' }).click();
  await expect(page.getByText('Cancelled', { exact: true }).first()).toBeVisible();
});

test('a wrong check-in code says the code is wrong, in both languages', async ({ page }) => {
  await signIn(page, 'station@hangzhou.demo');
  await page.goto('/hubs/hangzhou/organizations');
  await chooseLanguage(page, 'English');
  await openMenu(page, 'Station desk');
  await page.getByLabel('Scan the QR code or type the check-in code').fill('WRONG2345X');
  await page.getByRole('button', { name: 'Check in' }).first().click();
  await expect(page.getByText('This check-in code is wrong.', { exact: false })).toBeVisible();
  await chooseLanguage(page, '中文');
  await page.getByLabel('扫描二维码或输入入住码').fill('WRONG2345X');
  await page
    .getByRole('button', { name: /^入 ?住$/ })
    .first()
    .click();
  await expect(page.getByText('入住码不正确', { exact: false })).toBeVisible();
  await expect(page.getByText('找不到该内容。')).toHaveCount(0);
});
