import { expect, test } from '@playwright/test';
import { startupClaimsVoucher } from './demo-applications.js';
import { chooseLanguage, signIn } from './demo-session.js';
import { seedYear } from '../server/db/demo-year.js';

// Finance reads the ledger in words: each account by what it is (budget line, award for a
// program and an applicant) with a link, statuses in plain words, never internal codes.
test('the ledger names each account and links an award to its application, in both languages', async ({ page }) => {
  await signIn(page, 'startup@hangzhou.demo');
  const { application } = await startupClaimsVoucher(page);
  await page.context().clearCookies();

  await signIn(page, 'finance@hangzhou.demo');
  await page.goto(`/hubs/hangzhou/budget?year=${seedYear()}`);
  await chooseLanguage(page, '中文');
  await page.getByRole('tab', { name: '账本' }).click();
  const award = '资助：杭州算力券 · 钱塘具身智能（演示）';
  // A compute voucher is reserved at approval and paid as the compute is metered.
  const paid = page.getByRole('row').filter({ hasText: application.number }).filter({ hasText: '已预留，尚未支付' });
  await expect(paid.first()).toBeVisible();
  await expect(paid.first().getByRole('link', { name: award })).toBeVisible();
  await expect(paid.first()).toContainText('算力券'); // the budget line, by name
  await expect(page.getByRole('main')).not.toContainText('award:application:');
  await expect(page.getByRole('main')).not.toContainText('待定转过账');

  await chooseLanguage(page, 'English');
  const row = page.getByRole('row').filter({ hasText: application.number }).filter({ hasText: 'Reserved, not paid yet' }).first();
  await expect(row.getByRole('link', { name: 'Award: Hangzhou compute vouchers · Qiantang Embodied AI (demo)' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('award:application:');
  await row.getByRole('link', { name: application.number }).click();
  await expect(page.getByTestId('application-number')).toHaveText(application.number);
});
