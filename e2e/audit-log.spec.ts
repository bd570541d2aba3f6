import { expect, test } from '@playwright/test';
import { expectAccessible, expectNoAntdEnglish, expectOneH1 } from './accessibility.js';
import { DEMO_PASSWORD } from './demo-session.js';
import { buttonName, menuSections, PAGE_LOAD, personIn, signInAs, WORDS } from './hub-people.js';
import { expectFitsPhone } from './phone.js';
import { chooseOption } from './select.js';
import { auditEnUS } from '../web/src/audit/audit.en-US.js';
import { auditZhCN } from '../web/src/audit/audit.zh-CN.js';

/**
 * The hub's auditor (auditor@hangzhou.demo) reads the audit log: the menu offers it, each
 * event says its action in words (the code only beside it, in grey), the auditor filters by
 * an area's actions and by days, verifies the chain, and the page is axe-clean; on a phone
 * in Chinese the events are cards that fit, in one language.
 */

const RAW_CODE = /^[a-z_]+\.[a-z_.]+$/;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('the demo auditor reads the audit log in words, filters it, verifies the chain', async ({ browser }) => {
  // The audit log's words load with its page, apart from the app's catalogue (audit/audit-words.ts).
  const en = { ...WORDS['en-US'], audit: auditEnUS };
  const page = await personIn(browser, 'en-US');
  await signInAs(page, 'en-US', 'auditor@hangzhou.demo', DEMO_PASSWORD);
  expect(await menuSections(page, 'hangzhou')).toContain('audit');

  await page.goto('/hubs/hangzhou/audit');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: en.audit.title })).toBeVisible({ timeout: PAGE_LOAD });
  const rows = main.locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible({ timeout: PAGE_LOAD });
  await page.waitForLoadState('networkidle');
  // Each action in words: the first line of the action cell is never a raw code, the code follows in grey.
  const actions = await rows.evaluateAll((trs) =>
    trs.slice(0, 20).map((tr) => [...(tr.children[3]?.querySelectorAll('span') ?? [])].map((s) => s.textContent ?? '')),
  );
  expect(actions.length).toBeGreaterThan(0);
  for (const [words, code] of actions) {
    expect(words, 'the action in words').not.toMatch(RAW_CODE);
    expect(code, 'the code beside it').toMatch(RAW_CODE);
  }
  await expectAccessible(page, 'the audit log');

  // The auditor's own reading of the log is on it: every audit action.
  const read = page.waitForRequest((r) => r.url().includes('/audit/events') && new URL(r.url()).searchParams.get('action') === 'audit.');
  await chooseOption(page, main.getByRole('combobox', { name: en.audit.filters.action }), en.audit.filters.allOfArea.replace('{{area}}', en.audit.areas.audit));
  await read;
  await expect(main.getByText(en.audit.actions.audit.read).first()).toBeVisible({ timeout: PAGE_LOAD });

  // A week of days: the request carries the instants, the export links the same range.
  const ranged = page.waitForRequest((r) => r.url().includes('/audit/events') && new URL(r.url()).searchParams.has('to'));
  const start = main.getByLabel(en.audit.filters.range, { exact: true });
  await start.click();
  await start.fill(day(-7));
  await start.press('Enter');
  const end = main.getByLabel(`${en.audit.filters.range}: ${en.audit.filters.rangeEnd}`);
  await end.fill(day(0));
  await end.press('Enter');
  const sent = new URL((await ranged).url()).searchParams;
  expect(sent.get('action')).toBe('audit.');
  expect(Date.parse(sent.get('to')!)).toBeGreaterThan(Date.parse(sent.get('from')!));
  await expect(main.getByText(en.audit.actions.audit.read).first()).toBeVisible({ timeout: PAGE_LOAD });
  const csv = await main.getByRole('link', { name: buttonName(en.audit.download.csv) }).getAttribute('href');
  expect(csv).toContain('format=csv');
  expect(csv).toContain(`from=${encodeURIComponent(sent.get('from')!)}`);

  await main.getByRole('button', { name: buttonName(en.audit.verify.button) }).click();
  await expect(main.getByRole('status').filter({ hasText: /^The chain is whole: \d+ events verified/ })).toBeVisible({ timeout: PAGE_LOAD });
  await expectAccessible(page, 'the audit log, filtered and verified');
  await page.context().close();
});

test('on a phone in Chinese the audit log is cards that fit, in one language', async ({ browser }) => {
  const zh = { ...WORDS['zh-CN'], audit: auditZhCN };
  const page = await personIn(browser, 'zh-CN', { phone: true });
  await signInAs(page, 'zh-CN', 'auditor@hangzhou.demo', DEMO_PASSWORD);
  await page.goto('/hubs/hangzhou/audit');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: zh.audit.title })).toBeVisible({ timeout: PAGE_LOAD });
  await expect(main.getByRole('list', { name: zh.audit.events }).getByRole('listitem').first()).toBeVisible({ timeout: PAGE_LOAD });
  await page.waitForLoadState('networkidle');
  await main.getByRole('button', { name: buttonName(zh.audit.verify.button) }).click();
  await expect(main.getByRole('status').filter({ hasText: /^哈希链完整/ })).toBeVisible({ timeout: PAGE_LOAD });
  await expectFitsPhone(page);
  await expectNoAntdEnglish(page, 'the audit log on a phone');
  await expectOneH1(page, 'the audit log on a phone');
  await expectAccessible(page, 'the audit log on a phone');
  await page.context().close();
});
