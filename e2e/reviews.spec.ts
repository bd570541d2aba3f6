import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chooseOption } from './select.js';
import { keepScreenshot } from './screenshot.js';

const PASSWORD = 'dragongate-demo-2026';
const GRANT = 'Major AI R&D grant (demo)';

const sessions = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

/**
 * A fresh browser context signed in as one demo account, in English. Each account signs
 * in once per run (the server allows 10 sign-ins a minute per address, and the other
 * specs sign in too); a throttled sign-in waits the Retry-After the server names.
 */
async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', storageState: sessions.get(email) });
  const page = await context.newPage();
  if (!sessions.has(email)) {
    const origin = test.info().project.use.baseURL!;
    for (let attempt = 0; ; attempt++) {
      const res = await context.request.post('/api/auth/sign-in/email', { data: { email, password: PASSWORD }, headers: { origin } });
      if (res.status() === 200) break;
      expect(res.status(), await res.text()).toBe(429);
      expect(attempt).toBeLessThan(3);
      await page.waitForTimeout(1000 * Number(res.headers()['x-retry-after'] ?? res.headers()['retry-after'] ?? 30));
    }
    sessions.set(email, await context.storageState());
  }
  // The hub speaks Chinese by default; these tests read the English screens.
  await page.goto('/hubs/hangzhou/programs');
  await page.getByRole('banner').getByText('English', { exact: true }).click();
  return page;
}

/** The demo startup drafts, then submits, an application to the reviewed grant; returns the application's page. */
async function applyForGrant(page: Page, plan: string): Promise<string> {
  await page.goto('/hubs/hangzhou/programs');
  await page.getByRole('link', { name: GRANT, exact: true }).first().click();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Apply: ${GRANT}` })).toBeVisible();
  await chooseOption(page, page.getByLabel('Applying organisation'), 'Qiantang Embodied AI (demo)');
  await page.getByLabel('R&D plan').fill(plan);
  // Half done: saved as a draft, found again under My applications, finished and sent.
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft saved.')).toBeVisible();
  await page.goto('/hubs/hangzhou/applications');
  await page.getByRole('row').filter({ hasText: GRANT }).filter({ hasText: 'Draft' }).getByRole('link').first().click();
  await expect(page.getByLabel('R&D plan')).toHaveValue(plan);
  await page.getByLabel('Total project budget').fill('8,000,000');
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByText('Submitted, waiting for review').first()).toBeVisible();
  return new URL(page.url()).pathname;
}

async function review(browser: Browser, email: string, applicationPath: string, stars: number[]) {
  const page = await as(browser, email);
  await page.goto('/hubs/hangzhou/reviews');
  await page.getByRole('row').filter({ hasText: 'Qiantang Embodied AI (demo)' }).getByRole('button', { name: 'Review' }).click();
  expect(new URL(page.url()).pathname).toBe(`/hubs/hangzhou/reviews/${applicationPath.split('/').at(-1)}`);
  await expect(page.getByRole('heading', { name: 'Review: Qiantang Embodied AI (demo)' })).toBeVisible();
  const rates = page.locator('.ant-rate');
  for (const [i, n] of stars.entries())
    await rates
      .nth(i)
      .locator('.ant-rate-star')
      .nth(n - 1)
      .click();
  await page.getByLabel('Comment').fill('Credible team and a clear plan');
  // No recommendation is chosen for the reviewer.
  await page.getByRole('radio', { name: 'Approve' }).check();
  await keepScreenshot(page, `review-form-${email.split('@')[0]}`);
  await page.getByRole('button', { name: 'Submit review' }).click();
  await expect(page.getByText('Review submitted. Thank you.')).toBeVisible();
  await page.context().close();
}

test('a reviewed grant end to end: conflict excluded, two reviews, two approvers, tranches paid', async ({ browser }) => {
  test.setTimeout(180_000); // six people sign in and act in turn
  const founder = await as(browser, 'startup@hangzhou.demo');
  const path = await applyForGrant(founder, 'Humanoid arms for cold-chain warehouses');

  // The officer assigns reviewers: Reviewer Three founded the startup's investor and is excluded.
  const officer = await as(browser, 'officer@hangzhou.demo');
  await officer.goto(path);
  await officer.getByRole('button', { name: 'Assign reviewers' }).click();
  const conflict = officer.getByTestId('conflict');
  await expect(conflict).toContainText('Reviewer Three');
  await expect(conflict).toContainText('their organisation invested in the applicant');
  await keepScreenshot(officer, 'board-assigned');

  await review(browser, 'reviewer@hangzhou.demo', path, [4, 5, 4]);
  await review(browser, 'reviewer2@hangzhou.demo', path, [5, 4, 3]);
  // The conflicted reviewer has nothing in their queue and cannot open the application.
  const conflicted = await as(browser, 'reviewer3@hangzhou.demo');
  await conflicted.goto('/hubs/hangzhou/reviews');
  await expect(conflicted.getByText('Nothing is assigned to you.')).toBeVisible();
  await conflicted.context().close();

  // Scores side by side; the officer approves; above the threshold a second officer must too.
  await officer.reload();
  await expect(officer.getByTestId('review-board').getByRole('row')).toHaveCount(4); // header, two reviews, spread
  await expect(officer.getByText('Spread (highest − lowest)')).toBeVisible();
  await officer.getByLabel('Reason (the applicant sees it)').fill('Strong scores from both reviewers');
  await keepScreenshot(officer, 'board-scores');
  // No decision is chosen for the officer, and approving asks first, saying what follows.
  await officer.getByRole('radio', { name: 'Approve' }).check();
  await officer.getByRole('button', { name: 'Record the decision' }).click();
  await expect(officer.getByRole('dialog')).toContainText('Approve CNY 3,000,000 and pass it to a second officer?');
  await officer.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  await expect(officer.getByText('Above the two-person threshold: another officer must approve too.')).toBeVisible();

  const second = await as(browser, 'officer2@hangzhou.demo');
  await second.goto(path);
  await second.getByLabel('Reason (the applicant sees it)').fill('Agreed');
  await second.getByRole('radio', { name: 'Approve as second approver' }).check();
  await second.getByRole('button', { name: 'Record the decision' }).click();
  await expect(second.getByRole('dialog')).toContainText('Approve and pay tranche 1, CNY 1,200,000?');
  await second.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  const award = second.getByTestId('award');
  await expect(award).toContainText('CNY 1,200,000'); // 40% paid with the award
  await expect(award.getByText('Paid', { exact: true }).first()).toBeVisible();

  // The founder sees the schedule and the reasons, reports on the midterm milestone.
  await founder.goto(path);
  // The decision's reason, as the decision (the award's history repeats it under its event).
  await expect(founder.getByText('Approve: Strong scores from both reviewers', { exact: true })).toBeVisible();
  await expect(founder.getByText('Second approval: Agreed', { exact: true })).toBeVisible(); // the second officer's, named so
  await expect(founder.getByText('Reviewer Two')).toHaveCount(0); // never who reviewed
  // The report a tranche waits for, by the program's name for it.
  await expect(founder.getByRole('list', { name: 'How the amount was worked out' })).toContainText(
    'Tranche 2 (60%): CNY 1,800,000, paid once the report “Midterm report” is accepted.',
  );
  await founder.getByLabel('Report').fill('Prototype arms picking in two warehouses');
  // A progress PDF goes with it: uploaded when chosen, sent by its id with the report.
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  await founder.getByTestId('milestone-midterm').locator('input[type=file]').setInputFiles({ name: 'progress.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(founder.getByTestId('file-attachments')).toContainText('progress.pdf');
  await founder.getByRole('button', { name: 'Submit report' }).click();
  await expect(founder.getByTestId('milestone-midterm')).toContainText('Waiting for the officer');
  await expect(founder.getByTestId('milestone-midterm').getByRole('link', { name: 'progress.pdf' })).toBeVisible();
  await keepScreenshot(founder, 'applicant-award');

  // The officer accepts the report: the second tranche is paid at once and the award closes.
  await officer.reload();
  // The officer downloads the attached PDF through the file route before deciding.
  const attached = officer.getByTestId('milestone-midterm').getByRole('link', { name: 'progress.pdf' });
  const downloaded = await officer.request.get((await attached.getAttribute('href'))!);
  expect(downloaded.status()).toBe(200);
  expect(Buffer.from(await downloaded.body()).equals(pdf)).toBe(true);
  await officer.getByTestId('milestone-midterm').getByRole('button', { name: 'Accept' }).click();
  await expect(officer.locator('.ant-popconfirm')).toContainText('Accept the report and pay tranche 2, CNY 1,800,000?');
  await officer.locator('.ant-popconfirm').getByRole('button', { name: 'Accept' }).click();
  await expect(officer.getByTestId('award')).toContainText('CNY 3,000,000');
  await expect(officer.getByTestId('award').getByText('Waiting', { exact: true })).toHaveCount(0);
  await expect(officer.getByText('Closed').first()).toBeVisible();
  await keepScreenshot(officer, 'award-closed');
});

test('two officers deciding the same application at once: one wins, the other gets 409', async ({ browser }) => {
  test.setTimeout(120_000); // a sign-in may wait out the server's throttle
  // A second startup of the demo founder applies (one application per applicant), and two
  // officers decide it through the API at the same moment.
  const founder = await as(browser, 'startup@hangzhou.demo');
  // Cookie writes name our origin, as the app's own pages do (the server refuses them otherwise).
  const headers = { origin: test.info().project.use.baseURL! };
  const programs = await (await founder.request.get('/api/hubs/hangzhou/programs')).json();
  const grant = programs.items.find((p: { name: { en: string } }) => p.name.en === GRANT);
  const org = await (
    await founder.request.post('/api/hubs/hangzhou/organizations', {
      data: {
        kind: 'startup',
        name: { zh: '并发测试', en: `Race Robotics ${Date.now()}` },
        uscc: '91330100MA2DEMB7XX',
        foundedOn: '2025-01-01',
        sectors: ['ai'],
      },
      headers,
    })
  ).json();
  expect(org.id).toBeTruthy();
  const applied = await (
    await founder.request.post(`/api/hubs/hangzhou/programs/${grant.id}/applications`, {
      data: { organizationId: org.id, answers: { plan: 'Race', budget_total: '100000000' } },
      headers,
    })
  ).json();
  const officer = await as(browser, 'officer@hangzhou.demo');
  const officer2 = await as(browser, 'officer2@hangzhou.demo');
  // Screened, then decided from screening (no reviewers needed, and fewer sign-ins: the
  // server throttles sign-ins per address).
  expect((await officer.request.post(`/api/hubs/hangzhou/applications/${applied.id}/screen`, { headers })).status()).toBe(200);
  const [a, b] = await Promise.all([
    officer.request.post(`/api/hubs/hangzhou/applications/${applied.id}/decision`, { data: { outcome: 'reject', reason: 'Too early' }, headers }),
    officer2.request.post(`/api/hubs/hangzhou/applications/${applied.id}/decision`, { data: { outcome: 'return', reason: 'Add a budget' }, headers }),
  ]);
  expect([a.status(), b.status()].sort()).toEqual([200, 409]);
  const loser = a.status() === 409 ? a : b;
  expect((await loser.json()).error.code).toBe('ILLEGAL_TRANSITION');
});
