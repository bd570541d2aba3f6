import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { outboxCounts } from '../../platform/mail/index.js';
import { createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { operatePark, operatorScope, spaceOrgs, spacePark } from '../../test/space-factories.js';
import { remindExpiringHolds } from './hold-reminders.service.js';
import { createSpaceHold } from './holds.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('hold reminders and expiry', () => {
  it('a hold ending within 30 days reminds the park’s operators once, in the app and by e-mail; a hold past its end expires', async () => {
    const hub = await createTestHub(ctx);
    const operator = await createTestUser(ctx, { hub, roles: ['space_manager'] });
    const park = await spacePark(ctx.database.db, hub, { buildings: 2, floors: 1, units: 1 });
    await operatePark(ctx.database.db, hub, park.parkId, operator.id);
    const [org] = await spaceOrgs(ctx.database.db, hub, 1);
    const hold = (nodeId: string, startsOn: string, endsOn: string) =>
      withTransaction(ctx.database.db, (tx) =>
        createSpaceHold(tx, operatorScope(hub), {
          organizationId: org!,
          nodeIds: [nodeId],
          startsOn,
          endsOn,
          reason: 'Growth',
          decidedBy: 'Board',
          source: null,
        }),
      );
    const soon = await hold(park.buildings[0]!.id, '2027-01-01', '2027-06-20');
    const later = await hold(park.buildings[1]!.id, '2027-01-01', '2028-01-01');
    const now = new Date('2027-06-01T04:00:00Z'); // noon in Hangzhou, 19 days before the first ends

    expect(await remindExpiringHolds(ctx.database.db, hub, now, { publicUrl: 'http://localhost:3000' })).toEqual({ reminded: 1, expired: 0 });
    expect(await remindExpiringHolds(ctx.database.db, hub, now, { publicUrl: 'http://localhost:3000' })).toEqual({ reminded: 0, expired: 0 });
    const { rows } = await ctx.database.db.execute<{ user_id: string; subject_id: string }>(
      sql`SELECT user_id, subject_id FROM notifications WHERE hub_id = ${hub.id} AND kind = 'space_hold_expiring'`,
    );
    expect(rows).toEqual([{ user_id: operator.id, subject_id: soon.id }]);
    expect((await outboxCounts(ctx.database.db, hub.id)).queued).toBe(1);

    expect(await remindExpiringHolds(ctx.database.db, hub, new Date('2027-06-21T04:00:00Z'))).toEqual({ reminded: 0, expired: 1 });
    const { rows: status } = await ctx.database.db.execute<{ id: string; status: string }>(
      sql`SELECT id, status FROM space_holds WHERE hub_id = ${hub.id} ORDER BY ends_on`,
    );
    expect(status).toEqual([
      { id: soon.id, status: 'expired' },
      { id: later.id, status: 'active' },
    ]);
  });
});
