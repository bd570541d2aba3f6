import { and, desc, eq } from 'drizzle-orm';
import type { UsageReport, UsageResult } from '../../../contracts/compute.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, readCursor } from '../../platform/pagination.js';
import { companyStanding, requireOrganization } from '../ecosystem/index.js';
import { authorizeCompany } from './company-access.js';
import { companyComputePolicy, usagePolicy } from './compute.policies.js';
import { computeUsage } from './compute.tables.js';
import type { Scope } from './pools.service.js';
import { checkRecords, planUsage } from './usage-plan.js';
import { loadUsageSnapshot } from './usage-snapshot.js';
import { writeUsagePlan } from './usage-write.js';

export type UsageRow = typeof computeUsage.$inferSelect;

/** Where a report came from, for its audit event. */
export type UsageSource = { via: 'api' } | { via: 'csv' | 'xlsx'; sha256: string };

/**
 * A provider reports metered usage. Every record applies once: a record id seen before
 * answers its first result; a correction is a new record naming the one it corrects,
 * and pays (or takes back) only the difference. A record must match its request: within
 * its admitted hours, no more GPU-hours than its GPUs over the period nor, with the
 * request's other records, than it was admitted for, and no dearer than the list price;
 * and it has happened: a record ending after `now` (plus `COMPUTE_LIMITS.usageClockSkewMinutes`
 * for the provider's clock) is `IN_THE_FUTURE`, as the voucher pays only for hours run. One
 * that does not match is a 409 `USAGE_MISMATCH` under its field. The whole batch is checked
 * first, so a bad record leaves nothing written. Records of requests on another provider's pools
 * are "not in this hub" to the reporter; a provider's API token (subject
 * `compute_provider`) reports for that provider only.
 *
 * Set-based whatever the batch's size: a fixed number of queries load and lock what the
 * batch touches (usage-snapshot.ts), the pure planner decides every record in order
 * (usage-plan.ts), and a fixed number of statements write it (usage-write.ts): one
 * ledger transfer per voucher and direction, one audit event with the counts.
 */
export async function reportComputeUsage(
  tx: Tx,
  scope: Scope,
  report: UsageReport,
  source: UsageSource = { via: 'api' },
  now = new Date(),
): Promise<UsageResult[]> {
  const hubId = scope.hub.id;
  await authorizeReport(tx, scope, report.providerId);
  const snapshot = await loadUsageSnapshot(tx, hubId, report.providerId, report.records);
  const problems = checkRecords(report.records, snapshot);
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  const planned = planUsage(report.records, snapshot, uuidv7, now);
  if (planned.conflicts) throw new AppError('USAGE_MISMATCH', planned.conflicts);
  if (planned.problems) throw new AppError('VALIDATION_FAILED', planned.problems);
  const { plan } = planned;
  const batchId = uuidv7();
  const caller = { hubId, actorId: scope.actor.userId };
  const transfers = await writeUsagePlan(tx, caller, { providerId: report.providerId, batchId }, plan);
  const count = (outcome: string) => plan.results.filter((r) => r.outcome === outcome).length;
  await recordAudit(tx, {
    hubId,
    actorId: scope.actor.userId,
    action: 'compute.usage_reported',
    subjectType: 'compute_usage_batch',
    subjectId: batchId,
    payload: {
      provider: report.providerId,
      ...source,
      records: report.records.length,
      applied: count('applied'),
      replayed: count('replayed'),
      refused: count('refused'),
      firstRecord: report.records[0]!.recordId,
      lastRecord: report.records.at(-1)!.recordId,
      paid: plan.rows.reduce((sum, r) => sum + r.paid, 0n).toString(),
      transfers,
    },
  });
  return plan.results;
}

/**
 * Who may report for a provider: its machine credential (only for it), its people who may
 * act for it (owners, "can apply" colleagues), the operator. Its "can view" colleagues get
 * a 403; anyone else, and a provider this hub does not have, a 404.
 */
export async function authorizeReport(tx: Tx, scope: Scope, providerId: string): Promise<void> {
  // A provider's machine credential: an API token whose subject is that provider, and only for it.
  const subject = scope.actor.token?.subject ?? null;
  if (subject && !(subject.kind === 'compute_provider' && subject.id === providerId)) throw new AppError('NOT_FOUND');
  const standing = subject ? { reads: true, acts: true } : await companyStanding(tx, scope.hub.id, providerId, scope.actor.userId);
  usagePolicy.authorize(scope.actor, 'report', { provider: standing.acts, reads: standing.reads });
  // A member's provider is this hub's; the operator (or a token, whose subject is a name) may have named any id.
  if (subject || !standing.reads) await requireOrganization(tx, scope.hub.id, providerId, 'providerId');
}

/** Usage records of a company (its members) or the hub (staff), newest first. */
export async function getComputeUsage(db: Db | Tx, scope: Scope, query: { organizationId?: string; limit: number; next?: string }): Promise<UsageRow[]> {
  if (query.organizationId) await authorizeCompany(db, scope, query.organizationId, 'read');
  else companyComputePolicy.authorize(scope.actor, 'read', { reads: false, acts: false });
  const key = readCursor(query.next, 1);
  return db
    .select()
    .from(computeUsage)
    .where(
      and(
        eq(computeUsage.hubId, scope.hub.id),
        query.organizationId ? eq(computeUsage.organizationId, query.organizationId) : undefined,
        key ? after([computeUsage.id], key, 'desc') : undefined,
      ),
    )
    .orderBy(desc(computeUsage.id))
    .limit(query.limit + 1);
}
