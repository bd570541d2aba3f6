import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectNoAntdEnglish, expectOneH1 } from './accessibility.js';
import { DEMO_PASSWORD } from './demo-session.js';

// The main pages in Chinese: axe finds no serious or critical violation, each page has one h1,
// and antd speaks Chinese (pickers, empty states, pagination).
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('dragongate.locale', 'zh-CN'));
});

async function signInAs(page: Page, email: string) {
  await page.goto('/sign-in');
  const main = page.getByRole('main');
  await main.getByLabel('邮箱').fill(email);
  await main.getByLabel('密码').fill(DEMO_PASSWORD);
  await main.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

async function check(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
  await page.waitForLoadState('networkidle');
  await expectOneH1(page, path);
  await expectNoAntdEnglish(page, path);
  await expectAccessible(page, path);
}

const heading = (page: Page) => expect(page.locator('h1')).toBeVisible();

test('signed out: landing, public catalogue, sign-in', async ({ page }) => {
  for (const path of ['/', '/hubs/hangzhou/programs', '/sign-in']) await check(page, path, heading);
});

test('a program officer: organisations, programs, applications', async ({ page }) => {
  await signInAs(page, 'officer@hangzhou.demo');
  for (const path of ['/hubs/hangzhou/organizations', '/hubs/hangzhou/programs', '/hubs/hangzhou/applications', '/hubs/hangzhou/identity-claims'])
    await check(page, path, heading);
});

test('finance: budget and its ledger', async ({ page }) => {
  await signInAs(page, 'finance@hangzhou.demo');
  await check(page, '/hubs/hangzhou/budget', heading);
  await page.getByRole('tab', { name: '账本' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectNoAntdEnglish(page, 'ledger');
  await expectAccessible(page, 'ledger');
});

test('a graduate: stays and the talent card', async ({ page }) => {
  await signInAs(page, 'graduate@hangzhou.demo');
  for (const path of ['/hubs/hangzhou/stays', '/hubs/hangzhou/talent-card']) await check(page, path, heading);
});

test('the station desk and the reviewer queue', async ({ page, browser }) => {
  await signInAs(page, 'station@hangzhou.demo');
  await check(page, '/hubs/hangzhou/station-desk', heading);
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await reviewer.addInitScript(() => window.localStorage.setItem('dragongate.locale', 'zh-CN'));
  await signInAs(reviewer, 'reviewer@hangzhou.demo');
  await check(reviewer, '/hubs/hangzhou/reviews', heading);
  await context.close();
});
