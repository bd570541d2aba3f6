import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { maxMonthlySubsidy, rentExtensionHolds, rentSubsidyProgram } from '../programs/index.js';
import { leaseYearsFrom } from './lease-years.js';
import { addMonths, leaseYearStart, monthIndexOf, monthlySchedule, subsidySteps, sumSubsidy } from './rent-schedule.js';
import { centiOf } from './space-scope.js';
import { spaceLeases } from './spaces.tables.js';
import { commitSubsidy, leaseSteps, writeSteps, type LeaseRow } from './subsidy.service.js';

export type ExtensionDecision = 'granted' | 'lapsed' | 'pending';

/**
 * Decides a lease's pending extension (Dream Town: 2 more free years when the firm raises
 * CNY 5 m within its first year) at `now`, in the caller's transaction with the lease row
 * locked. While the window is open and the criterion holds, it is granted: the steps from
 * the extension's first lease year on are split again with the extension's shares, the
 * extra subsidy is committed on the program's line as the extension's own commitment (the
 * months from then on are paid from it), and the lease's total grows by as much. Once the
 * window has passed without it, it lapses. A lease whose extension years fall after its
 * end is granted with nothing more to pay. A moved lease counts its window and years from the
 * start of the first lease it replaces, as its subsidy did when it was signed.
 */
export async function decideExtension(tx: Tx, hub: HubRow, lease: LeaseRow, today: string, now: Date): Promise<ExtensionDecision> {
  if (lease.extension !== 'pending' || !lease.programId) return 'pending';
  const program = await rentSubsidyProgram(tx, hub.id, lease.programId);
  const extension = program.rules.extension;
  // A moved lease's window and years count from the first lease of its chain (lease-years.ts).
  const yearsFrom = await leaseYearsFrom(tx, hub.id, lease);
  const window = addMonths(yearsFrom, extension?.withinMonths ?? 0);
  if (today >= window || !extension) {
    await mark(tx, lease, { extension: 'lapsed' });
    await audit(tx, lease, 'space.extension_lapsed', { window });
    return 'lapsed';
  }
  if (!(await rentExtensionHolds(tx, hub.id, program.rules, lease.organizationId, now))) return 'pending';

  const extensionStarts = leaseYearStart(lease, yearsFrom, program.rules.years.length);
  const fromMonth = monthIndexOf(lease, extensionStarts)!;
  const before = await leaseSteps(tx, hub.id, lease.id);
  const areaCenti = centiOf(lease.areaM2);
  // Steps are split at lease-year boundaries, so each lies wholly before or after the extension's start.
  const inputs = before.map((s) => ({
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    monthlyRent: s.monthlyRent.toString(),
    monthlySubsidy: s.startsOn < extensionStarts ? s.monthlySubsidy.toString() : undefined,
  }));
  const { steps, problems } = subsidySteps(
    lease,
    inputs,
    (year, rent) => maxMonthlySubsidy(program.rules, { areaCenti, staff: lease.staff, extended: true }, year, rent),
    'steps',
    yearsFrom,
  );
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  const extra = sumSubsidy(monthlySchedule(lease, steps)) - sumSubsidy(monthlySchedule(lease, before));
  const caller = { hubId: hub.id, actorId: null };
  // A line that cannot carry the extra today leaves the extension pending (tried again on the next run).
  let commitmentId: string | null = null;
  if (extra > 0n) {
    try {
      commitmentId = await tx.transaction((savepoint) => commitSubsidy(savepoint, caller, lease.id, program, extra));
    } catch (error) {
      if (error instanceof AppError && error.code === 'BUDGET_EXHAUSTED') return 'pending';
      throw error;
    }
  }
  if (extra > 0n) await writeSteps(tx, hub.id, lease.id, steps);
  await mark(tx, lease, {
    extension: 'granted',
    extensionCommitmentId: commitmentId,
    extensionFromMonth: commitmentId ? fromMonth : null,
    subsidyTotal: lease.subsidyTotal + extra,
  });
  await audit(tx, lease, 'space.extension_granted', { extra: extra.toString(), from: extensionStarts, commitment: commitmentId });
  return 'granted';
}

async function mark(tx: Tx, lease: LeaseRow, set: Partial<typeof spaceLeases.$inferInsert>): Promise<void> {
  await tx
    .update(spaceLeases)
    .set(set)
    .where(and(eq(spaceLeases.hubId, lease.hubId), eq(spaceLeases.id, lease.id)));
}

async function audit(tx: Tx, lease: LeaseRow, action: string, payload: Record<string, unknown>): Promise<void> {
  await recordAudit(tx, { hubId: lease.hubId, actorId: null, action, subjectType: 'space_lease', subjectId: lease.id, payload });
}
