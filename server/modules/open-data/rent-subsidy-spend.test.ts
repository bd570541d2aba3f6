import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { programDraftSchema } from '../../../contracts/applications.js';
import { rentProgramDraft, wuchangRules } from '../../../contracts/test-fixtures/rent-programs.js';
import { withTransaction } from '../../db/transaction.js';
import { financeActor, ledgerTx } from '../../test/budget-factories.js';
import { as, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { awardInPayment } from '../../test/review-factories.js';
import { operatorScope, signSubsidisedLease, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { createBudgetLine } from '../budget/budget.service.js';
import { createProgram, publishProgram } from '../programs/programs.service.js';
import { endLease } from '../spaces/leases.service.js';
import { runMonthlySubsidies } from '../spaces/monthly-subsidy.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/** Noon in Hangzhou on a local day. */
const at = (day: string) => new Date(`${day}T04:00:00Z`);
type Spend = { id: string; awards: number; awarded: string; disbursed: string };
const sum = (programs: Spend[], pick: (p: Spend) => string) => programs.reduce((s, p) => s + BigInt(pick(p)), 0n);

/**
 * A reviewed CNY 1 m grant (40% paid with the award) and a Wuchang rent subsidy on a lease
 * of 200 m² at CNY 12,000 a month: the first month paid at signing, the second by the job.
 */
async function grantAndRentSubsidy() {
  const w = await awardInPayment(ctx, []);
  const scope = { hub: w.hub, actor: financeActor };
  await withTransaction(
    ctx.database.db,
    (tx) =>
      createBudgetLine(tx, scope, 2026, { code: 'rent-subsidy', name: { zh: '租金补贴', en: 'Rent subsidy' }, amount: '100000000', transferId: randomUUID() }),
    ledgerTx,
  );
  const officer = { hub: w.hub, actor: { userId: null, hubRoles: ['program_officer' as const, 'hub_admin' as const] } };
  const rent = await withTransaction(ctx.database.db, async (tx) => {
    const p = await createProgram(tx, officer, programDraftSchema.parse(rentProgramDraft('Wuchang rent subsidy', wuchangRules)));
    await publishProgram(tx, officer, p.id);
    return p;
  });
  const park = await spacePark(ctx.database.db, w.hub, { buildings: 1, floors: 1, units: 2 });
  const [org] = await spaceOrgs(ctx.database.db, w.hub, 1);
  const [start, end] = ['2026-06-01', '2029-06-01'];
  const lease = await signSubsidisedLease(ctx.database.db, w.hub, {
    programId: rent.id,
    organizationId: org!,
    units: park.units,
    startsOn: start,
    endsOn: end,
    monthlyRent: '1200000',
  });
  await runMonthlySubsidies(ctx.database.db, w.hub, at('2026-07-01'));
  return { ...w, rent, lease };
}

describe('per-program figures with a rent subsidy paid against a lease', () => {
  it('count the lease as the rent program’s grant, its commitment as awarded and its payments as paid: the programs add up to the headline, in the API, the CSV and the dashboard', async () => {
    const w = await grantAndRentSubsidy();
    const total = 12n * 1_200_000n + 24n * 600_000n;
    expect(w.lease.subsidyTotal).toBe(total);

    const b = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/public/budget?year=2026` })).json();
    expect(b.lines.find((l: { code: string }) => l.code === 'rent-subsidy')).toMatchObject({
      disbursed: '2400000',
      committed: (total - 2_400_000n).toString(),
    });
    expect(b.programs.find((p: Spend) => p.id === w.rent.id)).toMatchObject({ awards: 1, awarded: total.toString(), disbursed: '2400000' });
    expect(b.programs.find((p: Spend) => p.id === w.program.id)).toMatchObject({ awards: 1, awarded: '100000000', disbursed: '40000000' });
    // Every commitment of the year belongs to a program: the programs' paid is the headline's paid,
    // and what they awarded is what is committed plus what is paid.
    expect(sum(b.programs, (p) => p.disbursed)).toBe(BigInt(b.disbursed));
    expect(sum(b.programs, (p) => p.awarded)).toBe(BigInt(b.committed) + BigInt(b.disbursed));

    // The CSV export: the program rows' paid column adds up to the envelope row's.
    const csv = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/public/budget/export?year=2026&format=csv` })).body;
    const rows = csv
      .trim()
      .split('\r\n')
      .map((line) => line.slice(1, -1).split('","'));
    const [envelope] = rows.filter((r) => r[1] === 'envelope');
    const programs = rows.filter((r) => r[1] === 'program');
    expect(programs.find((r) => r[3] === 'Wuchang rent subsidy')).toEqual([
      '2026',
      'program',
      'rent-subsidy',
      'Wuchang rent subsidy',
      '',
      '',
      '24000',
      '',
      '1',
      '288000',
    ]);
    expect(programs.reduce((s, r) => s + Number(r[6]), 0)).toBe(Number(envelope![6]));

    // The dashboard shows the same programs, and its award totals include the lease.
    const admin = await createTestUser(ctx, { hub: w.hub, roles: ['hub_admin'] });
    const d = (await ctx.app.inject(as(admin, { method: 'GET', url: `/api/hubs/${w.hub.slug}/dashboard?year=2026` }))).json();
    expect(d.programs).toEqual(b.programs);
    expect(d.awards).toEqual({ count: 2, amount: (100_000_000n + total).toString() });
    expect(sum(d.programs, (p) => p.disbursed)).toBe(BigInt(d.money.paid));

    // The lease ends early: the rest of its commitment goes back to the line, so the grant
    // now stands at what it paid, and the figures still add up.
    await withTransaction(
      ctx.database.db,
      (tx) => endLease(tx, operatorScope(w.hub), w.lease.id, { endsOn: '2026-08-01', reason: 'tenant_left' }, at('2026-08-01')),
      ledgerTx,
    );
    const ended = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/public/budget?year=2026` })).json();
    expect(ended.programs.find((p: Spend) => p.id === w.rent.id)).toMatchObject({ awards: 1, awarded: '2400000', disbursed: '2400000' });
    expect(sum(ended.programs, (p) => p.disbursed)).toBe(BigInt(ended.disbursed));
    expect(sum(ended.programs, (p) => p.awarded)).toBe(BigInt(ended.committed) + BigInt(ended.disbursed));
  });
});
