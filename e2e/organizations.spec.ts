import { expect, test, type Page } from '@playwright/test';
import { fieldErrorMessages } from '../contracts/error-messages.js';
import { usccCheckCharacter } from '../contracts/uscc.js';

const PASSWORD = 'dragongate-demo-2026';
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid USCC nobody has used: Hangzhou prefix, random organisation code, computed check character. */
function uniqueUscc(): string {
  let body = '91330100';
  for (let i = 0; i < 9; i++) body += USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)];
  const check = usccCheckCharacter(body);
  if (!check) throw new Error(`no check character for ${body}`);
  return body + check;
}

/** The same code with a wrong last character. */
function withWrongCheck(uscc: string): string {
  const last = uscc.at(-1);
  return uscc.slice(0, 17) + (last === '0' ? '1' : '0');
}

async function chooseLanguage(page: Page, label: '中文' | 'English') {
  await page.getByRole('banner').getByText(label, { exact: true }).click();
}

test('a startup registers an organisation, in both languages', async ({ page }) => {
  const uscc = uniqueUscc();
  const nameEn = `E2E Robotics ${Date.now()}`;
  const nameZh = `端到端机器人${Date.now()}`;

  // Sign in (the browser speaks English and nothing is chosen yet).
  await page.goto('/sign-in');
  const main = page.getByRole('main');
  await main.getByLabel('Email').fill('startup@hangzhou.demo');
  await main.getByLabel('Password').fill(PASSWORD);
  await main.getByRole('button', { name: 'Sign in' }).click();
  // A person of one hub lands in it.
  await expect(page).toHaveURL(/\/hubs\/hangzhou\/organizations$/);

  // Hangzhou's default language is Chinese, but the person reads English: the hub stays in English.
  await page.goto('/hubs/hangzhou/organizations');
  await expect(page.getByRole('heading', { name: 'Organisations' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');

  // Picking English, already shown, stores the choice.
  await chooseLanguage(page, 'English');
  expect(await page.evaluate(() => window.localStorage.getItem('dragongate.locale'))).toBe('en-US');

  // Register an organisation.
  await page.getByRole('button', { name: 'Register organisation' }).click();
  await expect(page.getByRole('heading', { name: 'Register a new organisation' })).toBeVisible();
  await page.getByLabel('Name in Chinese').fill(nameZh);
  await page.getByLabel('Name in English').fill(nameEn);
  await page.getByLabel('Kind').click();
  await page.getByTitle('Startup', { exact: true }).click();

  // A wrong check character is caught as you type, in English then in Chinese.
  const usccField = page.getByLabel('Unified Social Credit Code');
  await usccField.fill(withWrongCheck(uscc));
  await expect(page.getByText(fieldErrorMessages.INVALID_USCC['en-US'])).toBeVisible();
  await chooseLanguage(page, '中文');
  await expect(page.getByText(fieldErrorMessages.INVALID_USCC['zh-CN'])).toBeVisible();
  await chooseLanguage(page, 'English');
  await expect(page.getByText(fieldErrorMessages.INVALID_USCC['en-US'])).toBeVisible();

  await usccField.fill(uscc);
  await expect(page.getByText(fieldErrorMessages.INVALID_USCC['en-US'])).toBeHidden();
  await page.getByLabel('Sectors').click();
  await page.getByTitle('Robotics', { exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Headcount').fill('12');
  await page.getByLabel('Website').fill('https://e2e.example.com');
  await page.getByRole('button', { name: 'Register', exact: true }).dblclick();

  // The detail page of the new organisation.
  await expect(page.getByRole('heading', { name: nameZh })).toBeVisible();
  await expect(page.getByText(uscc)).toBeVisible();

  // It is in the list, once (the double click did not register it twice).
  await page.getByRole('link', { name: 'Back to organisations' }).click();
  await page.getByRole('searchbox', { name: 'Search by name' }).fill(nameEn);
  await page.getByRole('searchbox', { name: 'Search by name' }).press('Enter');
  await expect(page.getByRole('link', { name: nameEn })).toHaveCount(1);
  await expect(page.getByText('Showing 1')).toBeVisible();

  // Sign out from the user menu.
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Account:/ })
    .click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Dragon Gate' })).toBeVisible();
});
