import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationInputSchema } from '../../../contracts/applications.js';
import { simulationInputSchema } from '../../../contracts/simulation.js';
import { withTransaction } from '../../db/transaction.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { computeVoucherDraft, contractAnswers } from '../../test/program-factories.js';
import { openWindow } from '../../test/test-window.js';
import type { OrganizationRecord, PersonRecord } from '../ecosystem/index.js';
import { findApplication, priceApplication, rentExtensionHolds, type RentRules } from './index.js';
import { submitApplication } from './applications.service.js';
import { momentIn, organizationFacts, personFacts } from './criteria-facts.js';
import { historyOf, runMatching } from './matching.service.js';
import { organizationWithPrior } from './prior-awards.js';
import { simulateProgram } from './simulation.service.js';

/**
 * Calendar years in the criteria's facts and the yearly cap are the hub's (test hubs are in
 * Asia/Shanghai, UTC+8), not UTC's: 1 January begins there at 16:00 UTC on 31 December.
 */
const NEW_YEAR = new Date('2026-12-31T17:00:00Z'); // 2027-01-01 01:00 in Shanghai, still 2026 in UTC
const LATER = new Date('2027-01-01T02:00:00Z'); // 2027-01-01 10:00 in Shanghai, 2027 in UTC too
const JUST_AFTER_MIDNIGHT = '2026-12-31T16:30:00Z'; // 2027-01-01 00:30 in Shanghai
const JUST_BEFORE_MIDNIGHT = '2026-12-31T15:30:00Z'; // 2026-12-31 23:30 in Shanghai

const CAP = 50_000_000n; // CNY 500,000 a year per applicant
const EACH = 30_000_000n; // 30% of a CNY 1 m contract on domestic chips

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/** A voucher open on either side of the new year, for 2027 only (a criterion on `now.year`), with a yearly cap per applicant. */
async function voucherHub() {
  const hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n }, 1_000_000_000_000n);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const base = computeVoucherDraft();
  const draft = computeVoucherDraft({
    window: openWindow(NEW_YEAR),
    onePerApplicant: false,
    rules: {
      ...base.rules,
      criteria: [
        ...base.rules.criteria,
        {
          key: 'in_2027',
          name: { zh: '2027 年', en: 'In 2027' },
          expression: 'now.year == 2027',
          reason: { zh: '仅限 2027 年', en: '2027 only' },
        },
      ],
      benefit: { ...base.rules.benefit!, caps: { perApplicantPerYear: CAP.toString() } },
    },
  });
  const created = await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: draft }));
  expect(created.statusCode, created.body).toBe(201);
  const program = created.json() as { id: string };
  expect((await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/publish` }))).statusCode).toBe(200);
  return { hub, program };
}

async function startup(hub: HubRow): Promise<{ founder: TestUser; orgId: string }> {
  const founder = await createTestUser(ctx);
  const res = await ctx.app.inject(
    as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind: 'startup', sectors: ['ai'] }) }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return { founder, orgId: res.json().id as string };
}

/** Applies on the fixed clock `now` for a CNY 1 m contract. */
async function applyAt(hub: HubRow, programId: string, applicant: { founder: TestUser; orgId: string }, now: Date) {
  const scope = { hub, actor: { userId: applicant.founder.id, hubRoles: [] } };
  const input = applicationInputSchema.parse({ organizationId: applicant.orgId, answers: contractAnswers('100000000', 'domestic') });
  return (await submitApplication(ctx.database.db, scope, programId, input, undefined, now)).row;
}

/** An award made at `at` (applications are dated by the database's clock: moved there). */
async function awardAt(hub: HubRow, programId: string, applicant: { founder: TestUser; orgId: string }, at: string) {
  const award = await applyAt(hub, programId, applicant, NEW_YEAR);
  expect([award.status, award.amount]).toEqual(['approved', EACH]);
  await ctx.database.db.execute(sql`UPDATE applications SET created_at = ${at}::timestamptz WHERE hub_id = ${hub.id} AND id = ${award.id}`);
  return award;
}

describe('calendar years are the hub’s', () => {
  it('now.year, ages and months since graduation count from the hub’s local day', () => {
    const moment = momentIn('Asia/Shanghai', NEW_YEAR);
    const org: OrganizationRecord = { id: 'o', kind: 'startup', sectors: ['ai'], foundedOn: '2017-01-01', headcount: 5, latest: {} };
    const facts = organizationFacts(org, {}, [], moment);
    expect(facts.now).toEqual({ year: 2027n, date: NEW_YEAR });
    expect(facts.applicant).toMatchObject({ foundedYear: 2017n, ageYears: 10n });
    const person: PersonRecord = {
      id: 'p',
      userId: null,
      roles: ['engineer'],
      talentTier: null,
      bornOn: '2000-01-01',
      degree: 'master',
      graduatedOn: '2026-12-01',
    };
    const own = personFacts(person, {}, [], moment);
    expect(own.now.year).toBe(2027n);
    expect(own.applicant).toMatchObject({ ageYears: 27n, monthsSinceGraduation: 1n });
    // The same instant in a hub at UTC is still 31 December 2026.
    expect(organizationFacts(org, {}, [], momentIn('UTC', NEW_YEAR)).now.year).toBe(2026n);
  });

  it('an earlier award counts in the hub’s local year among the criteria’s awards, in screening and in matching', async () => {
    const { hub, program } = await voucherHub();
    const applicant = await startup(hub);
    await awardAt(hub, program.id, applicant, JUST_BEFORE_MIDNIGHT);
    await awardAt(hub, program.id, applicant, JUST_AFTER_MIDNIGHT);
    const prior = await organizationWithPrior(ctx.database.db, hub.id, applicant.orgId, null, { claimKey: null });
    expect(prior!.prior.awards.map((a) => a.year).sort()).toEqual([2026n, 2027n]);
    const history = await historyOf(ctx.database.db, hub, 'organization', [{ id: applicant.orgId }], null);
    expect(
      history.awards
        .get(applicant.orgId)!
        .map((a) => a.year)
        .sort(),
    ).toEqual([2026n, 2027n]);
  });

  it('the yearly cap counts the awards of the hub’s year: not two years’ caps, nor a cap from last year', async () => {
    const { hub, program } = await voucherHub();
    // Made at 00:30 on 1 January in the hub: the same year as 10:00 that day.
    const early = await startup(hub);
    await awardAt(hub, program.id, early, JUST_AFTER_MIDNIGHT);
    const second = await applyAt(hub, program.id, early, LATER);
    expect([second.status, second.amount]).toEqual(['approved', CAP - EACH]);
    // Made at 23:30 on 31 December in the hub: last year's, so 1 January's application is paid in full.
    const late = await startup(hub);
    await awardAt(hub, program.id, late, JUST_BEFORE_MIDNIGHT);
    const next = await applyAt(hub, program.id, late, NEW_YEAR);
    expect([next.status, next.amount]).toEqual(['approved', EACH]);

    // An officer's approval is priced the same way (reviewed programs).
    const price = (id: string, now: Date) =>
      withTransaction(ctx.database.db, async (tx) => (await priceApplication(tx, await findApplication(tx, hub.id, id), now)).amount);
    expect(await price(second.id, LATER)).toBe(CAP - EACH);
    expect(await price(next.id, NEW_YEAR)).toBe(EACH);
  });

  it('simulation and matching count now.year and the yearly cap in the hub’s year', async () => {
    const { hub, program } = await voucherHub();
    const applicant = await startup(hub);
    await awardAt(hub, program.id, applicant, JUST_AFTER_MIDNIGHT);
    const scope = { hub, actor: { userId: null, hubRoles: ['program_officer' as const] } };
    const rules = (
      await ctx.database.db.execute<{ rules: unknown }>(sql`SELECT rules FROM program_versions WHERE hub_id = ${hub.id} AND program_id = ${program.id}`)
    ).rows[0]!.rules;
    const input = simulationInputSchema.parse({ rules, assumedAnswers: { contract_amount: '100000000', chips: 'domestic' } });
    for (const now of [NEW_YEAR, LATER]) {
      const sim = await simulateProgram(ctx.database.db, scope, program.id, input, { now });
      expect([sim.draft.qualify, sim.draft.cost], now.toISOString()).toEqual([1, (CAP - EACH).toString()]);
    }
    const counts = await runMatching(ctx.database.db, scope, { programId: program.id, now: NEW_YEAR });
    expect(counts.matches).toBe(1);
  });

  it('a rent subsidy’s extension criterion reads now.year in the hub’s year', async () => {
    const hub = await createTestHub(ctx);
    const { orgId } = await startup(hub);
    const criterion = {
      key: 'in_2027',
      name: { zh: '2027 年', en: 'In 2027' },
      expression: 'now.year == 2027',
      reason: { zh: '仅限 2027 年', en: '2027 only' },
    };
    const rules = { extension: { years: [{ basisPoints: 5000 }], withinMonths: 12, criterion } } as unknown as RentRules;
    expect(await rentExtensionHolds(ctx.database.db, hub.id, rules, orgId, NEW_YEAR)).toBe(true);
  });
});
