import { expect as baseExpect, test, type Page } from '@playwright/test';
import { validUscc } from '../server/test/factories.js';
import { expectAccessible, expectNoAntdEnglish } from './accessibility.js';
import { buttonName, dragongate, LANGUAGES, PAGE_LOAD, PASSWORD, personIn, signInAs, stamp, WORDS } from './hub-people.js';
import { startMailSink } from './mail-sink.js';
import { expectFitsPhone } from './phone.js';
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

/** API calls from the signed-in page (a cookie write needs our Origin). */
const api = (page: Page, method: 'GET' | 'POST', path: string, data?: object, headers: Record<string, string> = {}) =>
  page.request.fetch(path, { method, data, headers: { Origin: new URL(page.url()).origin, ...headers } });

/** Applies for the startup subsidy in the company's name (the answer the program asks for). */
async function applyForCompany(page: Page, organizationId: string) {
  const programs = await (await api(page, 'GET', '/api/hubs/hangzhou/programs')).json();
  const program = programs.items.find((p: { name: { en: string } }) => p.name.en === 'AI and robotics startup subsidy');
  return api(
    page,
    'POST',
    `/api/hubs/hangzhou/programs/${program.id}/applications`,
    { organizationId, answers: { plan: 'Dexterous hands for kitchens' } },
    { 'idempotency-key': `e2e-${stamp()}` },
  );
}

for (const lang of LANGUAGES) {
  test(`${lang}, on a phone: a company's owner invites a colleague who applies for the company; roles, hand-over and removal`, async ({ browser }) => {
    // Two people's phones in turn on a shared, loaded machine: the test's own limit (every step
    // still waits for what its person waits for).
    test.setTimeout(360_000);
    const t = WORDS[lang];
    const run = stamp();
    const ownerEmail = `owner-${run}@e2e.test`;
    const colleagueEmail = `colleague-${run}@e2e.test`;
    const company = { zh: `灵巧厨房${run}`, en: `Dexterous Kitchens ${run}` };
    dragongate('users', 'create', '--email', ownerEmail, '--name', 'Owner Wang', '--password', PASSWORD);

    // The owner registers a company of their own and opens its page on a phone.
    const owner = await personIn(browser, lang, { phone: true });
    await signInAs(owner, lang, ownerEmail);
    const registered = await api(owner, 'POST', '/api/hubs/hangzhou/organizations', {
      kind: 'startup',
      name: company,
      uscc: validUscc(),
      foundedOn: '2025-03-01',
      sectors: ['robotics', 'ai'],
      headcount: 6,
    });
    expect(registered.status(), await registered.text()).toBe(201);
    const companyId: string = (await registered.json()).id;
    const companyPage = `/hubs/hangzhou/organizations/${companyId}`;
    await owner.goto(companyPage);
    // The first page of a fresh browser loads its code on demand: on a busy machine that is slow.
    await expect(owner.getByRole('heading', { name: t.org.inviteTitle })).toBeVisible({ timeout: PAGE_LOAD });

    // An invitation by email, "can apply" (the default role).
    await owner.getByLabel(t.org.addMemberEmail).fill(colleagueEmail);
    await owner.getByRole('button', { name: buttonName(t.org.invite) }).click();
    await expect(owner.getByText(t.org.invited.replace('{{email}}', colleagueEmail))).toBeVisible();
    await expectFitsPhone(owner);
    await expectAccessible(owner, `company people (${lang})`);
    if (lang === 'zh-CN') await expectNoAntdEnglish(owner, 'company people');

    // The colleague has no account yet: signs up from the invitation, comes back and accepts.
    const colleague = await personIn(browser, lang, { phone: true });
    const link = await mail.linkTo(colleagueEmail, /invitations\/organization/);
    await colleague.goto(link);
    await expect(
      colleague.getByText(
        t.staff.colleagueIntro.replace('{{organization}}', lang === 'zh-CN' ? company.zh : company.en).replace('{{role}}', t.orgRole.applicant),
      ),
    ).toBeVisible({ timeout: PAGE_LOAD });
    await expectFitsPhone(colleague);
    await expectAccessible(colleague, `colleague invitation (${lang})`);
    await colleague.getByRole('link', { name: t.auth.signUp }).click();
    const main = colleague.getByRole('main');
    await main.getByLabel(t.auth.name).fill('Colleague Li');
    await main.getByLabel(t.auth.email).fill(colleagueEmail);
    await main.getByLabel(t.auth.password, { exact: true }).fill(PASSWORD);
    await main.getByRole('button', { name: buttonName(t.auth.signUp) }).click();
    await expect(colleague.getByRole('heading', { name: t.staff.acceptTitle })).toBeVisible();
    await colleague.getByRole('button', { name: buttonName(t.staff.accept) }).click();
    await expect(colleague).toHaveURL(new RegExp(`${companyPage}$`));
    const members = colleague.getByRole('listitem');
    await expect(members.filter({ hasText: colleagueEmail })).toContainText(t.orgRole.applicant);
    await expectFitsPhone(colleague);

    // As "can apply" the colleague applies in the company's name (the invitation proved the address).
    const applied = await applyForCompany(colleague, companyId);
    expect(applied.status(), await applied.text()).toBe(201);
    expect((await applied.json()).applicant).toMatchObject({ type: 'organization', id: companyId });

    // The owner makes the colleague "can view": applying is then refused.
    await owner.reload();
    const colleagueLabel = `Colleague Li (${colleagueEmail})`;
    await chooseOption(owner, owner.getByLabel(t.org.roleOf.replace('{{name}}', colleagueLabel)), t.orgRole.viewer);
    await expect(owner.getByText(t.org.roleChanged)).toBeVisible();
    const refused = await applyForCompany(colleague, companyId);
    expect(refused.status()).toBe(403);

    // The owner hands the company to the colleague and stays on as one who can apply.
    await owner.getByRole('button', { name: t.org.transferTo.replace('{{name}}', colleagueLabel) }).click();
    await owner
      .getByRole('tooltip')
      .getByRole('button', { name: buttonName(t.org.transfer) })
      .click();
    await expect(owner.getByText(t.org.transferred)).toBeVisible();
    await expect(owner.getByRole('listitem').filter({ hasText: ownerEmail })).toContainText(t.orgRole.applicant);
    await expect(owner.getByLabel(t.org.roleOf.replace('{{name}}', colleagueLabel))).toHaveCount(0);

    // The new owner removes the old one; the last owner cannot be removed or demoted.
    await colleague.reload();
    await colleague.getByRole('button', { name: t.org.removeMember.replace('{{name}}', `Owner Wang (${ownerEmail})`) }).click();
    await colleague
      .getByRole('tooltip')
      .getByRole('button', { name: buttonName(t.org.remove) })
      .click();
    await expect(colleague.getByText(t.org.removed)).toBeVisible();
    await expect(colleague.getByRole('listitem').filter({ hasText: ownerEmail })).toHaveCount(0);
    await expect(colleague.getByText(t.org.lastOwner)).toBeVisible();
    await expect(colleague.getByRole('button', { name: t.org.removeMember.replace('{{name}}', colleagueLabel) })).toHaveCount(0);
    await expectFitsPhone(colleague);
    await expectAccessible(colleague, `company people, one owner (${lang})`);
    await owner.context().close();
    await colleague.context().close();
  });
}
