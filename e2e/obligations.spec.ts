import { expect, test, type Page } from '@playwright/test';
import { validUscc } from '../server/test/factories.js';
import { chooseLanguage, openMenu, signIn } from './demo-session.js';

/**
 * After the money, the whole journey in each language: the demo graduate founds a
 * startup (its own, so no other spec sees it applied), whose award from the "AI and
 * robotics startup subsidy" (paid in full when approved) carries a five-year stay
 * obligation. The firm moves out; the officer runs the check and decides the breach;
 * finance records a repayment; the firm sees what it owes and the award's history.
 */
const journeys = [
  {
    language: 'English',
    firm: { zh: '西溪灵巧手（演示）', en: 'Xixi Dexterous Hands (demo)' },
    menu: 'After the money',
    checkNow: 'Check obligations now',
    checked: /^Checked \d+ awards that carry obligations: [1-9]\d* new findings\.$/,
    kind: 'Stay registered in the hub',
    evidence: 'Moved out of the hub as of',
    open: 'To decide',
    decide: 'Decide',
    decideButton: /^Decide$/,
    breach: 'It is a breach',
    reason: 'Reason (shown to the awardee)',
    ok: /^OK$/,
    decided: 'Breach',
    owed: /CNY [\d,]+(\.\d{2})? due by [A-Z][a-z]{2} \d{1,2}, \d{4}/,
    record: 'Record a repayment',
    amount: 'Amount received',
    note: 'Note (e.g. bank reference)',
    partly: 'Partly repaid',
    repaid: /repaid CNY 10,000/,
    yourFindings: 'What you owe after the award',
    appeal: /^Appeal$/,
    history: 'History',
    recoveryDue: 'Money to be repaid after a breach',
    repaymentReceived: 'Repayment received',
    account: /^Account/,
    signOut: 'Sign out',
  },
  {
    language: '中文',
    firm: { zh: '良渚灵巧爪（演示）', en: 'Liangzhu Grippers (demo)' },
    menu: '资助后管理',
    checkNow: '立即核查',
    checked: /^已核查 \d+ 项附有资助后义务的资助，新增 [1-9]\d* 项核查发现。$/,
    kind: '保持在本地注册',
    evidence: '起已迁出本地',
    open: '待认定',
    decide: '认定',
    decideButton: /^认\s*定$/,
    breach: '构成违约',
    reason: '理由（获资助方可见）',
    ok: /确\s*定|OK/,
    decided: '已认定违约',
    owed: /应于 \d{4}年\d{1,2}月\d{1,2}日 前退回/,
    record: '登记退款',
    amount: '收到金额',
    note: '备注（如银行流水号）',
    partly: '部分退回',
    repaid: /已退回 1万元/,
    yourFindings: '资助后应履行的义务',
    appeal: /^申\s*诉$/,
    history: '办理记录',
    recoveryDue: '违约应退款项',
    repaymentReceived: '收到退款',
    account: /^账户/,
    signOut: '退出登录',
  },
] as const;

/** API calls from the signed-in page (a cookie write needs our Origin). */
const api = (page: Page, method: 'GET' | 'POST', path: string, data?: object) =>
  page.request.fetch(path, { method, data, headers: { Origin: new URL(page.url()).origin } });

async function startupAward(page: Page, firm: { zh: string; en: string }) {
  await signIn(page, 'graduate@hangzhou.demo');
  const registered = await api(page, 'POST', '/api/hubs/hangzhou/organizations', {
    kind: 'startup',
    name: firm,
    uscc: validUscc(),
    foundedOn: '2025-03-01',
    sectors: ['robotics', 'ai'],
    headcount: 15,
  });
  expect(registered.status()).toBe(201);
  const org = await registered.json();
  const programs = await (await api(page, 'GET', '/api/hubs/hangzhou/programs?limit=100')).json();
  const program = programs.items.find((p: { name: { en: string } }) => p.name.en === 'AI and robotics startup subsidy');
  const applied = await api(page, 'POST', `/api/hubs/hangzhou/programs/${program.id}/applications`, {
    organizationId: org.id,
    answers: { plan: 'Embodied AI for warehouses' },
  });
  const application = await applied.json();
  expect(application.status).toBe('approved');
  return { orgId: org.id as string, applicationId: application.id as string };
}

async function signOut(page: Page, j: (typeof journeys)[number]) {
  await page.getByRole('banner').getByRole('button', { name: j.account }).click();
  await page.getByText(j.signOut).click();
}

// Four people in turn on one journey: room for a loaded machine (the test's own limit, not a wait).
test.describe.configure({ mode: 'serial', timeout: 240_000 });

for (const j of journeys) {
  test(`an awarded firm moves out: the officer decides the breach, finance records a repayment, the firm sees it (${j.language})`, async ({ page }) => {
    const { orgId, applicationId } = await startupAward(page, j.firm);
    const firm = j.language === '中文' ? j.firm.zh : j.firm.en;
    await page.goto('/hubs/hangzhou/programs');
    await chooseLanguage(page, j.language);
    await signOut(page, j);

    // The officer records the move, runs the check and decides.
    await signIn(page, 'officer@hangzhou.demo');
    const moved = await api(page, 'POST', `/api/hubs/hangzhou/organizations/${orgId}/facts`, {
      metric: 'registered_in_hub',
      asOf: new Date().toISOString().slice(0, 10),
      quantity: '0',
      source: { note: 'Business licence re-registered in Suzhou' },
    });
    expect(moved.status()).toBe(201);
    await page.goto('/hubs/hangzhou/programs');
    await chooseLanguage(page, j.language);
    await openMenu(page, j.menu);
    await expect(page.getByRole('heading', { name: j.menu, level: 1 })).toBeVisible();
    await page.getByRole('button', { name: j.checkNow }).click();
    await expect(page.getByText(j.checked)).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: firm });
    await expect(row).toContainText(j.kind);
    await expect(row).toContainText(j.evidence);
    await expect(row).toContainText(j.open);
    await row.getByRole('button', { name: j.decideButton }).click();
    const dialog = page.getByRole('dialog', { name: j.decide });
    await dialog.getByLabel(j.breach, { exact: true }).check();
    await dialog.getByLabel(j.reason).fill('Moved its registration out of Hangzhou within five years of the award');
    await dialog.getByRole('button', { name: j.ok }).click();
    await expect(row).toContainText(j.decided);
    await expect(row).toContainText(j.owed);
    await signOut(page, j);

    // Finance records part of it as received.
    await signIn(page, 'finance@hangzhou.demo');
    await page.goto('/hubs/hangzhou/programs');
    await chooseLanguage(page, j.language);
    await openMenu(page, j.menu);
    const financeRow = page.getByRole('row').filter({ hasText: firm });
    await expect(financeRow).toContainText(j.decided);
    await financeRow.getByRole('button', { name: j.record }).click();
    const repay = page.getByRole('dialog', { name: j.record });
    await repay.getByLabel(j.amount).fill('10000');
    await repay.getByLabel(j.note).fill('BOC 2026-000123');
    await repay.getByRole('button', { name: j.ok }).click();
    await expect(financeRow).toContainText(j.partly);
    await expect(financeRow).toContainText(j.repaid);
    await signOut(page, j);

    // The firm sees what it owes, may appeal, and reads it all in the award's history.
    await signIn(page, 'graduate@hangzhou.demo');
    await page.goto(`/hubs/hangzhou/applications/${applicationId}`);
    await chooseLanguage(page, j.language);
    const card = page.locator('.ant-card').filter({ hasText: j.yourFindings });
    await expect(card).toContainText(j.kind);
    await expect(card).toContainText(j.partly);
    await expect(card).toContainText(j.owed);
    await expect(card.getByRole('button', { name: j.appeal })).toBeVisible();
    const history = page.locator('.ant-card').filter({ hasText: j.history });
    await expect(history).toContainText(j.recoveryDue);
    await expect(history).toContainText(j.repaymentReceived);
    // The founder was told in the app; read it, so the graduate's bell is as other specs expect.
    expect((await api(page, 'POST', '/api/hubs/hangzhou/notifications/read')).status()).toBe(200);
  });
}
