import { beforeAll, describe, expect, it } from 'vitest';
import { programDraftSchema } from '../../../contracts/applications.js';
import { rentProgramDraft, wuchangRules } from '../../../contracts/test-fixtures/rent-programs.js';
import { withTransaction } from '../../db/transaction.js';
import { fundedYear } from '../../test/budget-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { signSubsidisedLease, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { createProgram, publishProgram } from '../programs/programs.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

type Cause = { type: string; id: string; name: { zh: string; en: string } | null; number: string | null };
type Transfer = { reason: string; kind: string; cause: Cause | null; creditAccount: { kind: string; name: { zh: string; en: string }; cause: Cause | null } };

describe('the ledger names a rent subsidy', () => {
  it('its commitment and payments name the program, the organisation and the lease’s short reference, never a raw id', async () => {
    const hub = await createTestHub(ctx);
    await fundedYear(ctx.database.db, hub, { 'rent-subsidy': 100_000_000n });
    const officer = { hub, actor: { userId: null, hubRoles: ['program_officer' as const, 'hub_admin' as const] } };
    const program = await withTransaction(ctx.database.db, async (tx) => {
      const p = await createProgram(tx, officer, programDraftSchema.parse(rentProgramDraft('人工智能小镇租金补贴', wuchangRules)));
      await publishProgram(tx, officer, p.id);
      return p;
    });
    const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 1 });
    const [org] = await spaceOrgs(ctx.database.db, hub, 1);
    const start = '2026-06-01';
    const lease = await signSubsidisedLease(ctx.database.db, hub, {
      programId: program.id,
      organizationId: org!,
      units: park.units,
      startsOn: start,
      endsOn: '2027-06-01',
      monthlyRent: '600000',
    });
    expect(lease.ref).toBeTruthy();

    const finance = await createTestUser(ctx, { hub, roles: ['finance_officer'] });
    const res = await ctx.app.inject(as(finance, { method: 'GET', url: `/api/hubs/${hub.slug}/fiscal-years/2026/transfers` }));
    expect(res.statusCode, res.body).toBe(200);
    const rent = (res.json().items as Transfer[]).filter((t) => t.cause?.type === 'space_lease');
    // The commitment (at signing) and the first month's payment.
    expect(rent.map((t) => t.reason).sort()).toEqual(['commit', 'disburse']);
    const named: Cause = {
      type: 'space_lease',
      id: lease.id,
      name: { zh: '人工智能小镇租金补贴 · 企业1', en: '人工智能小镇租金补贴 · Company 1' },
      number: lease.ref,
    };
    for (const t of rent) {
      expect(t.cause).toEqual(named);
      expect(t.creditAccount).toMatchObject({
        kind: 'award',
        name: { zh: '资助：人工智能小镇租金补贴 · 企业1', en: 'Award: 人工智能小镇租金补贴 · Company 1' },
        cause: named,
      });
      expect(JSON.stringify(t.creditAccount.name)).not.toContain(lease.id);
    }
  });
});
