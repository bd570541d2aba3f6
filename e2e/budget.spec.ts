import { expect, test, type Page } from '@playwright/test';
import { errorMessages } from '../contracts/error-messages.js';
import { seedYear } from '../server/db/demo-year.js';
import { keepScreenshot } from './screenshot.js';

const PASSWORD = 'dragongate-demo-2026';
const YEAR = seedYear();

async function chooseLanguage(page: Page, label: '中文' | 'English') {
  await page.getByRole('banner').getByText(label, { exact: true }).click();
}

test('a finance officer opens a year, funds lines, is refused an overdraft, in both languages', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const lineA = { code: `research-${suffix}`, zh: `算力券${suffix}`, en: `Compute vouchers ${suffix}` };
  const lineB = { code: `talent-${suffix}`, zh: `人才补贴${suffix}`, en: `Talent subsidy ${suffix}` };

  await page.goto('/sign-in');
  const main = page.getByRole('main');
  await main.getByLabel('Email').fill('finance@hangzhou.demo');
  await main.getByLabel('Password').fill(PASSWORD);
  await main.getByRole('button', { name: 'Sign in' }).click();
  // A person of one hub lands in it.
  await expect(page).toHaveURL(/\/hubs\/hangzhou\/organizations$/);

  // The Budget entry in the hub menu, then this year's budget (the one the demo seed opens).
  await page.goto('/hubs/hangzhou/organizations');
  await chooseLanguage(page, 'English');
  await page.getByRole('menuitem', { name: 'Budget' }).click();
  await expect(page.getByRole('heading', { name: /^Budget \d{4}$/ })).toBeVisible();
  await page.goto(`/hubs/hangzhou/budget?year=${YEAR}`);
  await expect(page.getByRole('heading', { name: `Budget ${YEAR}` })).toBeVisible();

  // The demo seed opens this year (CNY 250 bn of revenue, 15% -> 37.5 bn: seed/programs.json); on
  // a database without it, open it here with 200 million yuan (15% -> 30 million).
  const openYear = page.getByRole('button', { name: 'Open fiscal year' });
  const overview = page.getByRole('tab', { name: 'Envelope and lines' });
  await expect(openYear.or(overview)).toBeVisible();
  if (await openYear.isVisible()) {
    await page.getByLabel('General budget revenue (yuan)').fill('200,000,000');
    await expect(page.getByText('Envelope: 15% of revenue = CNY 30,000,000')).toBeVisible();
    await keepScreenshot(page, 'open-year-en');
    await openYear.click();
  }
  await expect(overview).toBeVisible();
  await expect(page.getByText('CNY 250,000,000,000').or(page.getByText('CNY 200,000,000')).first()).toBeVisible();

  // Two lines funded from the envelope.
  for (const [line, amount] of [
    [lineA, '1,000,000'],
    [lineB, '250,000.50'],
  ] as const) {
    await page.getByRole('button', { name: 'New budget line' }).click();
    const dialog = page.getByRole('dialog', { name: `New budget line for ${YEAR}` });
    await dialog.getByLabel('Line code').fill(line.code);
    await dialog.getByLabel('Name in Chinese').fill(line.zh);
    await dialog.getByLabel('Name in English').fill(line.en);
    await dialog.getByLabel('Amount from the envelope (yuan)').fill(amount);
    await dialog.getByRole('button', { name: 'Create line' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: line.en })).toBeVisible();
  }
  await expect(page.getByRole('img', { name: 'Burn-down per line' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: lineA.en })).toContainText('CNY 1,000,000');
  await expect(page.getByRole('row').filter({ hasText: lineB.en })).toContainText('CNY 250,000.50');

  // Moving more than the line holds is refused, with the translated message, and nothing changes.
  await page.getByRole('button', { name: 'Move money' }).click();
  const move = page.getByRole('dialog', { name: 'Move money between lines' });
  // The line pickers search as you type; Enter takes the match.
  await move.getByLabel('From line').fill(lineA.code);
  await page.keyboard.press('Enter');
  await move.getByLabel('To line').fill(lineB.code);
  await page.keyboard.press('Enter');
  await move.getByLabel('Amount to move (yuan)').fill('1,000,000.01');
  await move.getByRole('button', { name: 'Move money' }).click();
  await expect(move.getByRole('alert')).toHaveText(errorMessages.BUDGET_EXHAUSTED['en-US']);
  await keepScreenshot(page, 'exhausted-en');

  await move.getByRole('button', { name: 'Cancel' }).click();
  await expect(move).toBeHidden();

  // In Chinese: the labels, and the same refusal in Chinese. A cancelled dialog opens fresh (no draft, no failure), so it is filled again.
  await chooseLanguage(page, '中文');
  await page.getByRole('button', { name: '科目间调剂' }).click();
  const moveZh = page.getByRole('dialog', { name: '在科目之间调剂资金' });
  await expect(moveZh.getByLabel('调剂金额（元）')).toHaveValue('');
  await expect(moveZh.getByRole('alert')).toHaveCount(0);
  await moveZh.getByLabel('调出科目').fill(lineA.code);
  await page.keyboard.press('Enter');
  await moveZh.getByLabel('调入科目').fill(lineB.code);
  await page.keyboard.press('Enter');
  await moveZh.getByLabel('调剂金额（元）').fill('1,000,000.01');
  await moveZh.getByRole('button', { name: '科目间调剂' }).click();
  await expect(moveZh.getByRole('alert')).toHaveText(errorMessages.BUDGET_EXHAUSTED['zh-CN']);
  await keepScreenshot(page, 'exhausted-zh');
  await moveZh.getByRole('button', { name: /取\s*消/ }).click();
  await expect(moveZh).toBeHidden();
  await expect(page.getByRole('heading', { name: `${YEAR} 年度预算` })).toBeVisible();
  await expect(page.getByRole('tab', { name: '资金池与科目' })).toBeVisible();
  await expect(page.getByRole('img', { name: '各科目执行情况' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: lineA.zh })).toContainText('100万元');
  await keepScreenshot(page, 'overview-zh');

  // The ledger lists the two fundings; the download link points at the XLSX export.
  await page.getByRole('tab', { name: '账本' }).click();
  await expect(page.getByRole('row').filter({ hasText: lineA.zh }).getByText('科目拨款')).toBeVisible();
  await expect(page.getByRole('link', { name: /下载 XLSX/ })).toHaveAttribute('href', `/api/hubs/hangzhou/fiscal-years/${YEAR}/ledger.xlsx?lang=zh-CN`);
  await page.getByRole('row').filter({ hasText: lineA.zh }).getByText(lineA.zh).first().click();
  await expect(page.getByRole('dialog', { name: `余额：${lineA.zh}` })).toContainText('100万元');
  await keepScreenshot(page, 'ledger-zh');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: `余额：${lineA.zh}` })).toBeHidden();
  await chooseLanguage(page, 'English');
  await expect(page.getByRole('link', { name: /Download XLSX/ })).toBeVisible();
  await keepScreenshot(page, 'ledger-en');
  await page.getByRole('tab', { name: 'Envelope and lines' }).click();
  await expect(page.getByRole('img', { name: 'Burn-down per line' })).toBeVisible();
  await keepScreenshot(page, 'overview-en');
});
