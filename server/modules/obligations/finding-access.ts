import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { notFound } from '../../platform/errors.js';
import { applicationStanding, findApplication, type ApplicationRow, type Scope } from '../programs/index.js';
import { findingPolicy, type FindingSubject } from './obligations.policies.js';
import { obligationFindings, type FindingRow } from './obligations.tables.js';

/** A finding as the caller may see it: staff always, the awardee once it is decided; others 404. */
export type LoadedFinding = { finding: FindingRow; app: ApplicationRow; subject: FindingSubject };

export async function loadFinding(db: Db | Tx, scope: Scope, id: string, forUpdate = false): Promise<LoadedFinding> {
  const q = db
    .select()
    .from(obligationFindings)
    .where(and(eq(obligationFindings.hubId, scope.hub.id), eq(obligationFindings.id, id)));
  const [finding] = forUpdate ? await q.for('update') : await q;
  if (!finding) throw notFound();
  // A decision on one finding waits for any decision on another finding of the same award:
  // whether the award's tranches stay held depends on all of them (`decideAppeal`).
  if (forUpdate) await lockAwardFindings(db, scope.hub.id, finding.applicationId);
  const app = await findApplication(db, scope.hub.id, finding.applicationId);
  const { reads, acts } = await applicationStanding(db, app, scope.actor.userId);
  const subject = { own: reads, acts, decided: finding.status !== 'open' };
  findingPolicy.authorize(scope.actor, 'read', subject);
  return { finding, app, subject };
}

/** Serialises the decisions on one application's findings (held until the transaction ends). */
export async function lockAwardFindings(db: Db | Tx, hubId: string, applicationId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`finding-decisions:${hubId}:${applicationId}`}, 0))`);
}

/**
 * Whether the application has a finding in one of `statuses`, of one obligation (`obligationKey`)
 * or any, leaving out `exceptId` (the finding being decided).
 */
export async function hasFinding(
  tx: Db | Tx,
  hubId: string,
  applicationId: string,
  statuses: string[],
  only: { obligationKey?: string; exceptId?: string } = {},
): Promise<boolean> {
  const [row] = await tx
    .select({ id: obligationFindings.id })
    .from(obligationFindings)
    .where(
      and(
        eq(obligationFindings.hubId, hubId),
        eq(obligationFindings.applicationId, applicationId),
        inArray(obligationFindings.status, statuses),
        only.obligationKey === undefined ? undefined : eq(obligationFindings.obligationKey, only.obligationKey),
        only.exceptId === undefined ? undefined : ne(obligationFindings.id, only.exceptId),
      ),
    )
    .limit(1);
  return row !== undefined;
}
