import { expect, test, type Page } from '@playwright/test';
import { startupClaimsVoucher } from './demo-applications.js';
import { chooseLanguage, signIn } from './demo-session.js';
import { expectFitsPhone, PHONE } from './phone.js';

// Policies find their applicants: from a fresh start (the demo seed runs matching), the demo
// startup sees the programs it qualifies for, why, and applies in one click, prefilled.

async function openPrograms(page: Page, language: '中文' | 'English') {
  await page.goto('/hubs/hangzhou/programs');
  await chooseLanguage(page, language);
}

for (const [language, copy] of [
  [
    'English',
    {
      mine: 'Programs you qualify for',
      why: 'Why you qualify',
      program: 'AI and robotics startup subsidy',
      reason: 'A startup',
      apply: 'Apply now',
      applyTitle: 'Apply: AI and robotics startup subsidy',
      org: 'Qiantang Embodied AI (demo)',
    },
  ],
  [
    '中文',
    {
      mine: '您符合条件的项目',
      why: '您符合的条件',
      program: '人工智能与机器人初创企业补助',
      reason: '初创企业',
      apply: '立即申请',
      applyTitle: '申请：人工智能与机器人初创企业补助',
      org: '钱塘具身智能（演示）',
    },
  ],
] as const) {
  for (const phone of [false, true]) {
    test(`the startup sees what it qualifies for and why, and applies prefilled (${language}${phone ? ', phone' : ''})`, async ({ page }) => {
      if (phone) await page.setViewportSize(PHONE);
      await signIn(page, 'startup@hangzhou.demo');
      await openPrograms(page, language);
      const list = page.getByRole('list', { name: copy.mine });
      const match = list.getByRole('listitem', { name: copy.program });
      await expect(match).toBeVisible();
      await expect(match.getByRole('list', { name: copy.why })).toContainText(copy.reason);
      await expect(match).toContainText(copy.org);
      if (phone) await expectFitsPhone(page);
      await match.getByRole('button', { name: copy.apply }).click();
      await expect(page.getByRole('heading', { name: copy.applyTitle })).toBeVisible();
      await expect(page.getByRole('main')).toContainText(copy.org);
      if (phone) await expectFitsPhone(page);
    });
  }
}

test('officers see who applied, with short numbers, under the program’s name; an empty tab says so for officers', async ({ page }) => {
  // The startup claims a compute voucher through the API as itself.
  await signIn(page, 'startup@hangzhou.demo');
  const { programId } = await startupClaimsVoucher(page);
  const programs = (await (await page.request.get('/api/hubs/hangzhou/programs')).json()).items as { id: string; name: { en: string } }[];

  await page.context().clearCookies();
  await signIn(page, 'officer@hangzhou.demo');
  await page.goto(`/hubs/hangzhou/programs/${programId}`);
  await chooseLanguage(page, 'English');
  await expect(page.getByRole('heading', { name: 'Hangzhou compute vouchers' })).toBeVisible();
  await page.getByRole('tab', { name: 'Applications' }).click();
  await expect(page.getByRole('heading', { name: 'Hangzhou compute vouchers' })).toBeVisible();
  const table = page.getByRole('tabpanel');
  await expect(table.getByRole('columnheader', { name: 'Applicant' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'No.' })).toBeVisible();
  const row = table.getByRole('row').filter({ hasText: 'Qiantang Embodied AI (demo)' }).first();
  await expect(row).toBeVisible();
  await expect(row.getByRole('link').first()).toHaveText(/^HZ-\d{4}-\d{6}$/);

  await chooseLanguage(page, '中文');
  await expect(table.getByRole('columnheader', { name: '申请主体' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: '钱塘具身智能（演示）' }).first()).toBeVisible();

  // A program nobody applied to: the officer's empty state, not the applicant's.
  const quiet = programs.find((p) => p.name.en === 'High-level talent housing supplement')!;
  await page.goto(`/hubs/hangzhou/programs/${quiet.id}`);
  await page.getByRole('tab', { name: '申请记录' }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByText('该项目还没有收到申请。').or(panel.getByRole('row').nth(1)).first()).toBeVisible();
  await expect(panel.getByText('您还没有提交过申请。')).toHaveCount(0);
});

for (const [language, title] of [
  ['English', 'My applications'],
  ['中文', '我的申请'],
] as const) {
  test(`the startup reads its own applications on a phone as cards, without scrolling sideways (${language})`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, 'startup@hangzhou.demo');
    // At least one application of its own, whatever ran before.
    const own = (await (await page.request.get('/api/hubs/hangzhou/applications')).json()).items as unknown[];
    if (own.length === 0) await startupClaimsVoucher(page);
    await page.goto('/hubs/hangzhou/applications');
    await chooseLanguage(page, language);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    const cards = page.getByRole('list', { name: title }).getByRole('listitem');
    await expect(cards.first()).toBeVisible();
    await expect(cards.first()).toContainText(/HZ-\d{4}-\d{6}/);
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectFitsPhone(page);
  });
}

test('an officer’s menu and page name the hub’s applications, and the catalogue shows no empty panel “for you”', async ({ page }) => {
  await signIn(page, 'officer@hangzhou.demo');
  await openPrograms(page, 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'Programs' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'AI and robotics startup subsidy' }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('Programs you qualify for')).toHaveCount(0);
  await page.getByRole('menuitem', { name: 'Applications', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Applications to this hub' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'My applications' })).toHaveCount(0);
  // An application opened from there leads back to the hub's applications, not to "my applications".
  await page
    .getByRole('table')
    .getByRole('link', { name: /HZ-\d{4}-\d{6}/ })
    .first()
    .click();
  await expect(page.getByTestId('application-number')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Applications', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'My applications' })).toHaveCount(0);
});
