import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { localToday } from '../../platform/hub-time.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { decideExtension } from './extension.service.js';
import { spaceLeases } from './spaces.tables.js';
import { leasesToSettle, payDueSubsidy, settleSubsidy } from './subsidy.service.js';

export type MonthlyCounts = { paid: bigint; settled: number; extensionsGranted: number; extensionsLapsed: number };

/**
 * What the monthly job does for one hub, at `now` (a test drives it with its own clock):
 * each lease whose end has come (the hub's day) is marked ended, a subsidised one settled
 * first (overpaid months back, the rest released), one without a subsidy as it is; for
 * every other subsidised lease a pending extension is decided (granted
 * when its criterion has come to hold within its window, extending the subsidy steps;
 * lapsed after the window) and then the months begun are paid. One transaction per lease.
 */
export async function runMonthlySubsidies(db: Db, hub: HubRow, now: Date): Promise<MonthlyCounts> {
  const today = localToday(hub.timeZone, now);
  const counts: MonthlyCounts = { paid: 0n, settled: 0, extensionsGranted: 0, extensionsLapsed: 0 };
  for (const id of await leasesToSettle(db, hub.id, today)) {
    await withTransaction(db, async (tx) => {
      const [lease] = await tx
        .select()
        .from(spaceLeases)
        .where(and(eq(spaceLeases.hubId, hub.id), eq(spaceLeases.id, id)))
        .for('update');
      if (!lease || lease.status !== 'active') return;
      if (lease.endsOn <= today) {
        await settleSubsidy(tx, { hubId: hub.id, actorId: null }, lease, lease.endsOn, false);
        await tx
          .update(spaceLeases)
          .set({ status: lease.endReason === 'moved' ? 'moved' : 'ended', endReason: lease.endReason ?? 'term_over', endedOn: lease.endedOn ?? lease.endsOn })
          .where(and(eq(spaceLeases.hubId, hub.id), eq(spaceLeases.id, id)));
        await recordAudit(tx, {
          hubId: hub.id,
          actorId: null,
          action: 'space.lease_settled',
          subjectType: 'space_lease',
          subjectId: id,
          payload: { endsOn: lease.endsOn },
        });
        counts.settled++;
        return;
      }
      const decided = await decideExtension(tx, hub, lease, today, now);
      if (decided === 'granted') counts.extensionsGranted++;
      if (decided === 'lapsed') counts.extensionsLapsed++;
      counts.paid += await payDueSubsidy(tx, hub.id, id, today);
    });
  }
  return counts;
}
