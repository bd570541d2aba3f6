import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { HubRole } from '../../../contracts/auth.js';
import type { Locale } from '../../../contracts/error-messages.js';
import type { CursorPage, CursorQuery } from '../../../contracts/pagination.js';
import type { Db, Tx } from '../../db/connection.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { findUserByEmail, findUsers } from '../../platform/auth/users.js';
import { users } from '../../platform/auth/auth.tables.js';
import { AppError, notFound } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { enqueueEmails } from '../../platform/mail/index.js';
import type { Actor } from '../../platform/policies.js';
import { hashLinkToken, newLinkToken } from '../../platform/tokens.js';
import { assertSeparateDuties } from '../../platform/tenancy/separation-of-duties.js';
import { loadActor, type HubRow } from '../../platform/tenancy/tenancy.js';
import { forgetSessions } from '../../platform/auth/session-actors.js';
import { hubRoleGrants } from '../../platform/tenancy/tenancy.tables.js';
import { hubInvitations } from './hubs.tables.js';
import { staffPolicy } from './hubs.policies.js';
import { staffInvitationEmail } from './invitation-emails.js';
import { lockStaff } from './staff.service.js';

export const INVITATION_DAYS = 7;

type Scope = { hub: HubRow; actor: Actor };
export type InvitationRow = typeof hubInvitations.$inferSelect;
/**
 * How the link goes out: by the hub's outbox always; `onLink` also hands it to whoever invites
 * from the command line, where no e-mail may go out (a deployment without SMTP_URL).
 */
type Mail = { publicUrl: string; locale: Locale; perHour: number; onLink?: (url: string) => void };

/**
 * Invites an address to the hub's staff with these roles: a one-time link by e-mail,
 * valid INVITATION_DAYS. An earlier open invitation to the same address is withdrawn.
 * Someone already holding every role is refused (ALREADY_HOLDS_ROLE); a hub sends at
 * most `perHour` invitations an hour (RATE_LIMITED).
 */
export async function inviteStaff(tx: Tx, { hub, actor }: Scope, input: { email: string; roles: HubRole[] }, mail: Mail): Promise<InvitationRow> {
  staffPolicy.authorize(actor, 'invite', null);
  if (!actor.hubRoles.some((r) => r === 'hub_admin' || r === 'security_admin') && !(input.roles.length === 1 && input.roles[0] === 'hub_admin')) {
    // The operator appoints admins; the admins (system or security) appoint everyone else.
    throw new AppError('FORBIDDEN');
  }
  const email = input.email.trim().toLowerCase();
  const roles = [...new Set(input.roles)].sort();
  assertSeparateDuties([], roles, 'roles');
  await lockStaff(tx, hub.id);
  const [sent] = await tx
    .select({ n: count() })
    .from(hubInvitations)
    .where(and(eq(hubInvitations.hubId, hub.id), gt(hubInvitations.createdAt, sql`now() - interval '1 hour'`)));
  if ((sent?.n ?? 0) >= mail.perHour) throw new AppError('RATE_LIMITED');
  const existing = await findUserByEmail(tx, email);
  if (existing) {
    const held = (await loadActor(tx, hub.id, existing.id)).hubRoles;
    if (roles.every((r) => held.includes(r))) throw new AppError('ALREADY_HOLDS_ROLE', [{ path: 'roles', code: 'INVALID' }]);
    assertSeparateDuties(held, roles, 'roles');
  }
  await tx
    .update(hubInvitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(hubInvitations.hubId, hub.id), eq(hubInvitations.email, email), isNull(hubInvitations.acceptedAt), isNull(hubInvitations.revokedAt)));
  const { token, hash } = newLinkToken();
  const id = uuidv7();
  const [row] = await tx
    .insert(hubInvitations)
    .values({ hubId: hub.id, id, email, roles, tokenHash: hash, invitedBy: actor.userId, expiresAt: sql`now() + make_interval(days => ${INVITATION_DAYS})` })
    .returning();
  const url = `${mail.publicUrl}/invitations/staff?hub=${encodeURIComponent(hub.slug)}&token=${encodeURIComponent(token)}`;
  mail.onLink?.(url);
  const inviter = actor.userId ? (await findUsers(tx, [actor.userId])).get(actor.userId) : undefined;
  await enqueueEmails(tx, hub.id, [
    staffInvitationEmail({
      to: email,
      hubName: { zh: hub.nameZh, en: hub.nameEn },
      roles: roles as HubRole[],
      url,
      days: INVITATION_DAYS,
      locale: mail.locale,
      invitationId: id,
      invitedBy: inviter?.name ?? null,
    }),
  ]);
  await recordAudit(tx, { hubId: hub.id, actorId: actor.userId, action: 'staff.invited', subjectType: 'invitation', subjectId: id, payload: { roles } });
  return row!;
}

/** The open invitation a link names, or why it cannot be used. */
async function usableInvitation(db: Db | Tx, hub: HubRow, token: string, lock = false): Promise<InvitationRow> {
  const query = db
    .select()
    .from(hubInvitations)
    .where(and(eq(hubInvitations.hubId, hub.id), eq(hubInvitations.tokenHash, hashLinkToken(token))));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  if (row.acceptedAt || row.revokedAt) throw new AppError('INVITATION_USED');
  if (row.expiresAt.getTime() <= Date.now()) throw new AppError('INVITATION_EXPIRED');
  return row;
}

/** What the link's holder sees before accepting: the hub, the roles, and whether to choose a password. */
export async function previewInvitation(db: Db, hub: HubRow, token: string): Promise<{ row: InvitationRow; needsAccount: boolean }> {
  const row = await usableInvitation(db, hub, token);
  return { row, needsAccount: !(await findUserByEmail(db, row.email)) };
}

/**
 * Accepts an invitation once, for the account of the invited address, which must be the
 * one signed in (the route makes the account first when there was none; the link proves
 * the address, so it counts as verified). A concurrent second accept waits on the row
 * lock and then finds the link used.
 */
export async function acceptInvitation(tx: Tx, hub: HubRow, token: string, callerId: string | null): Promise<{ userId: string; roles: HubRole[] }> {
  const row = await usableInvitation(tx, hub, token, true);
  const existing = await findUserByEmail(tx, row.email);
  if (!existing && !callerId) throw new AppError('VALIDATION_FAILED', [{ path: 'password', code: 'REQUIRED' }]);
  if (!existing || (callerId && callerId !== existing.id)) throw new AppError('INVITATION_OTHER_ACCOUNT');
  if (!callerId) throw new AppError('UNAUTHENTICATED');
  const userId = existing.id;
  await tx.update(users).set({ emailVerified: true }).where(eq(users.id, userId));
  const roles = row.roles as HubRole[];
  await lockStaff(tx, hub.id);
  assertSeparateDuties((await loadActor(tx, hub.id, userId)).hubRoles, roles, 'token');
  await tx
    .insert(hubRoleGrants)
    .values(roles.map((role) => ({ hubId: hub.id, userId, role })))
    .onConflictDoNothing();
  forgetSessions();
  await tx
    .update(hubInvitations)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId })
    .where(and(eq(hubInvitations.hubId, hub.id), eq(hubInvitations.id, row.id)));
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: userId,
    action: 'staff.invitation_accepted',
    subjectType: 'invitation',
    subjectId: row.id,
    payload: { roles, userId },
  });
  return { userId, roles };
}

/** Open invitations of the hub, newest first (UUIDv7 ids sort by creation). */
export async function listInvitations(db: Db | Tx, { hub, actor }: Scope, query: CursorQuery): Promise<CursorPage<InvitationRow>> {
  staffPolicy.authorize(actor, 'read', null);
  const key = readCursor(query.next, 1);
  const rows = await db
    .select()
    .from(hubInvitations)
    .where(
      and(
        eq(hubInvitations.hubId, hub.id),
        isNull(hubInvitations.acceptedAt),
        isNull(hubInvitations.revokedAt),
        gt(hubInvitations.expiresAt, sql`now()`),
        key ? after([hubInvitations.id], key, 'desc') : undefined,
      ),
    )
    .orderBy(desc(hubInvitations.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (r) => [r.id]);
}

/** Withdraws an open invitation: its link stops working. */
export async function revokeInvitation(tx: Tx, { hub, actor }: Scope, id: string): Promise<void> {
  staffPolicy.authorize(actor, 'manage', null);
  const done = await tx
    .update(hubInvitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(hubInvitations.hubId, hub.id), eq(hubInvitations.id, id), isNull(hubInvitations.acceptedAt), isNull(hubInvitations.revokedAt)))
    .returning({ id: hubInvitations.id });
  if (!done.length) throw notFound();
  await recordAudit(tx, { hubId: hub.id, actorId: actor.userId, action: 'staff.invitation_revoked', subjectType: 'invitation', subjectId: id });
}
