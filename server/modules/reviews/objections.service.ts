import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Objection, ObjectionInput, objectionListQuerySchema } from '../../../contracts/notices.js';
import { EVIDENCE_MAX_BYTES } from '../../../contracts/notices.js';
import type { Db, Tx } from '../../db/connection.js';
import { sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { FieldCrypto } from '../../platform/crypto/fields.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { sniffMediaType } from '../../platform/files/media-type.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { publicOrganizations } from '../ecosystem/index.js';
import { applicationIdByNumber, findApplication, noticedAwards, type Scope } from '../programs/index.js';
import { noticeObjections, publicNotices } from './notices.tables.js';
import { undoNoticedAward } from './notices.service.js';
import { reviewPolicy } from './reviews.policies.js';
import { fire } from './transitions.js';
import { localToday } from '../../platform/hub-time.js';

/** Objections one client address may lodge in a hub per day, and one award may receive per day. */
export const OBJECTIONS_PER_ADDRESS_PER_DAY = 5;
export const OBJECTIONS_PER_AWARD_PER_DAY = 200;

export const objectionReference = (id: string) => `OBJ-${id.replace(/-/g, '').slice(-8).toUpperCase()}`;

/**
 * lodgeObjection: anyone (signed out too) objects to an award while its notice runs.
 * Abuse limits, in the database so every server shares them: one open objection per
 * address and award, a few per address per day in the hub, and a ceiling per award per
 * day; counted under a per-address advisory lock, so concurrent lodging cannot slip past.
 * The answer is a reference only: nothing about other objections.
 */
export async function lodgeObjection(
  tx: Tx,
  { hub, crypto, address, now = new Date() }: { hub: Scope['hub']; crypto: FieldCrypto; address: string; now?: Date },
  number: string,
  input: ObjectionInput,
): Promise<{ reference: string; status: 'received' }> {
  const applicationId = await applicationIdByNumber(tx, hub.id, number);
  if (!applicationId) throw notFound();
  const [notice] = await tx
    .select()
    .from(publicNotices)
    .where(and(eq(publicNotices.hubId, hub.id), eq(publicNotices.applicationId, applicationId), eq(publicNotices.status, 'open')));
  if (!notice) throw notFound();
  if (notice.endsOn < localToday(hub.timeZone, now)) throw new AppError('NOTICE_ENDED');
  const evidence = input.evidence ? Buffer.from(input.evidence.content, 'base64') : null;
  if (evidence && evidence.length === 0) throw invalid('evidence.content', 'REQUIRED');
  if (evidence && evidence.length > EVIDENCE_MAX_BYTES) throw invalid('evidence.content', 'TOO_BIG');

  const digest = crypto.digest(`objection:${hub.id}:${address}`);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`objection:${hub.id}:${digest}`}, 0))`);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`objection:${hub.id}:${notice.id}`}, 0))`);
  const since = new Date(now.getTime() - 86_400_000);
  const [counts] = await tx
    .select({
      byAddress: sql<number>`count(*) FILTER (WHERE ${noticeObjections.addressDigest} = ${digest})::int`,
      byAward: sql<number>`count(*) FILTER (WHERE ${noticeObjections.noticeId} = ${notice.id})::int`,
    })
    .from(noticeObjections)
    .where(and(eq(noticeObjections.hubId, hub.id), gt(noticeObjections.createdAt, since)));
  if (counts!.byAddress >= OBJECTIONS_PER_ADDRESS_PER_DAY || counts!.byAward >= OBJECTIONS_PER_AWARD_PER_DAY) throw new AppError('RATE_LIMITED');

  const id = uuidv7();
  try {
    await tx.insert(noticeObjections).values({
      hubId: hub.id,
      id,
      noticeId: notice.id,
      applicationId,
      contactSealed: crypto.encrypt(input.contact),
      reason: input.reason,
      addressDigest: digest,
      evidenceName: input.evidence?.name ?? null,
      evidenceType: evidence ? sniffMediaType(evidence, undefined) : null,
      evidence,
      createdAt: now,
    });
  } catch (error) {
    // This address has an objection to this award still open: the same answer as a flood.
    if (sqlState(error) === '23505') throw new AppError('RATE_LIMITED');
    throw error;
  }
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: null,
    action: 'notice.objection_lodged',
    subjectType: 'application',
    subjectId: applicationId,
    payload: { objectionId: id },
  });
  return { reference: objectionReference(id), status: 'received' };
}

/**
 * resolveObjection: an officer upholds (the award is undone and the application goes
 * back to review) or dismisses (the reason is published on the board). The row moves
 * from open with one conditional UPDATE, so of two officers resolving at once one wins
 * and the other gets 409 OBJECTION_RESOLVED.
 */
export async function resolveObjection(
  tx: Tx,
  scope: OfficerScope,
  objectionId: string,
  input: { outcome: 'upheld' | 'dismissed'; reason: string },
): Promise<Objection> {
  reviewPolicy.authorize(scope.actor, 'decide', { own: false, assigned: false });
  const [moved] = await tx
    .update(noticeObjections)
    .set({ status: input.outcome, resolution: input.reason, resolvedBy: scope.actor.userId, resolvedAt: new Date() })
    .where(and(eq(noticeObjections.hubId, scope.hub.id), eq(noticeObjections.id, objectionId), eq(noticeObjections.status, 'open')))
    .returning();
  if (!moved) {
    await findObjection(tx, scope.hub.id, objectionId);
    throw new AppError('OBJECTION_RESOLVED');
  }
  if (input.outcome === 'upheld') {
    const app = await findApplication(tx, scope.hub.id, moved.applicationId);
    // A reviewed award goes back to review; a rule-only one (approved at once) has none to go back to: it is rejected.
    const reopened = await fire(tx, scope, app, app.status === 'approved' ? 'revoke' : 'reopen', 'officer', input.reason, { commitmentId: null });
    await undoNoticedAward(tx, scope, { ...reopened, commitmentId: app.commitmentId }, moved.noticeId, input.reason);
  }
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: `notice.objection_${input.outcome}`,
    subjectType: 'application',
    subjectId: moved.applicationId,
    payload: { objectionId },
  });
  return (await presentObjections(tx, scope, [moved]))[0]!;
}

async function findObjection(db: Db | Tx, hubId: string, id: string) {
  const [row] = await db
    .select()
    .from(noticeObjections)
    .where(and(eq(noticeObjections.hubId, hubId), eq(noticeObjections.id, id)));
  if (!row) throw notFound();
  return row;
}

/** listObjections: the hub's objections for its officers, newest first, cursor paged. */
export async function listObjections(db: Db | Tx, scope: OfficerScope, query: z.output<typeof objectionListQuerySchema>) {
  reviewPolicy.authorize(scope.actor, 'decide', { own: false, assigned: false });
  const key = readCursor(query.next, 1);
  const rows = await db
    .select()
    .from(noticeObjections)
    .where(
      and(
        eq(noticeObjections.hubId, scope.hub.id),
        query.status ? eq(noticeObjections.status, query.status) : undefined,
        key ? after([noticeObjections.id], key, 'desc') : undefined,
      ),
    )
    .orderBy(desc(noticeObjections.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.id]);
  return { items: await presentObjections(db, scope, page.items), next: page.next };
}

/** The evidence file of an objection, for the hub's officers. */
export async function objectionEvidence(db: Db | Tx, scope: Scope, id: string) {
  reviewPolicy.authorize(scope.actor, 'decide', { own: false, assigned: false });
  const row = await findObjection(db, scope.hub.id, id);
  if (!row.evidence) throw notFound();
  return { name: row.evidenceName ?? 'evidence', mediaType: row.evidenceType ?? 'application/octet-stream', content: row.evidence };
}

type ObjectionRow = typeof noticeObjections.$inferSelect;
/** Officers read the objector's contact: the scope carries the field crypto to open it. */
export type OfficerScope = Scope & { crypto: FieldCrypto };

async function presentObjections(db: Db | Tx, scope: OfficerScope, rows: ObjectionRow[]): Promise<Objection[]> {
  const awards = await noticedAwards(db, scope.hub.id, [...new Set(rows.map((r) => r.applicationId))]);
  const orgs = await publicOrganizations(db, scope.hub.id, [...new Set([...awards.values()].flatMap((a) => (a.organizationId ? [a.organizationId] : [])))]);
  const notices = new Map<string, string>();
  for (const r of rows) {
    if (notices.has(r.noticeId)) continue;
    const [n] = await db
      .select({ endsOn: publicNotices.endsOn })
      .from(publicNotices)
      .where(and(eq(publicNotices.hubId, scope.hub.id), eq(publicNotices.id, r.noticeId)));
    notices.set(r.noticeId, n?.endsOn ?? '');
  }
  return rows.map((r) => {
    const award = awards.get(r.applicationId)!;
    const org = award.organizationId ? orgs.get(award.organizationId) : undefined;
    return {
      id: r.id,
      reference: objectionReference(r.id),
      number: award.number,
      program: { zh: award.program.zh, en: award.program.en },
      recipient: org ? { zh: org.zh, en: org.en } : null,
      amount: award.amount.toString(),
      endsOn: notices.get(r.noticeId)!,
      contact: scope.crypto.decrypt(r.contactSealed),
      reason: r.reason,
      evidence: r.evidence ? { name: r.evidenceName ?? 'evidence', mediaType: r.evidenceType ?? 'application/octet-stream' } : null,
      status: r.status as Objection['status'],
      resolution: r.resolution,
      createdAt: r.createdAt.toISOString(),
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
    };
  });
}
