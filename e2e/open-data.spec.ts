import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import type { Locale } from '../contracts/error-messages.js';
import { validUscc } from '../server/test/factories.js';
import { formatMoney } from '../web/src/money/format-money.js';
import { expectAccessible, expectNoAntdEnglish, expectOneH1 } from './accessibility.js';
import { endNoticePeriod } from './calendar.js';
import { buttonName, dragongate, LANGUAGES, PAGE_LOAD, PASSWORD, personIn, stamp, WORDS } from './hub-people.js';
import { expectFitsPhone } from './phone.js';
import { seedYear } from '../server/db/demo-year.js';

// A shared, busy machine: pages that load their code (and ECharts) on demand take longer than the default.
const expect = baseExpect.configure({ timeout: 20_000 });

const HUB_NAME = { 'zh-CN': '杭州', 'en-US': 'Hangzhou' } as const;

/** Checks every page a visitor reads here: fits a 390 px phone, axe-clean, one h1, one language. */
async function expectReadable(page: Page, lang: Locale, label: string) {
  await expectFitsPhone(page);
  await expectAccessible(page, label);
  await expectOneH1(page, label);
  if (lang === 'zh-CN') await expectNoAntdEnglish(page, label);
}

/** API calls from a signed-in page (a cookie write needs our Origin). */
const api = (page: Page, method: 'GET' | 'POST', path: string, data?: object, headers: Record<string, string> = {}) =>
  page.request.fetch(path, { method, data, headers: { Origin: test.info().project.use.baseURL!, ...headers } });

/** A fresh context signed in through the API as `email`, reading the app in `lang`. */
async function signedIn(browser: Browser, lang: Locale, email: string, password: string): Promise<Page> {
  const page = await personIn(browser, lang);
  for (let attempt = 0; ; attempt++) {
    const res = await api(page, 'POST', '/api/auth/sign-in/email', { email, password });
    if (res.status() === 200) break;
    expect(res.status(), await res.text()).toBe(429);
    expect(attempt).toBeLessThan(3);
    await page.waitForTimeout(1000 * Number(res.headers()['retry-after'] ?? 30));
  }
  return page;
}

/** An award's card on the notice board, by its reference number. */
const noticeCard = (page: Page, number: string) =>
  page
    .getByRole('group', { name: number })
    .or(page.locator(`[aria-label="${number}"]`))
    .first();

for (const lang of LANGUAGES) {
  test(`${lang}, signed out on a phone: the hub's public money (budget with its chart, programs, awards, notice board) and its downloads`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const t = WORDS[lang].open;
    const page = await personIn(browser, lang, { phone: true });
    await page.goto('/hubs/hangzhou/open');
    await expect(page.getByRole('heading', { level: 1, name: t.title.replace('{{hub}}', HUB_NAME[lang]) })).toBeVisible({ timeout: PAGE_LOAD });
    // The year's envelope and spending as figures, the lines as a chart (readable: it has its label and fits), the programs.
    await expect(page.getByText(t.envelope, { exact: true })).toBeVisible();
    const chart = page.getByRole('img', { name: t.chartLabel });
    await expect(chart).toBeVisible();
    await expect(chart.locator('canvas')).toBeVisible();
    expect((await chart.boundingBox())!.width).toBeLessThanOrEqual(390);
    await expect(page.getByRole('heading', { name: t.programs })).toBeVisible();
    await expect(page.getByText(lang === 'zh-CN' ? '人工智能重大研发项目资助（演示）' : 'Major AI R&D grant (demo)').first()).toBeVisible();
    await expectReadable(page, lang, `open budget ${lang}`);

    // Every download answers with its file, signed out.
    const links = page.getByRole('link', {
      name: new RegExp(`^(${[t.budgetCsv, t.budgetXlsx, t.grantsJson, t.grantsCsv, t.grantsXlsx].map((s) => s.replace(/[()]/g, '\\$&')).join('|')})$`),
    });
    await expect(links).toHaveCount(5);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      const file = await page.request.get(href);
      expect(file.status(), href).toBe(200);
      if (href.includes('360giving')) expect((await file.json()).grants).toEqual(expect.any(Array));
      else if (href.includes('csv')) expect(file.headers()['content-type']).toContain('text/csv');
      else expect((await file.body()).subarray(0, 2).toString()).toBe('PK'); // an XLSX is a zip
    }

    // Awards and the notice board, as cards on the phone.
    await page.getByRole('tab', { name: t.tabAwards }).click();
    await expect(page.getByRole('tab', { name: t.tabAwards, selected: true })).toBeVisible();
    const awards = page.getByRole('tabpanel', { name: t.tabAwards });
    await expect(awards.getByText(t.noAwards).or(awards.getByRole('listitem').first())).toBeVisible();
    await expectReadable(page, lang, `open awards ${lang}`);
    await page.getByRole('tab', { name: t.tabNotices }).click();
    const notices = page.getByRole('tabpanel', { name: t.tabNotices });
    await expect(notices.getByText(t.noNotices).or(notices.locator('.ant-card[aria-label]').first())).toBeVisible();
    await expectReadable(page, lang, `open notices ${lang}`);
    await page.context().close();
  });
}

/** The demo reviewers by the name the review board shows. */
const REVIEWERS: Record<string, string> = {
  Reviewer: 'reviewer@hangzhou.demo',
  'Reviewer Two': 'reviewer2@hangzhou.demo',
  'Reviewer Three': 'reviewer3@hangzhou.demo',
};

/**
 * The officer assigns the program's one reviewer, who recommends approval. Reviewer Three
 * steps aside (a declared conflict), so the reviews spec still finds their queue empty.
 */
async function reviewOnce(browser: Browser, lang: Locale, officer: Page, applicationId: string) {
  const at = `/api/hubs/hangzhou/applications/${applicationId}`;
  let board = await (await api(officer, 'POST', `${at}/reviewers`)).json();
  for (;;) {
    const seat = board.assignments.find((a: { status: string }) => a.status === 'assigned');
    expect(seat, JSON.stringify(board)).toBeTruthy();
    const reviewer = await signedIn(browser, lang, REVIEWERS[seat.reviewerName]!, 'dragongate-demo-2026');
    if (seat.reviewerName === 'Reviewer Three') {
      expect((await api(reviewer, 'POST', `${at}/conflicts`, { reason: 'Kept free for the reviews spec' })).status()).toBe(200);
      await reviewer.context().close();
      board = await (await api(officer, 'GET', `${at}/review-board`)).json();
      continue;
    }
    const review = await api(reviewer, 'POST', `${at}/reviews`, { scores: { overall: 5 }, recommendation: 'approve' });
    expect(review.status(), await review.text()).toBeLessThan(300);
    await reviewer.context().close();
    return;
  }
}

for (const lang of LANGUAGES) {
  test(`${lang}: public notice (公示): an award goes on the board, a signed-out visitor objects on a phone, the officer dismisses it, the reason is published, payment waits for the period and is made after it`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const t = WORDS[lang].open;
    const run = stamp();

    // The officer publishes a reviewed grant with three working days of public notice (set-up through the API).
    const officer = await signedIn(browser, lang, 'officer@hangzhou.demo', 'dragongate-demo-2026');
    const program = await api(officer, 'POST', '/api/hubs/hangzhou/programs', {
      name: { zh: `公示测试资助${run}`, en: `Notice test grant ${run}` },
      description: { zh: '评审后公示三个工作日', en: 'Reviewed, then three working days on public notice' },
      kind: 'subsidy',
      sectors: ['ai'],
      window: { opensOn: `${seedYear()}-01-01`, closesOn: `${seedYear()}-12-31` },
      budgetLine: 'rd-grants',
      fiscalYear: seedYear(), // the demo seed's budget, this year
      onePerApplicant: true,
      rules: {
        applicantType: 'organization',
        mode: 'reviewed',
        form: [{ key: 'plan', type: 'text', label: { zh: '研发计划', en: 'R&D plan' }, required: true, maxLength: 2000 }],
        criteria: [],
        benefit: { type: 'fixed', amount: '20000000', tranches: [{ shareBasisPoints: 10000, condition: null }] },
        review: {
          reviewersPerApplication: 1,
          rubric: [{ key: 'overall', name: { zh: '总体', en: 'Overall' }, weight: 1, scale: 5 }],
          noticeWorkingDays: 3,
        },
      },
    });
    expect(program.status(), await program.text()).toBe(201);
    const programId: string = (await program.json()).id;
    expect((await api(officer, 'POST', `/api/hubs/hangzhou/programs/${programId}/publish`)).status()).toBe(200);

    // A founder of this run's own company applies; the officer screens and approves.
    const founderEmail = `notice-${run}@e2e.test`;
    dragongate('users', 'create', '--email', founderEmail, '--name', 'Founder Lin', '--password', PASSWORD);
    const founder = await signedIn(browser, lang, founderEmail, PASSWORD);
    const company = { zh: `公示机器人${run}`, en: `Notice Robotics ${run}` };
    const org = await api(founder, 'POST', '/api/hubs/hangzhou/organizations', {
      kind: 'startup',
      name: company,
      uscc: validUscc(),
      foundedOn: '2025-03-01',
      sectors: ['ai'],
      headcount: 12,
    });
    expect(org.status(), await org.text()).toBe(201);
    const applied = await api(founder, 'POST', `/api/hubs/hangzhou/programs/${programId}/applications`, {
      organizationId: (await org.json()).id,
      answers: { plan: 'Robot hands for pharmacies' },
    });
    expect(applied.status(), await applied.text()).toBe(201);
    const application: { id: string; number: string } = await applied.json();
    await founder.context().close();
    expect((await api(officer, 'POST', `/api/hubs/hangzhou/applications/${application.id}/screen`)).status()).toBe(200);
    await reviewOnce(browser, lang, officer, application.id);
    const reason = lang === 'zh-CN' ? `团队 12 人，计划可行 ${run}` : `A team of 12 and a workable plan ${run}`;
    const decided = await api(officer, 'POST', `/api/hubs/hangzhou/applications/${application.id}/decision`, { outcome: 'approve', reason });
    expect(decided.status(), await decided.text()).toBe(200);
    expect((await decided.json()).status).toBe('awarded');

    // A signed-out visitor on a phone finds the award on the notice board with its amount and reason, and objects.
    const visitor = await personIn(browser, lang, { phone: true });
    await visitor.goto('/hubs/hangzhou/open?tab=notices');
    const card = noticeCard(visitor, application.number);
    await expect(card).toBeVisible({ timeout: PAGE_LOAD });
    await expect(card).toContainText(company[lang === 'zh-CN' ? 'zh' : 'en']);
    await expect(card).toContainText(formatMoney('20000000', lang));
    await expect(card).toContainText(reason);
    await expect(card).toContainText(t.periodOpen);
    await expectReadable(visitor, lang, `notice board ${lang}`);
    await card.getByRole('button', { name: buttonName(t.object) }).click();
    const dialog = visitor.getByRole('dialog', { name: t.objectTitle.replace('{{number}}', application.number) });
    await expect(dialog).toBeVisible();
    // Incomplete: the form names the field and sends nothing.
    await dialog.getByRole('button', { name: buttonName(t.send) }).click();
    await expect(dialog.locator('.ant-form-item-has-error')).toHaveCount(2);
    await dialog.getByLabel(t.contact).fill(`watcher-${run}@example.cn`);
    const objection = lang === 'zh-CN' ? '该公司 2026 年只有 4 名员工，不是 12 名。' : 'The company had 4 staff in 2026, not 12.';
    await dialog.getByLabel(t.objectionReason).fill(objection);
    await expectFitsPhone(visitor);
    await expectAccessible(visitor, `objection form ${lang}`);
    await dialog.locator('input[type=file]').setInputFiles({ name: 'roster.txt', mimeType: 'text/plain', buffer: Buffer.from('4 people on the payroll') });
    await expect(dialog.getByText('roster.txt')).toBeVisible();
    await dialog.getByRole('button', { name: buttonName(t.send) }).click();
    const received = dialog.getByText(new RegExp(t.received.replace('{{reference}}', '(OBJ-[0-9A-F]{8})').replace(/[.]/g, '\\.')));
    await expect(received).toBeVisible();
    const objectionRef = new RegExp(t.received.replace('{{reference}}', '(OBJ-[0-9A-F]{8})').replace(/[.]/g, '\\.')).exec((await received.textContent())!)![1]!;
    await dialog.getByRole('button', { name: buttonName(t.cancel) }).click();
    // The board never shows who objected or what they said.
    await visitor.reload();
    await expect(card).toBeVisible({ timeout: PAGE_LOAD });
    await expect(visitor.getByRole('main')).not.toContainText(objection);
    await expect(visitor.getByRole('main')).not.toContainText(`watcher-${run}`);

    // While the objection is open, payment is refused.
    const award = async () => (await api(officer, 'GET', `/api/hubs/hangzhou/applications/${application.id}/award`)).json();
    expect((await award()).tranches.map((x: { status: string }) => x.status)).toEqual(['waiting']);

    // The officer reads the objection (contact and reason) on the desk and dismisses it with a reason.
    await officer.goto('/hubs/hangzhou/open?tab=notices');
    const resolution = officer.getByLabel(`${t.resolution} ${objectionRef}`);
    await expect(resolution).toBeVisible({ timeout: PAGE_LOAD });
    const item = officer.getByRole('listitem').filter({ has: resolution });
    await expect(item).toContainText(objection);
    await expect(item).toContainText(`watcher-${run}@example.cn`);
    const dismissal = lang === 'zh-CN' ? `社保记录显示 12 名员工 ${run}` : `Social insurance records show 12 staff ${run}`;
    await resolution.fill(dismissal);
    await item.getByRole('button', { name: buttonName(t.dismiss) }).click();
    await expect(officer.getByLabel(`${t.resolution} ${objectionRef}`)).toHaveCount(0);
    await officer.context().close();

    // The public sees the dismissal's reason; the award stays on notice until its period ends, and is not paid before.
    await visitor.reload();
    await expect(card).toContainText(t.dismissed.replace('{{reason}}', dismissal), { timeout: PAGE_LOAD });
    await expect(card).toContainText(t.periodOpen);
    await expectReadable(visitor, lang, `notice board after dismissal ${lang}`);
    await visitor.context().close();
    const finance = await signedIn(browser, lang, 'finance@hangzhou.demo', 'dragongate-demo-2026');
    const pay = await api(
      finance,
      'POST',
      `/api/hubs/hangzhou/applications/${application.id}/tranches/1/release`,
      { reason: 'pay now' },
      { 'idempotency-key': `e2e-${run}` },
    );
    expect(pay.status(), await pay.text()).toBe(409);
    expect((await pay.json()).error.code).toBe('NOTICE_PENDING');

    // The period ends (the days pass in the data) and the night's payment job, run now, pays the award.
    await endNoticePeriod(application.id);
    expect(dragongate('jobs', 'run', 'award-conditions', '--hub', 'hangzhou')).toContain('award-conditions (hangzhou): done');
    const paid = await (await api(finance, 'GET', `/api/hubs/hangzhou/applications/${application.id}/award`)).json();
    expect(paid.tranches.map((x: { status: string }) => x.status)).toEqual(['paid']);
    await finance.context().close();

    // The board says the notice has ended; the dismissal's reason stays published.
    const later = await personIn(browser, lang, { phone: true });
    await later.goto('/hubs/hangzhou/open?tab=notices');
    const ended = noticeCard(later, application.number);
    await expect(ended).toContainText(t.periodEnded, { timeout: PAGE_LOAD });
    await expect(ended).toContainText(t.dismissed.replace('{{reason}}', dismissal));
    await later.context().close();
  });
}
