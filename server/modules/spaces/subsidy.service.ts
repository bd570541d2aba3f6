import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { AppError } from '../../platform/errors.js';
import { localToday } from '../../platform/hub-time.js';
import { uuidv7 } from '../../platform/ids.js';
import { clawBack, commit, disburse, release, type LedgerCaller } from '../budget/index.js';
import { maxMonthlySubsidy, rentExtensionHolds, rentSubsidyProgram, type RentProgram } from '../programs/index.js';
import { addMonths, monthlySchedule, subsidySteps, type LeaseRange, type RentStep, type StepInput } from './rent-schedule.js';
import type { LeaseYears } from './lease-years.js';
import { spaceLeases, spaceLeaseSteps, spaceSubsidyPayments } from './spaces.tables.js';

export type LeaseRow = typeof spaceLeases.$inferSelect;
export type Terms = LeaseRange & { steps: StepInput[]; staff: number | null; programId: string | null };
export type PlannedRent = { steps: RentStep[]; program: RentProgram | null; extension: LeaseRow['extension']; total: bigint };

/**
 * A lease's rent steps with their subsidy shares. With a rent-subsidy program: the
 * organisation must qualify, the program's formula gives each step's most (a named share
 * above it is a 400 on that step), and a Dream-Town-like extension counts when its
 * criterion already holds; otherwise it stays pending for the monthly job to decide.
 * `carried` (a moved lease: see lease-years.ts) counts the lease years from the chain's first
 * start and keeps its extension: granted stays granted, lapsed stays lapsed, and a pending one
 * is granted now only inside its window (from the chain's start), as the job would.
 */
export async function planRent(
  tx: Db | Tx,
  hubId: string,
  organizationId: string,
  terms: Terms,
  areaCenti: bigint,
  now: Date,
  carried?: LeaseYears & { today: string },
): Promise<PlannedRent> {
  let program: Awaited<ReturnType<typeof rentSubsidyProgram>> | null = null;
  let extended = false;
  if (terms.programId) {
    program = await rentSubsidyProgram(tx, hubId, terms.programId);
    if (!(await program.eligible(organizationId, now))) throw new AppError('NOT_ELIGIBLE', [{ path: 'programId', code: 'INVALID' }]);
    const window = program.rules.extension && carried ? addMonths(carried.from, program.rules.extension.withinMonths) : null;
    if (carried?.extension === 'granted') extended = true;
    else if (carried?.extension !== 'lapsed' && (window === null || carried!.today < window))
      extended = await rentExtensionHolds(tx, hubId, program.rules, organizationId, now);
  }
  const rules = program?.rules;
  const { steps, problems } = subsidySteps(
    terms,
    terms.steps,
    (year, rent) => (rules ? maxMonthlySubsidy(rules, { areaCenti, staff: terms.staff, extended }, year, rent) : 0n),
    'steps',
    carried?.from ?? terms.startsOn,
  );
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  const total = monthlySchedule(terms, steps).reduce((a, m) => a + m.subsidy, 0n);
  const extension = !rules?.extension ? 'none' : extended ? 'granted' : carried?.extension === 'lapsed' ? 'lapsed' : 'pending';
  return { steps, program, extension, total };
}

/** Commits the whole subsidy on the program's budget line (pending until each month is paid). */
export async function commitSubsidy(tx: Tx, caller: LedgerCaller, leaseId: string, program: RentProgram, amount: bigint): Promise<string | null> {
  if (amount === 0n) return null;
  const transferId = uuidv7();
  await commit(tx, caller, { transferId, year: program.fiscalYear, lineCode: program.budgetLine, amount, cause: { type: 'space_lease', id: leaseId } });
  return transferId;
}

export async function leaseSteps(db: Db | Tx, hubId: string, leaseId: string): Promise<RentStep[]> {
  const rows = await db
    .select()
    .from(spaceLeaseSteps)
    .where(and(eq(spaceLeaseSteps.hubId, hubId), eq(spaceLeaseSteps.leaseId, leaseId)))
    .orderBy(asc(spaceLeaseSteps.seq));
  return rows.map((r) => ({ startsOn: r.startsOn, endsOn: r.endsOn, monthlyRent: r.monthlyRent, monthlySubsidy: r.monthlySubsidy }));
}

export async function writeSteps(tx: Tx, hubId: string, leaseId: string, steps: readonly RentStep[]): Promise<void> {
  await tx.delete(spaceLeaseSteps).where(and(eq(spaceLeaseSteps.hubId, hubId), eq(spaceLeaseSteps.leaseId, leaseId)));
  await tx.insert(spaceLeaseSteps).values(steps.map((s, seq) => ({ hubId, leaseId, seq, ...s })));
}

/** What has been paid, month by month. */
export async function paidMonths(db: Db | Tx, hubId: string, leaseId: string): Promise<Map<number, bigint>> {
  const rows = await db
    .select({ month: spaceSubsidyPayments.month, amount: spaceSubsidyPayments.amount })
    .from(spaceSubsidyPayments)
    .where(and(eq(spaceSubsidyPayments.hubId, hubId), eq(spaceSubsidyPayments.leaseId, leaseId)));
  return new Map(rows.map((r) => [r.month, r.amount]));
}

/**
 * The commitment a month of a lease is paid from: the extension's own (granted after
 * signing) for the months from its first on, the lease's otherwise; null when none.
 */
export function commitmentFor(lease: LeaseRow, month: number): string | null {
  if (lease.extensionCommitmentId && lease.extensionFromMonth !== null && month >= lease.extensionFromMonth) return lease.extensionCommitmentId;
  return lease.commitmentId;
}

/**
 * Pays every month of a subsidised lease that has begun by `today` and is not paid yet:
 * a payment row per month (its primary key makes it once) and a disbursement from the
 * lease's commitment with the row's transfer id, in one transaction. The lease row is
 * locked first, so a job and a request paying the same lease queue.
 */
export async function payDueSubsidy(tx: Tx, hubId: string, leaseId: string, today: string, actorId: string | null = null): Promise<bigint> {
  const [lease] = await tx
    .select()
    .from(spaceLeases)
    .where(and(eq(spaceLeases.hubId, hubId), eq(spaceLeases.id, leaseId)))
    .for('update');
  if (!lease || (!lease.commitmentId && !lease.extensionCommitmentId) || lease.status !== 'active') return 0n;
  const due = monthlySchedule(lease, await leaseSteps(tx, hubId, leaseId)).filter((m) => m.startsOn <= today && m.subsidy > 0n);
  const paid = await paidMonths(tx, hubId, leaseId);
  let total = 0n;
  for (const m of due) {
    const commitmentId = commitmentFor(lease, m.month);
    if (paid.has(m.month) || !commitmentId) continue;
    const transferId = uuidv7();
    await tx.insert(spaceSubsidyPayments).values({ hubId, leaseId, month: m.month, dueOn: m.startsOn, amount: m.subsidy, transferId });
    await disburse(tx, { hubId, actorId }, { transferId, commitmentId, amount: m.subsidy });
    total += m.subsidy;
  }
  return total;
}

/**
 * Settles a lease's subsidy when it ends at `endsOn`: months paid beyond what the shorter
 * lease is owed come back (all of it when a condition was broken), and what is left of
 * the commitment goes back to the line.
 */
export async function settleSubsidy(tx: Tx, caller: LedgerCaller, lease: LeaseRow, endsOn: string, brokenCondition: boolean): Promise<void> {
  const commitmentIds = [lease.commitmentId, lease.extensionCommitmentId].filter((c): c is string => c !== null);
  if (commitmentIds.length === 0) return;
  const owed = new Map(monthlySchedule({ startsOn: lease.startsOn, endsOn }, await leaseSteps(tx, lease.hubId, lease.id)).map((m) => [m.month, m.subsidy]));
  const paid = await paidMonths(tx, lease.hubId, lease.id);
  const back = new Map<string, bigint>();
  for (const [month, amount] of paid) {
    const keep = brokenCondition ? 0n : (owed.get(month) ?? 0n);
    const from = commitmentFor(lease, month);
    if (amount > keep && from) back.set(from, (back.get(from) ?? 0n) + amount - keep);
  }
  // Months owed but not yet paid (the job had not come round) are paid before the rest goes back.
  for (const [month, amount] of brokenCondition ? [] : owed) {
    const commitmentId = commitmentFor(lease, month);
    if (paid.has(month) || amount === 0n || !commitmentId) continue;
    const transferId = uuidv7();
    const dueOn = addMonths(lease.startsOn, month);
    await tx.insert(spaceSubsidyPayments).values({ hubId: lease.hubId, leaseId: lease.id, month, dueOn, amount, transferId });
    await disburse(tx, caller, { transferId, commitmentId, amount });
  }
  for (const commitmentId of commitmentIds) {
    const amount = back.get(commitmentId) ?? 0n;
    if (amount > 0n) await clawBack(tx, caller, { transferId: uuidv7(), commitmentId, amount });
    await release(tx, caller, { transferId: uuidv7(), commitmentId });
  }
}

/**
 * Active leases of a hub the daily job has something to do for: subsidised ones (a month to
 * pay or an extension to decide) and every one whose end has come by `today` (the hub's
 * day), subsidised or not, to be marked ended.
 */
export async function leasesToSettle(db: Db, hubId: string, today: string): Promise<string[]> {
  const { rows } = await db.execute<{ id: string }>(sql`
    SELECT id FROM space_leases WHERE hub_id = ${hubId} AND status = 'active'
      AND (commitment_id IS NOT NULL OR extension_commitment_id IS NOT NULL OR extension = 'pending' OR ends_on <= ${today}::date) ORDER BY id`);
  return rows.map((r) => r.id);
}

export const hubDay = (timeZone: string, now: Date) => localToday(timeZone, now);
