import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '../contracts/error-messages.js';
import { DEMO_PASSWORD } from './demo-session.js';
import { buttonName, PAGE_LOAD, personIn, signInAs, WORDS } from './hub-people.js';
import { seedYear } from '../server/db/demo-year.js';

/**
 * The hub's auditor (三员分立, seed/demo-accounts.json) reads the staff pages and is shown no
 * button that would change anything: the server answers each such write 403, so the pages
 * follow its capabilities and each object's allowedActions. Half the pages in each language.
 */

type Words = (typeof WORDS)[Locale];

/** Every label of a button that writes on the pages visited. */
const writeLabels = (t: Words) => [
  t.programs.newProgram,
  t.programs.apply,
  t.programs.edit,
  t.programs.publish,
  t.programs.matches.run,
  t.programs.matches.invite,
  t.budget.openYear,
  t.budget.newLine,
  t.budget.move,
  t.budget.closeYear,
  t.org.register,
  t.people.add,
  t.staff.invite,
  t.stays.desk.checkInButton,
  t.stays.desk.checkOut,
  t.spaces.desk.newHold,
  t.spaces.desk.newLease,
  t.spaces.desk.release,
  t.spaces.desk.offer,
  t.compute.forms.addPool,
  t.compute.forms.setQuota,
];

/** Waits for the page (its heading, then its reads), then finds no write button and no usage upload in it. */
async function readsOnly(page: Page, t: Words, heading: string | RegExp) {
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: heading }).first()).toBeVisible({ timeout: PAGE_LOAD });
  // Buttons follow the capabilities and the page's data: all of it has answered once the network is quiet.
  await page.waitForLoadState('networkidle');
  const shown: string[] = [];
  for (const label of writeLabels(t)) if ((await main.getByRole('button', { name: buttonName(label) }).count()) > 0) shown.push(label);
  if ((await main.getByText(t.compute.upload.title, { exact: true }).count()) > 0) shown.push(t.compute.upload.title);
  expect(shown, `write buttons on ${page.url()}`).toEqual([]);
}

test('the hub auditor reads programs, applications, budget, ecosystem, staff and the desks, and is shown no write button', async ({ browser }) => {
  const en = WORDS['en-US'];
  const page = await personIn(browser, 'en-US');
  await signInAs(page, 'en-US', 'auditor@hangzhou.demo', DEMO_PASSWORD);

  await page.goto('/hubs/hangzhou/programs');
  await readsOnly(page, en, en.programs.title);
  // A program: its applications and who qualifies are readable; applying, editing, matching are not offered.
  await page
    .getByRole('main')
    .getByRole('button', { name: buttonName(en.programs.open) })
    .first()
    .click();
  const applications = page.getByRole('tab', { name: en.programs.tabs.applications });
  await expect(applications).toBeVisible({ timeout: PAGE_LOAD });
  await readsOnly(page, en, /./);
  await page.getByRole('tab', { name: en.programs.tabs.qualifies }).click();
  await readsOnly(page, en, /./);
  await expect(page.getByText(en.programs.matches.qualifiers)).toBeVisible();
  await applications.click();
  await readsOnly(page, en, /./);

  await page.goto(`/hubs/hangzhou/budget?year=${seedYear()}`);
  await readsOnly(page, en, en.budget.title.replace('{{year}}', String(seedYear())));
  await page.getByRole('tab', { name: en.budget.tabLedger }).click();
  await readsOnly(page, en, en.budget.title.replace('{{year}}', String(seedYear())));

  await page.goto('/hubs/hangzhou/organizations');
  await readsOnly(page, en, en.org.listTitle);
  await page.goto('/hubs/hangzhou/people');
  await readsOnly(page, en, en.people.title);

  // The rest in Chinese.
  const zh = WORDS['zh-CN'];
  const zhPage = await personIn(browser, 'zh-CN');
  await signInAs(zhPage, 'zh-CN', 'auditor@hangzhou.demo', DEMO_PASSWORD);
  for (const [path, heading] of [
    ['staff', zh.staff.title],
    ['station-desk', zh.stays.desk.title],
    ['space-desk', zh.spaces.desk.title],
    ['compute-desk', zh.compute.desk.title],
  ] as const) {
    await zhPage.goto(`/hubs/hangzhou/${path}`);
    await readsOnly(zhPage, zh, heading);
  }
});
