import { expectAccessible } from './accessibility.js';
import { expect, test, type Page } from '@playwright/test';
import { chooseOption } from './select.js';
import { keepScreenshot } from './screenshot.js';

const PASSWORD = 'dragongate-demo-2026';

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  const main = page.getByRole('main');
  await main.getByLabel(/^(Email|邮箱)$/).fill(email);
  await main.getByLabel(/^(Password|密码)$/).fill(PASSWORD);
  await main.getByRole('button', { name: /^(Sign in|登 ?录)$/ }).click();
  // In their one hub (staff, a startup), or on the hub picker (a graduate with no company).
  await expect(page).toHaveURL(/\/(hubs\/hangzhou\/organizations)?$/);
}

async function chooseLanguage(page: Page, label: '中文' | 'English') {
  await page.getByRole('banner').getByText(label, { exact: true }).click();
}

/** Rule-only programs decide and pay at once: the apply form asks before it sends. */
async function submitAndConfirm(page: Page) {
  await page.getByRole('button', { name: 'Submit application' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: 'The rules decide at once' });
  await confirm.getByRole('button', { name: 'Submit application' }).click();
}

/** From the catalog (through the menu) to a program's page and its apply form. */
async function openApplyForm(page: Page, program: string) {
  await page.goto('/hubs/hangzhou/organizations');
  await chooseLanguage(page, 'English');
  await page.getByRole('menuitem', { name: 'Programs', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Programs', exact: true })).toBeVisible();
  await page.getByRole('link', { name: program, exact: true }).first().click();
  await expect(page.getByRole('heading', { name: program })).toBeVisible();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Apply: ${program}` })).toBeVisible();
}

test('a startup claims a compute voucher and is approved at once, with the explanation', async ({ page }) => {
  await signIn(page, 'startup@hangzhou.demo');
  await openApplyForm(page, 'Hangzhou compute vouchers');
  await keepScreenshot(page, 'catalog-apply-en');

  // The organisation is prefilled from what the platform knows (the founder's organisations;
  // organizations.spec.ts may have registered a second one): choose the demo startup.
  await chooseOption(page, page.getByLabel('Applying organisation'), 'Qiantang Embodied AI (demo)');
  await page.getByLabel('Compute contract number').fill(`HZ-E2E-${Date.now().toString(36)}`);
  await page.getByLabel('Contract amount').fill('1,000,000');
  await expect(page.getByText('That is CNY 1m')).toBeVisible();
  await page.getByLabel('Domestic chips or a registered foundation-model service').check();
  await page.getByLabel('Contract signed on').fill('2026-10-15');
  await page.getByLabel('Contract signed on').press('Enter');
  // The scan is uploaded as soon as it is chosen; the server decides its type from its bytes.
  await page.locator('input[type=file]').setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
  await expect(page.getByText('Uploaded: contract.pdf')).toBeVisible();
  await keepScreenshot(page, 'voucher-form-en');
  await submitAndConfirm(page);

  await expect(page.getByText('Approved', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('award-amount')).toHaveText('CNY 300,000');
  const explanation = page.getByRole('list', { name: 'How the amount was worked out' });
  await expect(explanation).toContainText('Accelerators "Domestic chips or a registered foundation-model service" gets 30%.');
  await expect(explanation).toContainText('CNY 1,000,000 × 30% = CNY 300,000.');
  await expect(explanation).toContainText('Total CNY 300,000.');
  await expect(page.getByText('Paid share by share as the provider reports the compute used').first()).toBeVisible();
  await keepScreenshot(page, 'voucher-approved-en');

  await chooseLanguage(page, '中文');
  await expect(page.getByText('已批准', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('award-amount')).toHaveText('30万元');
  await expect(page.getByRole('list', { name: '金额计算说明' })).toContainText('100万元 × 30% = 30万元。');
  await keepScreenshot(page, 'voucher-approved-zh');

  // My applications lists it.
  await page.getByRole('menuitem', { name: '我的申请' }).click();
  await expect(page.getByRole('row').filter({ hasText: '杭州算力券' }).first()).toContainText('30万元');
});

test('a graduate claims the living allowance: approved in two tranches that wait on social insurance', async ({ page }) => {
  await signIn(page, 'graduate@hangzhou.demo');
  await openApplyForm(page, 'Graduate living allowance');
  await expect(page.getByText('People apply to this program as themselves')).toBeVisible();
  await submitAndConfirm(page);

  // One claim per graduate: a second run against the same server finds the first one.
  const already = page.getByRole('alert').filter({ hasText: 'one application per applicant' });
  await expect(page.getByTestId('award-amount').or(already)).toBeVisible();
  if (await already.isVisible()) {
    await page.getByRole('menuitem', { name: 'My applications' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: 'Graduate living allowance' })
      .filter({ hasText: 'Approved' })
      .getByRole('link', { name: /^HZ-\d{4}-\d{6}$/ })
      .click();
  }
  await expect(page.getByText('Approved', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('award-amount')).toHaveText('CNY 30,000');
  const explanation = page.getByRole('list', { name: 'How the amount was worked out' });
  await expect(explanation).toContainText('By degree: master gets CNY 30,000.');
  await expect(explanation).toContainText('Tranche 1 (50%): CNY 15,000, paid after 6 months of local social insurance.');
  await expect(explanation).toContainText('Tranche 2 (50%): CNY 15,000, paid after 12 months of local social insurance.');
  // The award's tranches, once: each with what it waits for and its state (the plan is not shown again beside it).
  const tranches = page.getByTestId('award').getByRole('table');
  await expect(tranches).toHaveCount(1);
  await expect(page.getByRole('table').filter({ hasText: 'Waiting for 6 months of local social insurance' })).toHaveCount(1);
  await expect(tranches.getByRole('columnheader', { name: 'Status' })).toBeVisible();
  await expect(tranches.getByRole('row').nth(1)).toContainText('Waiting for 6 months of local social insurance');
  await expect(tranches.getByRole('row').nth(2)).toContainText('Waiting for 12 months of local social insurance');
  await keepScreenshot(page, 'allowance-approved-en');

  await chooseLanguage(page, '中文');
  await expect(page.getByRole('list', { name: '金额计算说明' })).toContainText('第 1 期（50%）：1.5万元，本地社保缴纳满 6 个月后支付。');
  await expect(tranches.getByRole('row').nth(1)).toContainText('待满足：本地社保缴纳满 6 个月');
  await keepScreenshot(page, 'allowance-approved-zh');
});

test('an ineligible applicant sees which criterion failed, in English and in Chinese', async ({ page }) => {
  await signIn(page, 'graduate@hangzhou.demo');
  await openApplyForm(page, 'High-level talent housing supplement');
  await page.getByLabel('Employer', { exact: true }).fill('Qiantang Embodied AI');
  await submitAndConfirm(page);

  await expect(page.getByText('Refused', { exact: true }).first()).toBeVisible();
  const failed = page.locator('[data-criterion="talent_class"]');
  await expect(failed).toContainText('High-level talent, class B to E');
  await expect(failed).toContainText('Failed');
  await expect(failed).toContainText('You must be recognised as high-level talent of class B to E (class A is decided case by case).');
  await expect(page.getByRole('alert').filter({ hasText: 'A criterion was not met.' })).toBeVisible();
  await keepScreenshot(page, 'refused-en');

  await chooseLanguage(page, '中文');
  await expect(page.getByText('未通过', { exact: true }).first()).toBeVisible();
  await expect(failed).toContainText('B–E 类高层次人才');
  await expect(failed).toContainText('不符合');
  await expect(failed).toContainText('须经认定为 B 至 E 类高层次人才（A 类一事一议）。');
  await keepScreenshot(page, 'refused-zh');
});

test('the catalog is public: a visitor sees programs, budget left and criteria, and is asked to sign in to apply', async ({ page }) => {
  await page.goto('/hubs/hangzhou/programs');
  await chooseLanguage(page, 'English');
  const card = page.getByLabel('AI and robotics startup subsidy');
  await expect(card).toContainText('Subsidy');
  await expect(card).toContainText('Budget left');
  await expect(card).toContainText('CNY');
  await expect(card).toContainText('Founded within three years');
  await keepScreenshot(page, 'catalog-public-en');
  await card.getByRole('link', { name: 'AI and robotics startup subsidy' }).click();
  await expect(page.getByRole('button', { name: 'Sign in to apply' })).toBeVisible();
  // What it gives is written out from the formula that computes the awards.
  await expect(page.getByRole('list', { name: 'What it gives, from its formula' })).toContainText('A fixed CNY 500,000.');
  await expect(page.getByRole('list', { name: 'What it gives, from its formula' })).toContainText('Paid in full when approved.');
});

test('a program officer reads a criterion as rows and in words, and CEL is checked as it is typed', async ({ page }) => {
  await signIn(page, 'officer@hangzhou.demo');
  await page.goto('/hubs/hangzhou/programs');
  await chooseLanguage(page, 'English');
  await page.getByRole('link', { name: 'Hangzhou compute vouchers', exact: true }).first().click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit program: Hangzhou compute vouchers' })).toBeVisible();
  const first = page.locator('[data-criterion-card="1"]');
  await expect(first.locator('[data-rule-words]')).toHaveText('In words: It is a startup or a company.');
  await expect(first.locator('[data-rule-cel]')).toHaveText('applicant.kind in ["startup", "company"]');
  await expect(page.getByRole('region', { name: 'Save' }).getByRole('status')).toHaveText('No unsaved changes');
  await expectAccessible(page, 'program editor');
  await first.getByTitle('Rule text').click();
  const expression = first.getByRole('textbox', { name: 'Rule text' });
  await expression.fill('applicant.kind in ["startup", "company"]\n  && applicant.headcont < 300');
  await expect(first.getByText(/^Line 2, column \d+: /)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Save' }).getByRole('status')).toHaveText('Unsaved changes');
  await keepScreenshot(page, 'editor-check-en');
  await expression.fill('applicant.kind in ["startup", "company"] && applicant.headcount < 300');
  await expect(page.getByText('The rule checks out.')).toBeVisible();
  await first.getByTitle('Rows').click();
  await expect(first.locator('[data-rule-words]')).toHaveText('In words: It is a startup or a company and it has fewer than 300 employees.');
});

test('an officer finds who qualifies and invites them; the startup sees the invitation under the bell', async ({ page }) => {
  await signIn(page, 'officer@hangzhou.demo');
  await page.goto('/hubs/hangzhou/programs');
  await chooseLanguage(page, 'English');
  await page.getByRole('link', { name: 'AI and robotics startup subsidy', exact: true }).first().click();
  await page.getByRole('tab', { name: 'Who qualifies' }).click();
  await page.getByRole('button', { name: 'Run matching now' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Qiantang Embodied AI (demo)' })).toBeVisible();
  await page.getByRole('button', { name: 'Invite them to apply' }).click();
  await expect(page.getByText(/^Invited [1-9]\d* \(not invited before\)/)).toBeVisible();
  await keepScreenshot(page, 'qualifiers-invited-en');

  await page.getByRole('button', { name: /^Account/ }).click();
  await page.getByText('Sign out').click();
  await signIn(page, 'startup@hangzhou.demo');
  await page.goto('/hubs/hangzhou/programs');
  await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
  await page.getByText('Invitation to apply: AI and robotics startup subsidy').click();
  await expect(page).toHaveURL(/\/hubs\/hangzhou\/programs\/[0-9a-f-]{36}$/);
  await expect(page.getByText('What it gives')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Notifications, 0 unread' })).toBeVisible();
});
