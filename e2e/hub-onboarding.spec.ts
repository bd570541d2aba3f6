import { expect as baseExpect, test, type Page } from '@playwright/test';
import { openMenu } from './demo-session.js';
import { expectAccessible, expectNoAntdEnglish, expectOneH1 } from './accessibility.js';
import { buttonName, dragongate, LANGUAGES, menuSections, PAGE_LOAD, PASSWORD, personIn, signInAs, stamp, WORDS } from './hub-people.js';
import { startMailSink } from './mail-sink.js';
import { chooseOption } from './select.js';

// A shared, busy machine: pages that load their code on demand get longer than the default.
const expect = baseExpect.configure({ timeout: 20_000 });

let mail: Awaited<ReturnType<typeof startMailSink>>;
test.beforeAll(async () => {
  mail = await startMailSink();
});
test.afterAll(async () => {
  await mail.close();
});

/** Opens an invitation link from the mail and creates the account it offers; lands in the hub. */
async function acceptAsNewcomer(page: Page, lang: (typeof LANGUAGES)[number], link: string, name: string) {
  const t = WORDS[lang];
  await page.goto(link);
  await expect(page.getByRole('heading', { name: t.staff.acceptTitle })).toBeVisible({ timeout: PAGE_LOAD });
  await expectAccessible(page, `accept invitation (${lang})`);
  await page.getByLabel(t.auth.name).fill(name);
  await page.getByLabel(t.auth.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: buttonName(t.staff.accept) }).click();
  await expect(page).toHaveURL(/\/hubs\/[^/]+\/organizations$/, { timeout: PAGE_LOAD });
}

for (const lang of LANGUAGES) {
  test(`${lang}: the operator opens Suzhou and invites its admin, who builds the staff; each sees only their menus`, async ({ browser }) => {
    // Three people's browsers in turn, each loading the app's pages on a shared, loaded machine:
    // the test's own limit (every step still waits for what its person waits for).
    test.setTimeout(600_000);
    const t = WORDS[lang];
    const run = stamp();
    const slug = `suzhou-${lang === 'zh-CN' ? 'zh' : 'en'}-${run}`;
    const people = {
      operator: `operator-${run}@e2e.test`,
      admin: `admin-${run}@suzhou.e2e.test`,
      officer: `officer-${run}@suzhou.e2e.test`,
      finance: `finance-${run}@suzhou.e2e.test`,
    };
    // The deployment's operator is named on the server, never through a hub's pages.
    dragongate('users', 'create', '--email', people.operator, '--name', 'Operator', '--password', PASSWORD);
    dragongate('operators', 'add', people.operator);

    // The operator opens Suzhou and invites its first admin.
    const operator = await personIn(browser, lang);
    await signInAs(operator, lang, people.operator);
    await operator.goto('/operator/hubs');
    await expect(operator.getByRole('heading', { name: t.staff.operatorTitle })).toBeVisible({ timeout: PAGE_LOAD });
    await operator.getByLabel(t.staff.slug).fill(slug);
    await operator.getByLabel(t.staff.firstAdmin).fill(people.admin);
    await operator.getByLabel(t.staff.nameZh).fill('苏州');
    await operator.getByLabel(t.staff.nameEn).fill('Suzhou');
    await operator.getByLabel(t.staff.code, { exact: true }).fill('SZ');
    await expectAccessible(operator, `operator hubs (${lang})`);
    if (lang === 'zh-CN') await expectNoAntdEnglish(operator, 'operator hubs');
    await operator.getByRole('button', { name: buttonName(t.staff.create) }).click();
    const cityName = lang === 'zh-CN' ? '苏州' : 'Suzhou';
    await expect(operator.getByText(t.staff.created.replace('{{name}}', cityName))).toBeVisible();
    await expect(operator.getByRole('row').filter({ hasText: slug })).toBeVisible();

    // The admin's invitation arrives by email; the admin creates an account through it.
    const admin = await personIn(browser, lang);
    await acceptAsNewcomer(admin, lang, await mail.linkTo(people.admin, /invitations\/staff/), 'Suzhou Admin');
    expect(await menuSections(admin, slug)).toEqual(expect.arrayContaining(['staff', 'settings', 'budget', 'programs']));

    // The admin invites a program officer and a finance officer from the staff page.
    await openMenu(admin, t.nav.staff);
    await expect(admin.getByRole('heading', { name: t.staff.title, exact: true })).toBeVisible({ timeout: PAGE_LOAD });
    await expect(admin.getByRole('row').filter({ hasText: people.admin })).toContainText(t.staff.role.hub_admin);
    for (const [email, role] of [
      [people.officer, 'program_officer'],
      [people.finance, 'finance_officer'],
    ] as const) {
      await admin.getByRole('button', { name: buttonName(t.staff.invite) }).click();
      const dialog = admin.getByRole('dialog', { name: t.staff.inviteTitle });
      await dialog.getByLabel(t.staff.email).fill(email);
      await chooseOption(admin, dialog.getByLabel(t.staff.roles), t.staff.role[role]);
      await dialog.getByText(t.staff.inviteHint).click();
      await dialog.getByRole('button', { name: buttonName(t.staff.send) }).click();
      await expect(dialog).toBeHidden();
      await expect(admin.getByRole('row').filter({ hasText: email })).toContainText(t.staff.role[role]);
    }
    await expectOneH1(admin);
    await expectAccessible(admin, `staff (${lang})`);
    if (lang === 'zh-CN') await expectNoAntdEnglish(admin, 'staff');

    // Each accepts, signs in again later with the new password, and sees only their menus.
    for (const [email, name, expected] of [
      // The review queue is for assigned reviewers; officers follow up obligations.
      [people.officer, 'Suzhou Officer', ['applications', 'budget', 'obligations', 'programs']],
      [people.finance, 'Suzhou Finance', ['applications', 'budget', 'programs']],
    ] as const) {
      const first = await personIn(browser, lang);
      await acceptAsNewcomer(first, lang, await mail.linkTo(email, /invitations\/staff/), name);
      await first.context().close();
      const later = await personIn(browser, lang);
      await signInAs(later, lang, email);
      await later.goto(`/hubs/${slug}/organizations`);
      const sections = await menuSections(later, slug);
      expect(sections).toEqual(expect.arrayContaining([...expected]));
      expect(sections).not.toContain('staff');
      expect(sections).not.toContain('settings');
      expect(sections).not.toContain('compute-desk');
      // What the menu hides the server refuses too: the staff page is not found for them.
      await later.goto(`/hubs/${slug}/staff`);
      await expect(later.getByText(t.app.notFound)).toBeVisible({ timeout: PAGE_LOAD });
      await later.context().close();
    }

    // The staff list now names all three with their roles; the operator is not among them.
    await admin.reload();
    await expect(admin.getByRole('row').filter({ hasText: people.officer })).toContainText(t.staff.role.program_officer);
    await expect(admin.getByRole('row').filter({ hasText: people.finance })).toContainText(t.staff.role.finance_officer);
    await expect(admin.getByRole('row').filter({ hasText: people.operator })).toHaveCount(0);
    await admin.context().close();
    await operator.context().close();
  });
}
