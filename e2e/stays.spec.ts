import { expect, test } from '@playwright/test';
import { chooseLanguage, openMenu, signIn } from './demo-session.js';
import { keepScreenshot } from './screenshot.js';
import { chooseOption } from './select.js';

test('a graduate finds a week, books it and gets the QR; the station manager checks them in by its code', async ({ page, browser }) => {
  await signIn(page, 'graduate@hangzhou.demo');
  await page.goto('/hubs/hangzhou/organizations');
  await chooseLanguage(page, 'English');
  await openMenu(page, 'Youth stations');
  await expect(page.getByRole('heading', { name: 'Youth stations' })).toBeVisible();
  // The demo graduate: a 2025 master's from Zhejiang University, so eligible, with the reasons.
  await expect(page.getByText('You are eligible for a free stay.')).toBeVisible();
  await expect(page.getByText("A master's degree meets the rule (junior college or higher).")).toBeVisible();

  // The default range is a week from today (6 nights): search every station.
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('list', { name: 'Stations' }).getByRole('listitem').filter({ hasText: 'Future Sci-Tech City' });
  await expect(row).toContainText('Up to 6 nights a stay');
  await keepScreenshot(page, 'search-en');
  await row.getByRole('button', { name: 'Book' }).click();
  await expect(page.getByRole('dialog')).toContainText(/Future Sci-Tech City.*check in .*6 nights/);
  await page.getByRole('dialog').getByRole('button', { name: 'Book' }).click();

  const confirmation = page.getByRole('dialog').filter({ hasText: 'Booked' });
  await expect(confirmation).toBeVisible();
  await expect(confirmation.locator('canvas')).toBeVisible(); // the QR
  const code = (await confirmation.locator('.ant-typography strong').first().innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
  await keepScreenshot(page, 'booked-en');
  await confirmation.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('Confirmed', { exact: true }).first()).toBeVisible();

  await chooseLanguage(page, '中文');
  await expect(page.getByText('您符合免费入住条件。')).toBeVisible();

  // The station manager, in a browser of their own.
  const desk = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await signIn(desk, 'station@hangzhou.demo');
  await desk.goto('/hubs/hangzhou/organizations');
  await chooseLanguage(desk, 'English');
  await openMenu(desk, 'Station desk');
  await expect(desk.getByRole('heading', { name: 'Station desk' })).toBeVisible();
  await expect(desk.getByRole('img', { name: 'Occupancy (next 30 days)' })).toBeVisible();
  await desk.getByLabel('Scan the QR code or type the check-in code').fill(code.toLowerCase());
  await desk.getByRole('button', { name: 'Check in' }).first().click();
  await expect(desk.getByText(/Graduate \(demo\) checked in: room/)).toBeVisible();
  await expect(desk.getByRole('row').filter({ hasText: code })).toContainText('Checked in');
  // The occupancy calendar counts the guest on each of their nights (24 beds at this station).
  await expect(desk.getByText('Occupancy calendar (occupied / beds)')).toBeVisible();
  await expect(desk.getByText('1/24').first()).toBeVisible();
  await keepScreenshot(desk, 'desk-en');
});

test('a hub admin opens a station with its rooms and a closed week, and names its manager', async ({ page }) => {
  await signIn(page, 'admin@hangzhou.demo');
  await page.goto('/hubs/hangzhou/organizations');
  await chooseLanguage(page, 'English');
  await openMenu(page, 'Station desk');
  await page.getByRole('button', { name: 'New station' }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: 'New station' });
  await drawer.getByLabel('Name (Chinese)').fill('测试青年驿站（端到端）');
  await drawer.getByLabel('Name (English)').fill('E2E Youth Station');
  await drawer.getByLabel('Address (Chinese)').fill('文一西路1号');
  await drawer.getByLabel('Address (English)').fill('1 Wenyi West Road');
  // The district is one of the hub's, picked by name.
  await chooseOption(page, drawer.getByLabel('District'), 'Yuhang');
  // Rooms, closed days and photo links are rows of labelled inputs, each checked where it is typed.
  await drawer.getByLabel('Beds in room 1', { exact: true }).fill('6');
  await drawer.getByRole('button', { name: 'Add a room' }).click();
  await drawer.getByLabel('Name of room 2', { exact: true }).fill('2F');
  await drawer.getByLabel('Beds in room 2', { exact: true }).fill('sixty');
  await drawer.getByRole('button', { name: 'Open the station' }).click();
  // A bad row's error is under that row's input, and nothing is sent.
  await expect(drawer.locator('[data-room-row="2"]')).toContainText('Enter a whole number from 1 to 50.');
  await drawer.getByLabel('Beds in room 2', { exact: true }).fill('4');
  // A closed week two months ahead (the picker offers no day before the hub's today).
  const daysAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  await drawer.getByRole('button', { name: 'Add closed days' }).click();
  const closed = drawer.locator('[data-blackout-row="1"]');
  const firstClosed = closed.getByLabel('Closed days 1 (first day – reopening day)', { exact: true });
  await firstClosed.fill(daysAhead(60));
  await firstClosed.press('Enter');
  const reopening = closed.getByLabel('Closed days 1 (first day – reopening day): Reopening day', { exact: true });
  await reopening.fill(daysAhead(67));
  await reopening.press('Enter');
  await closed.getByLabel('Reason for closed days 1').fill('Spring Festival');
  await drawer.getByRole('button', { name: 'Open the station' }).click();
  await expect(page.getByText('Station opened.')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'E2E Youth Station' });
  await expect(row).toContainText('10');
  await row.getByRole('button', { name: 'Add a manager' }).click();
  await page.getByLabel('Their sign-in email').fill('station@hangzhou.demo');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByText('station@hangzhou.demo now runs this station.')).toBeVisible();
  await keepScreenshot(page, 'admin-en');
});
