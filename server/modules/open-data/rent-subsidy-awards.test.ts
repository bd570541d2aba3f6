import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { programDraftSchema } from '../../../contracts/applications.js';
import { dreamTownRules, rentProgramDraft, wuchangRules } from '../../../contracts/test-fixtures/rent-programs.js';
import { withTransaction } from '../../db/transaction.js';
import { localToday } from '../../platform/hub-time.js';
import { uuidv7 } from '../../platform/ids.js';
import { findHub, type HubRow } from '../../platform/tenancy/tenancy.js';
import { fundedYear, ledgerTx } from '../../test/budget-factories.js';
import { ecosystemBuilder } from '../../test/ecosystem-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { expectPagedList } from '../../test/paging.js';
import { computeVoucherDraft } from '../../test/program-factories.js';
import { operatorScope, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { recordStatements } from '../../test/statements.js';
import { createProgram, publishProgram } from '../programs/programs.service.js';
import { createLease, endLease } from '../spaces/leases.service.js';
import { runMonthlySubsidies } from '../spaces/monthly-subsidy.service.js';
import { packageValidator } from './fixtures/package-validator.js';
import { openDataJson } from './open-data-export.js';
import { openDataPackage } from './open-data.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

type Award = { number: string; grantId: string; program: { id: string }; status: string };
type Grant = {
  id: string;
  description: string;
  amountAwarded: number;
  commitmentTransaction: { value: number }[];
  disbursementTransaction: { value: number }[];
};

const get = (url: string, lang = 'en-US') => ctx.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
const sum = (xs: { value: number }[]) => Math.round(xs.reduce((s, x) => s + x.value * 100, 0)) / 100;
/** Noon in Hangzhou on a local day. */
const at = (day: string) => new Date(`${day}T04:00:00Z`);

/**
 * A hub with a compute voucher (rule-only: an application is approved at once) and a
 * published Wuchang rent subsidy, a park of 100 m² units and `orgs` startups that qualify.
 */
async function rentWorld(orgs = 3) {
  const hub = await createTestHub(ctx);
  const db = ctx.database.db;
  await fundedYear(db, hub, { 'compute-vouchers': 10_000_000_000n, 'rent-subsidy': 1_000_000_000n }, 1_000_000_000_000n);
  const scope = { hub, actor: { userId: null, hubRoles: ['program_officer' as const, 'hub_admin' as const] } };
  const program = (draft: unknown) =>
    withTransaction(db, async (tx) => {
      const p = await createProgram(tx, scope, programDraftSchema.parse(draft));
      await publishProgram(tx, scope, p.id);
      return p;
    });
  const rent = await program(rentProgramDraft('Wuchang rent subsidy', wuchangRules));
  const voucher = await program(computeVoucherDraft());
  const park = await spacePark(db, hub, { buildings: 1, floors: 1, units: 8 });
  const units = [...park.units];
  const companies = await spaceOrgs(db, hub, orgs);
  const { rows } = await db.execute<{ id: string; uscc: string }>(sql`SELECT id, uscc FROM organizations WHERE hub_id = ${hub.id}`);
  const uscc = new Map(rows.map((r) => [r.id, r.uscc]));
  /**
   * A lease of the next free unit (100 m²) at CNY 6,000 a month, signed at noon on its first
   * day, by default for a year under the Wuchang program (the whole rent in year 1: CNY 72,000;
   * `monthlySubsidy` names a share), or under another program, or none (no subsidy).
   */
  const lease = (organizationId: string, terms: { programId?: string | null; monthlySubsidy?: string; staff?: number; term?: [string, string] } = {}) => {
    const [startsOn, endsOn] = terms.term ?? ['2026-06-01', '2027-06-01'];
    const steps = [{ startsOn, endsOn, monthlyRent: '600000', monthlySubsidy: terms.monthlySubsidy }];
    const programId = terms.programId === undefined ? rent.id : terms.programId;
    const input = { organizationId, nodeIds: [units.shift()!], startsOn, endsOn, steps, noticeDays: 90, staff: terms.staff ?? null, programId };
    return withTransaction(db, (tx) => createLease(tx, operatorScope(hub), input, at(startsOn)), ledgerTx);
  };
  let contracts = 0;
  /** A new startup applies for the voucher and is approved at once: its application number. */
  const application = async () => {
    const founder = await createTestUser(ctx);
    const org = await ecosystemBuilder(ctx, hub, founder).org({ kind: 'startup', sectors: ['ai'] });
    const answers = { contract_number: `C-${contracts++}`, contract_amount: '1000000', chips: 'domestic' };
    const url = `/api/hubs/${hub.slug}/programs/${voucher.id}/applications`;
    const applied = await ctx.app.inject(as(founder, { method: 'POST', url, payload: { organizationId: org.id, answers } }));
    expect(applied.json().status, applied.body).toBe('approved');
    return applied.json().number as string;
  };
  return { hub, rent, voucher, program, companies, uscc, lease, application, prefix: `DG-${hub.slug.toUpperCase()}` };
}

describe('a lease with a rent subsidy is its program’s award', () => {
  it('in the public awards list and the 360Giving package (valid against the standard), with its ledger movements; a lease without a subsidy or a program is not', async () => {
    const w = await rentWorld();
    const [org1, org2, org3] = w.companies as [string, string, string];
    const subsidised = await w.lease(org1);
    expect(subsidised.subsidyTotal).toBe(7_200_000n);
    const unsubsidised = await w.lease(org2, { monthlySubsidy: '0' });
    const unlinked = await w.lease(org3, { programId: null });
    expect([unsubsidised.programId, unsubsidised.commitmentId, unlinked.programId]).toEqual([w.rent.id, null, null]);

    const list = await get(`/api/hubs/${w.hub.slug}/public/awards`);
    expect(list.statusCode, list.body).toBe(200);
    const award = {
      number: subsidised.ref,
      grantId: `360G-${w.prefix}-${subsidised.ref}`,
      program: { id: w.rent.id, name: { zh: 'Wuchang rent subsidy', en: 'Wuchang rent subsidy' } },
      recipient: { name: { zh: '企业1', en: 'Company 1' }, uscc: w.uscc.get(org1) },
      amount: '7200000',
      awardedOn: localToday(w.hub.timeZone, subsidised.createdAt),
      status: 'in_payment',
    };
    expect(list.json()).toEqual({ items: [award], next: null });
    expect(list.body).not.toContain(subsidised.id);

    // The package: one grant, the lease's, valid; the commitment is the subsidy, the first month paid at signing.
    const validate = packageValidator();
    const pkg = (await get(`/api/hubs/${w.hub.slug}/open-data`)).json() as { grants: Grant[] };
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg.grants).toEqual([
      expect.objectContaining({
        id: award.grantId,
        title: 'Wuchang rent subsidy',
        currency: 'CNY',
        amountAwarded: 72_000,
        awardDate: award.awardedOn,
        recipientOrganization: [{ id: `CN-USCC-${w.uscc.get(org1)}`, name: 'Company 1' }],
        fundingOrganization: [{ id: w.prefix, name: w.hub.nameEn }],
        grantProgramme: [{ code: w.rent.id, title: 'Wuchang rent subsidy' }],
      }),
    ]);
    const [grant] = pkg.grants;
    expect(grant!.description).toBe(`Rent subsidy on lease ${subsidised.ref}: 100 m² from 2026-06-01 to 2027-06-01.`);
    expect(grant!.commitmentTransaction.map((t) => t.value)).toEqual([72_000]);
    expect(grant!.disbursementTransaction.map((t) => t.value)).toEqual([6_000]);
    const zh = await get(`/api/hubs/${w.hub.slug}/open-data?format=csv`, 'zh-CN');
    expect(zh.body.trim().split('\r\n')).toHaveLength(2);
    expect(zh.body).toContain(`"租约 ${subsidised.ref} 的租金补贴：100 平方米，2026-06-01 至 2027-06-01。"`);

    // A broken condition ends it: what was paid is clawed back (a negative disbursement), the award is closed.
    await withTransaction(
      ctx.database.db,
      (tx) => endLease(tx, operatorScope(w.hub), subsidised.id, { endsOn: '2026-07-01', reason: 'condition_broken' }, at('2026-06-15')),
      ledgerTx,
    );
    const ended = (await get(`/api/hubs/${w.hub.slug}/open-data`)).json() as { grants: Grant[] };
    expect(validate(ended), JSON.stringify(validate.errors)).toBe(true);
    expect(ended.grants[0]!.disbursementTransaction.map((t) => t.value)).toEqual([6_000, -6_000]);
    expect(sum(ended.grants[0]!.disbursementTransaction)).toBe(0);
    expect((await get(`/api/hubs/${w.hub.slug}/public/awards`)).json().items).toEqual([{ ...award, status: 'closed' }]);
  });

  it('pages a mix of applications and leases newest first under one cursor, each once, one read of each source a page; the export lists them all oldest first', async () => {
    const w = await rentWorld(4);
    const made: string[] = [];
    made.push(await w.application());
    for (const org of w.companies.slice(0, 2)) made.push((await w.lease(org)).ref);
    made.push(await w.application(), await w.application());
    made.push((await w.lease(w.companies[2]!)).ref);
    made.push(await w.application());
    made.push((await w.lease(w.companies[3]!)).ref);
    const newestFirst = [...made].reverse();

    const url = `/api/hubs/${w.hub.slug}/public/awards`;
    const whole = await expectPagedList<Award>(ctx, null, url, { atLeast: 8, keyOf: (a) => a.number });
    expect(whole.map((a) => a.number)).toEqual(newestFirst);
    for (const limit of [2, 3]) {
      const paged: string[] = [];
      let next: string | null = null;
      do {
        const page = (await get(`${url}?limit=${limit}${next ? `&next=${next}` : ''}`)).json() as { items: Award[]; next: string | null };
        expect(page.items.length).toBeLessThanOrEqual(limit);
        paged.push(...page.items.map((a) => a.number));
        next = page.next;
      } while (next);
      expect(paged).toEqual(newestFirst);
    }
    // The program filter reaches the leases too.
    const leases = await expectPagedList<Award>(ctx, null, `${url}?program=${w.rent.id}`, { atLeast: 4, keyOf: (a) => a.number });
    expect(leases.map((a) => a.number)).toEqual(newestFirst.filter((n) => n.startsWith('L-')));
    expect(leases.every((a) => a.status === 'in_payment' && a.program.id === w.rent.id)).toBe(true);

    // The public budget counts, per program, the awards the list names.
    const budget = (await get(`/api/hubs/${w.hub.slug}/public/budget`)).json() as { programs: { id: string; awards: number }[] };
    expect(budget.programs.map((p) => [p.id, p.awards]).sort()).toEqual(
      [
        [w.rent.id, 4],
        [w.voucher.id, 4],
      ].sort(),
    );
    for (const p of budget.programs) expect(whole.filter((a) => a.program.id === p.id)).toHaveLength(p.awards);

    // A page reads each source once, a page's worth (never the whole hub).
    const { statements } = await recordStatements(() => get(`${url}?limit=3`));
    const reads = (table: string) => statements.filter((s) => s.startsWith('select') && s.includes(`from "${table}"`));
    expect(reads('space_leases')).toHaveLength(1);
    expect(reads('applications')).toHaveLength(1);
    for (const s of [...reads('space_leases'), ...reads('applications')]) expect(s).toMatch(/ limit \$\d+$/);

    // The export: every award once, oldest first, the same read two at a time as at once, streamed alike.
    const hubRow = await findHub(ctx.database.db, w.hub.slug);
    const pkg = await openDataPackage(ctx.database.db, hubRow, 'en-US');
    expect(pkg.grants.map((g) => g.id)).toEqual(made.map((n) => `360G-${w.prefix}-${n}`));
    expect(await openDataPackage(ctx.database.db, hubRow, 'en-US', 2)).toEqual(pkg);
    let text = '';
    for await (const chunk of openDataJson(ctx.database.db, hubRow, 'en-US', 3)) text += chunk;
    expect(text).toBe(JSON.stringify(pkg));
    const validate = packageValidator();
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
  });

  it('another hub’s leases never appear, in the list, its program filter or the package', async () => {
    const [a, b] = [await rentWorld(1), await rentWorld(1)];
    const own = await a.lease(a.companies[0]!);
    const theirs = await b.lease(b.companies[0]!);
    const numbers = async (hub: HubRow, query = '') =>
      ((await get(`/api/hubs/${hub.slug}/public/awards${query}`)).json().items as Award[]).map((x) => x.number);
    expect(await numbers(a.hub)).toEqual([own.ref]);
    expect(await numbers(b.hub)).toEqual([theirs.ref]);
    // Another hub's program named in the filter is not there (404), not an empty list.
    expect((await get(`/api/hubs/${a.hub.slug}/public/awards?program=${b.rent.id}`)).statusCode).toBe(404);
    const grants = async (hub: HubRow) => ((await get(`/api/hubs/${hub.slug}/open-data`)).json().grants as Grant[]).map((g) => g.id);
    expect(await grants(a.hub)).toEqual([`360G-${a.prefix}-${own.ref}`]);
    expect(await grants(b.hub)).toEqual([`360G-${b.prefix}-${theirs.ref}`]);
  });

  it('a lease whose extension was granted later is one award: both commitments its movements, the subsidy in all its amount', async () => {
    const w = await rentWorld(1);
    const dreamTown = await w.program(rentProgramDraft('Dream Town', dreamTownRules));
    const org = w.companies[0]!;
    // 8 people x 10 m² of the 100 m² at CNY 60: CNY 4,800 a month, 3 years free, 2 more once it raises CNY 5 m.
    const signed = await w.lease(org, { programId: dreamTown.id, staff: 8, term: ['2027-03-01', '2032-03-01'] });
    expect(signed.subsidyTotal).toBe(36n * 480_000n);
    await ctx.database.db.execute(sql`
      INSERT INTO organization_facts (hub_id, id, organization_id, metric, as_of, amount_minor, currency, source_note)
      VALUES (${w.hub.id}, ${uuidv7()}, ${org}, 'funding_raised', '2027-07-20', 600000000, 'CNY', 'test')`);
    expect((await runMonthlySubsidies(ctx.database.db, w.hub, at('2027-08-01'))).extensionsGranted).toBe(1);

    const list = (await get(`/api/hubs/${w.hub.slug}/public/awards`)).json().items as (Award & { amount: string })[];
    expect(list.map((a) => [a.number, a.amount])).toEqual([[signed.ref, (60n * 480_000n).toString()]]);
    const pkg = (await get(`/api/hubs/${w.hub.slug}/open-data`)).json() as { grants: Grant[] };
    const validate = packageValidator();
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg.grants).toHaveLength(1);
    expect(pkg.grants[0]).toMatchObject({ id: `360G-${w.prefix}-${signed.ref}`, amountAwarded: 288_000 });
    expect(pkg.grants[0]!.commitmentTransaction.map((t) => t.value)).toEqual([172_800, 115_200]);
    expect(sum(pkg.grants[0]!.commitmentTransaction)).toBe(pkg.grants[0]!.amountAwarded);
  });
});
