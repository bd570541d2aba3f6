import { and, eq, ne } from 'drizzle-orm';
import { SPACE_LIMITS, withinYears, type RenewLeaseInput } from '../../../contracts/spaces.js';
import type { Tx } from '../../db/connection.js';
import { constraintName, sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { claimedNodeIds } from './claims.js';
import { createLease, leaseFor, type LeaseRow } from './leases.service.js';
import type { Scope } from './space-scope.js';
import { spaceLeases } from './spaces.tables.js';

/**
 * Renews a lease: a new term for the same organisation and the same space, from the day
 * the lease ends to `endsOn`, with its own rent steps and its own subsidy (its program's
 * lease years count from the new term's start; the program's criteria decide whether the
 * company still qualifies). The new term is a lease of its own (`renewsId`), taken under
 * the same exclusion constraint as any other, so it races holds and leases of others on
 * those days safely: whoever commits first wins, the other gets SPACE_NOT_AVAILABLE.
 * The old lease row is locked first, so two renewals of one lease queue and the second
 * finds the first (LEASE_RENEWED); a unique key on `renews_id` says the same in the database.
 */
export async function renewLease(tx: Tx, scope: Scope, id: string, input: RenewLeaseInput, now = new Date()): Promise<LeaseRow> {
  const old = await leaseFor(tx, scope, id, 'run', true);
  if (old.status !== 'active' || old.endedOn) throw new AppError('LEASE_NOT_ACTIVE');
  if (input.endsOn <= old.endsOn)
    throw new AppError('VALIDATION_FAILED', [{ path: 'endsOn', code: 'ENDS_BEFORE_START', detail: `the new term starts ${old.endsOn}` }]);
  // A new term is a lease of its own: at most as long as any (the contract's limit for a lease's days).
  if (!withinYears(old.endsOn, input.endsOn, SPACE_LIMITS.leaseYearsMax))
    throw new AppError('VALIDATION_FAILED', [{ path: 'endsOn', code: 'TOO_BIG', detail: `at most ${SPACE_LIMITS.leaseYearsMax} years after ${old.endsOn}` }]);
  const [renewed] = await tx
    .select({ id: spaceLeases.id })
    .from(spaceLeases)
    .where(and(eq(spaceLeases.hubId, scope.hub.id), eq(spaceLeases.renewsId, id), ne(spaceLeases.status, 'ended')));
  if (renewed) throw new AppError('LEASE_RENEWED');
  const still = new Set(await claimedNodeIds(tx, scope.hub.id, id));
  const nodeIds = old.nodeIds.filter((n) => still.has(n));
  if (nodeIds.length === 0) throw new AppError('LEASE_NOT_ACTIVE');
  const lease = await createLease(
    tx,
    scope,
    {
      organizationId: old.organizationId,
      nodeIds,
      startsOn: old.endsOn,
      endsOn: input.endsOn,
      steps: input.steps,
      noticeDays: input.noticeDays ?? old.noticeDays,
      staff: input.staff === undefined ? old.staff : input.staff,
      programId: input.programId === undefined ? old.programId : input.programId,
    },
    now,
    { renewsId: id },
  ).catch((error: unknown) => {
    if (sqlState(error) === '23505' && constraintName(error)?.startsWith('space_leases_renews_idx')) throw new AppError('LEASE_RENEWED');
    throw error;
  });
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'space.lease_renewed',
    subjectType: 'space_lease',
    subjectId: id,
    payload: { renewal: lease.id, startsOn: old.endsOn, endsOn: input.endsOn, program: lease.programId },
  });
  return lease;
}
