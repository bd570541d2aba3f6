import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAntdEnglish, expectOneH1 } from './accessibility.js';
import { startupClaimsVoucher } from './demo-applications.js';
import { DEMO_PASSWORD } from './demo-session.js';
import { expectFitsPhone, PHONE } from './phone.js';

// A walk of the app's routes in Chinese: every page an applicant, a graduate or the public
// uses fits a 390 px phone, and every page (theirs and the staff's) speaks one language
// with one h1. Pages e2e/pages-a11y.spec.ts already walks are not walked again here.

const HUB = '/hubs/hangzhou';

/** A fresh browser reading the app in Chinese, signed in as a demo account (or signed out). */
async function personInChinese(browser: Browser, email: string | null, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'zh-CN', viewport });
  await context.addInitScript(() => window.localStorage.setItem('dragongate.locale', 'zh-CN'));
  const page = await context.newPage();
  if (email) {
    await page.goto('/sign-in');
    const main = page.getByRole('main');
    await main.getByLabel('邮箱').fill(email);
    await main.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await main.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page).not.toHaveURL(/sign-in/);
  }
  return page;
}

/** Opens a route and waits for its main content: its h1 shows and its requests are done; it was not sent elsewhere. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('h1').first(), `the h1 of ${path}`).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  expect(new URL(page.url()).pathname, `${path} opened where it was asked`).toBe(path.split('?')[0]);
}

/** Every page is walked; the test fails at the end, naming each page that failed and why. */
const failures: string[] = [];
async function walk(path: string, check: () => Promise<void>) {
  await test.step(path, async () => {
    try {
      await check();
    } catch (error) {
      failures.push(`${path}: ${(error as Error).message.split('\n').slice(0, 24).join(' ')}`);
    }
  });
}

async function fitsPhoneInChinese(page: Page, path: string) {
  await walk(path, async () => {
    await open(page, path);
    await expectOneH1(page, path);
    await expectNoAntdEnglish(page, path);
    await expectFitsPhone(page);
  });
}

async function readsInOneLanguage(page: Page, path: string) {
  await walk(path, async () => {
    await open(page, path);
    await expectOneH1(page, path);
    await expectNoAntdEnglish(page, path);
  });
}

test.beforeEach(() => {
  failures.length = 0;
});
test.afterEach(() => {
  expect(failures, 'pages that failed').toEqual([]);
});

type Program = { id: string; name: { en: string } };
async function programs(page: Page): Promise<Program[]> {
  return (await (await page.request.get(`/api${HUB}/programs`)).json()).items as Program[];
}

test('every page an applicant, graduate or the public uses fits a 390 px phone, in Chinese', async ({ browser }) => {
  const visitor = await personInChinese(browser, null);
  const subsidy = (await programs(visitor)).find((p) => p.name.en === 'AI and robotics startup subsidy')!;
  for (const path of [
    '/',
    '/sign-in',
    '/sign-up',
    '/forgot-password',
    `${HUB}/programs`,
    `${HUB}/programs/${subsidy.id}`,
    `${HUB}/open`,
    `${HUB}/talent/verify`,
    `${HUB}/talent/verify?token=not-a-card`,
  ])
    await fitsPhoneInChinese(visitor, path);
  await visitor.context().close();

  const startup = await personInChinese(browser, 'startup@hangzhou.demo');
  // An application of its own, whatever ran before (a fresh seed has none).
  const own = async () => (await (await startup.request.get(`/api${HUB}/applications`)).json()).items as { id: string }[];
  if ((await own()).length === 0) await startupClaimsVoucher(startup);
  const application = (await own())[0]!;
  for (const path of [
    `${HUB}/programs`,
    `${HUB}/programs/${subsidy.id}/apply`,
    `${HUB}/applications`,
    `${HUB}/applications/${application.id}`,
    '/profile',
    `${HUB}/organizations/new`,
    `${HUB}/spaces`,
    `${HUB}/compute`,
  ])
    await fitsPhoneInChinese(startup, path);
  await startup.context().close();

  const graduate = await personInChinese(browser, 'graduate@hangzhou.demo');
  for (const path of [`${HUB}/stays`, `${HUB}/talent-card`]) await fitsPhoneInChinese(graduate, path);
  await graduate.context().close();
});

test('every staff page reads in one language', async ({ browser }) => {
  const desktop = { width: 1280, height: 800 };
  const admin = await personInChinese(browser, 'admin@hangzhou.demo', desktop);
  const program = (await programs(admin)).find((p) => p.name.en === 'Hangzhou compute vouchers')!;
  const organization = ((await (await admin.request.get(`/api${HUB}/organizations`)).json()).items as { id: string }[])[0]!;
  for (const path of [
    `${HUB}/dashboard`,
    `${HUB}/organizations/${organization.id}`,
    `${HUB}/people`,
    `${HUB}/talent-pipeline`,
    `${HUB}/compare`,
    `${HUB}/search`,
    `${HUB}/import`,
    `${HUB}/programs/new`,
    `${HUB}/programs/${program.id}/edit`,
    `${HUB}/obligations`,
    `${HUB}/staff`,
    `${HUB}/settings`,
    `${HUB}/security`,
    `${HUB}/api-tokens`,
  ])
    await readsInOneLanguage(admin, path);
  // A program's applications, as its officers read them.
  await walk(`${HUB}/programs/${program.id} (申请记录)`, async () => {
    await open(admin, `${HUB}/programs/${program.id}`);
    await admin.getByRole('tab', { name: '申请记录' }).click();
    const panel = admin.getByRole('tabpanel');
    await expect(panel.getByRole('table').or(panel.locator('.ant-empty')).first()).toBeVisible();
    await admin.waitForLoadState('networkidle');
    await expectNoAntdEnglish(admin, 'a program’s applications');
    await expectOneH1(admin, 'a program’s applications');
  });
  await admin.context().close();

  for (const [email, path] of [
    ['space@hangzhou.demo', `${HUB}/space-desk`],
    ['compute@hangzhou.demo', `${HUB}/compute-desk`],
  ] as const) {
    const operator = await personInChinese(browser, email, desktop);
    await readsInOneLanguage(operator, path);
    await operator.context().close();
  }
});
