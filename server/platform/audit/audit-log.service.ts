import { sql } from 'drizzle-orm';
import type { AuditEvent, AuditEventsQuery, AuditVerification } from '../../../contracts/audit-log.js';
import type { CursorPage } from '../../../contracts/pagination.js';
import type { Db, Tx } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { invalid } from '../errors.js';
import { pageOf, readCursor } from '../pagination.js';
import type { Actor } from '../policies.js';
import type { HubRow } from '../tenancy/tenancy.js';
import { recordAudit, verifyAuditChain } from './audit.js';
import { auditLogPolicy } from './audit.policies.js';

type Scope = { hub: HubRow; actor: Actor };

type Row = {
  seq: string | number;
  occurred_at: Date | string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  payload: Record<string, unknown>;
};

/** The filters as SQL on one of the two event tables (live and archive have the same columns). */
function filters(query: AuditEventsQuery, before: number | null) {
  const parts = [
    before === null ? sql`` : sql`AND seq < ${before}`,
    query.from ? sql`AND occurred_at >= ${query.from}::timestamptz` : sql``,
    query.to ? sql`AND occurred_at < ${query.to}::timestamptz` : sql``,
    query.actor ? sql`AND actor_id = ${query.actor}::uuid` : sql``,
    !query.action ? sql`` : query.action.endsWith('.') ? sql`AND starts_with(action, ${query.action})` : sql`AND action = ${query.action}`,
  ];
  return sql.join(parts, sql` `);
}

const present = (r: Row): AuditEvent => ({
  seq: Number(r.seq),
  occurredAt: new Date(r.occurred_at).toISOString(),
  action: r.action,
  actor: r.actor_id ? { id: r.actor_id, name: r.actor_name } : null,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  payload: r.payload,
});

/**
 * The hub's audit log for its auditor, newest first (archived events included), paged by
 * seq. The actors' names come from the same query (one join, never a read per row). Each
 * page read is itself an `audit.read` event, recorded in the read's transaction after the
 * read (so the page does not show its own event), as every export is an `audit.exported`.
 */
export async function listAuditEvents(tx: Tx, scope: Scope, query: AuditEventsQuery): Promise<CursorPage<AuditEvent>> {
  auditLogPolicy.authorize(scope.actor, 'read', null);
  const key = readCursor(query.next, 1);
  const before = key === null ? null : Number(key[0]);
  if (before !== null && (!Number.isSafeInteger(before) || before < 1)) throw invalid('next', 'INVALID_FORMAT');
  const where = filters(query, before);
  const columns = sql`seq, occurred_at, actor_id, action, subject_type, subject_id, payload`;
  const { rows } = await tx.execute<Row>(sql`
    SELECT e.seq, e.occurred_at, e.actor_id, u.name AS actor_name, e.action, e.subject_type, e.subject_id, e.payload FROM (
      (SELECT ${columns} FROM audit_events_archive WHERE hub_id = ${scope.hub.id} ${where} ORDER BY seq DESC LIMIT ${query.limit + 1})
      UNION ALL
      (SELECT ${columns} FROM audit_events WHERE hub_id = ${scope.hub.id} ${where} ORDER BY seq DESC LIMIT ${query.limit + 1})
    ) e LEFT JOIN users u ON u.id = e.actor_id
    ORDER BY e.seq DESC LIMIT ${query.limit + 1}`);
  const page = pageOf(rows, query.limit, (r) => [Number(r.seq)], present);
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'audit.read',
    subjectType: 'audit_log',
    subjectId: scope.hub.id,
    payload: {
      from: query.from ?? null,
      to: query.to ?? null,
      action: query.action ?? null,
      actor: query.actor ?? null,
      before,
      count: page.items.length,
    },
  });
  return page;
}

/**
 * Recomputes the hub's hash chain for its auditor (`verifyAuditChain`, in batches), then
 * records the check and its result as `audit.verified`, in a transaction of its own.
 */
export async function verifyHubAuditLog(db: Db, scope: Scope): Promise<AuditVerification> {
  auditLogPolicy.authorize(scope.actor, 'read', null);
  const result = await verifyAuditChain(db, scope.hub.id);
  const answer: AuditVerification = {
    ok: result.break === null,
    // The chain runs 1, 2, 3…: every event before the first break verified.
    events: result.break ? result.break.seq - 1 : result.events,
    brokenAt: result.break ? { seq: result.break.seq, reason: result.break.reason } : null,
    checkedAt: new Date().toISOString(),
  };
  await withTransaction(db, (tx) =>
    recordAudit(tx, {
      hubId: scope.hub.id,
      actorId: scope.actor.userId,
      action: 'audit.verified',
      subjectType: 'audit_log',
      subjectId: scope.hub.id,
      payload: { ok: answer.ok, events: answer.events, brokenSeq: answer.brokenAt?.seq ?? null },
    }),
  );
  return answer;
}
