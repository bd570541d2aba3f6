import { and, eq, isNull, sql } from 'drizzle-orm';
import type { OrgRole } from '../../../contracts/auth.js';
import type { Locale } from '../../../contracts/error-messages.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/auth.tables.js';
import { findUserByEmail } from '../../platform/auth/users.js';
import { AppError, notFound } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { enqueueEmails } from '../../platform/mail/index.js';
import { hashLinkToken, newLinkToken } from '../../platform/tokens.js';
import { colleagueInvitationEmail } from './organization-emails.js';
import { organizationPolicy } from './organizations.policies.js';
import { memberRoleOf, type Scope } from './organizations.service.js';
import { organizationInvitations, organizationMembers, organizations } from './organizations.tables.js';

export const COLLEAGUE_INVITATION_DAYS = 7;
export type OrganizationInvitationRow = typeof organizationInvitations.$inferSelect;

async function organizationRow(db: Db | Tx, hubId: string, id: string) {
  const [row] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.hubId, hubId), eq(organizations.id, id)));
  if (!row) throw notFound();
  return row;
}

/**
 * Serialises membership changes of one organisation: taken before the caller's role is
 * read, so "the last owner" and "the caller is an owner" are judged on settled facts.
 */
async function lockMembers(tx: Tx, hubId: string, organizationId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`org-members:${hubId}:${organizationId}`}))`);
}

async function authorizeManage(tx: Tx, { hub, actor }: Scope, organizationId: string, action = 'manage_members'): Promise<void> {
  await organizationRow(tx, hub.id, organizationId);
  organizationPolicy.authorize(actor, action, { memberRole: await memberRoleOf(tx, hub.id, organizationId, actor.userId) });
}

/** How many times one inviter's hourly allowance the whole hub may send in an hour (a ceiling for the mail it sends). */
export const HUB_INVITATION_CEILING_FACTOR = 20;

/**
 * Whether the inviter may send one more colleague invitation: each inviter sends at most
 * `perHour` an hour, and the hub at most HUB_INVITATION_CEILING_FACTOR times that, so one
 * account reaches its own limit long before it could use up everyone else's.
 */
async function assertInvitationAllowance(tx: Tx, hubId: string, inviterId: string | null, perHour: number): Promise<void> {
  // One inviter's invitations are counted one at a time (they may invite for several companies at once).
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`org-invitations:${hubId}:${inviterId ?? ''}`}))`);
  const { rows } = await tx.execute<{ mine: number; hub: number }>(sql`
    SELECT count(*) FILTER (WHERE invited_by = ${inviterId})::int AS mine, count(*)::int AS hub
    FROM organization_invitations WHERE hub_id = ${hubId} AND created_at > now() - interval '1 hour'`);
  const { mine = 0, hub = 0 } = rows[0] ?? {};
  if (mine >= perHour || hub >= perHour * HUB_INVITATION_CEILING_FACTOR) throw new AppError('RATE_LIMITED');
}

/**
 * An owner invites a colleague by e-mail (a one-time link, COLLEAGUE_INVITATION_DAYS);
 * an earlier open invitation to the address is withdrawn; one inviter sends at most
 * `perHour` colleague invitations an hour (and the hub at most HUB_INVITATION_CEILING_FACTOR times that).
 */
export async function inviteColleague(
  tx: Tx,
  scope: Scope,
  organizationId: string,
  input: { email: string; role: OrgRole },
  mail: { publicUrl: string; locale: Locale; perHour: number },
): Promise<OrganizationInvitationRow> {
  const { hub, actor } = scope;
  await authorizeManage(tx, scope, organizationId);
  const org = await organizationRow(tx, hub.id, organizationId);
  const email = input.email.trim().toLowerCase();
  await assertInvitationAllowance(tx, hub.id, actor.userId, mail.perHour);
  await lockMembers(tx, hub.id, organizationId);
  const existing = await findUserByEmail(tx, email);
  if (existing && (await memberRoleOf(tx, hub.id, organizationId, existing.id))) throw new AppError('ALREADY_MEMBER', [{ path: 'email', code: 'INVALID' }]);
  await tx
    .update(organizationInvitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(organizationInvitations.hubId, hub.id),
        eq(organizationInvitations.organizationId, organizationId),
        eq(organizationInvitations.email, email),
        isNull(organizationInvitations.acceptedAt),
        isNull(organizationInvitations.revokedAt),
      ),
    );
  const { token, hash } = newLinkToken();
  const id = uuidv7();
  const [row] = await tx
    .insert(organizationInvitations)
    .values({
      hubId: hub.id,
      id,
      organizationId,
      email,
      role: input.role,
      tokenHash: hash,
      invitedBy: actor.userId,
      expiresAt: sql`now() + make_interval(days => ${COLLEAGUE_INVITATION_DAYS})`,
    })
    .returning();
  const url = `${mail.publicUrl}/invitations/organization?hub=${encodeURIComponent(hub.slug)}&token=${encodeURIComponent(token)}`;
  await enqueueEmails(tx, hub.id, [
    colleagueInvitationEmail({
      to: email,
      organization: { zh: org.nameZh, en: org.nameEn },
      role: input.role,
      url,
      days: COLLEAGUE_INVITATION_DAYS,
      locale: mail.locale,
      invitationId: id,
    }),
  ]);
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'organization.colleague_invited',
    subjectType: 'organization',
    subjectId: organizationId,
    payload: { invitationId: id, role: input.role },
  });
  return row!;
}

async function usableInvitation(db: Db | Tx, hubId: string, token: string, lock = false): Promise<OrganizationInvitationRow> {
  const query = db
    .select()
    .from(organizationInvitations)
    .where(and(eq(organizationInvitations.hubId, hubId), eq(organizationInvitations.tokenHash, hashLinkToken(token))));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  if (row.acceptedAt || row.revokedAt) throw new AppError('INVITATION_USED');
  if (row.expiresAt.getTime() <= Date.now()) throw new AppError('INVITATION_EXPIRED');
  return row;
}

/** What the link offers: the company and the role. */
export async function previewColleagueInvitation(db: Db, hubId: string, token: string) {
  const row = await usableInvitation(db, hubId, token);
  const org = await organizationRow(db, hubId, row.organizationId);
  return { row, organization: { id: org.id, name: { zh: org.nameZh, en: org.nameEn } } };
}

/**
 * The invited colleague, signed in with the invited address (a new person signs up
 * first), joins with the role offered. The link proves the address, so it counts as
 * verified.
 */
export async function acceptColleagueInvitation(tx: Tx, { hub, actor }: Scope, token: string): Promise<OrganizationInvitationRow> {
  if (!actor.userId) throw new AppError('UNAUTHENTICATED');
  const row = await usableInvitation(tx, hub.id, token, true);
  const [me] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
  if (me?.email.toLowerCase() !== row.email) throw new AppError('INVITATION_OTHER_ACCOUNT');
  await lockMembers(tx, hub.id, row.organizationId);
  const added = await tx
    .insert(organizationMembers)
    .values({ hubId: hub.id, organizationId: row.organizationId, userId: actor.userId, role: row.role })
    .onConflictDoNothing()
    .returning();
  if (!added.length) throw new AppError('ALREADY_MEMBER');
  await tx.update(users).set({ emailVerified: true }).where(eq(users.id, actor.userId));
  await tx
    .update(organizationInvitations)
    .set({ acceptedAt: sql`now()` })
    .where(and(eq(organizationInvitations.hubId, hub.id), eq(organizationInvitations.id, row.id)));
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'organization.colleague_joined',
    subjectType: 'organization',
    subjectId: row.organizationId,
    payload: { invitationId: row.id, role: row.role },
  });
  return row;
}

async function ownersOtherThan(tx: Tx, hubId: string, organizationId: string, userId: string): Promise<number> {
  const { rows } = await tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM organization_members
    WHERE hub_id = ${hubId} AND organization_id = ${organizationId} AND role = 'owner' AND user_id <> ${userId}`);
  return rows[0]?.n ?? 0;
}

/** Changes a member's role; the last owner stays an owner (LAST_OWNER). */
export async function setMemberRole(tx: Tx, scope: Scope, organizationId: string, userId: string, role: OrgRole): Promise<void> {
  const { hub, actor } = scope;
  await lockMembers(tx, hub.id, organizationId);
  await authorizeManage(tx, scope, organizationId);
  const current = await memberRoleOf(tx, hub.id, organizationId, userId);
  if (!current) throw notFound();
  if (current === role) return;
  if (current === 'owner' && (await ownersOtherThan(tx, hub.id, organizationId, userId)) === 0) throw new AppError('LAST_OWNER');
  await tx
    .update(organizationMembers)
    .set({ role })
    .where(and(eq(organizationMembers.hubId, hub.id), eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'organization.member_role_changed',
    subjectType: 'organization',
    subjectId: organizationId,
    payload: { userId, from: current, to: role },
  });
}

/** An owner hands the company to another member, staying on as one who may apply. */
export async function transferOwnership(tx: Tx, scope: Scope, organizationId: string, userId: string): Promise<void> {
  const { hub, actor } = scope;
  // The caller's ownership is judged under the member lock: an owner demoted meanwhile no longer transfers.
  await lockMembers(tx, hub.id, organizationId);
  await authorizeManage(tx, scope, organizationId, 'transfer_ownership');
  const target = await memberRoleOf(tx, hub.id, organizationId, userId);
  if (!target) throw notFound();
  if (userId === actor.userId) return;
  const where = (id: string) =>
    and(eq(organizationMembers.hubId, hub.id), eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, id));
  await tx.update(organizationMembers).set({ role: 'owner' }).where(where(userId));
  await tx.update(organizationMembers).set({ role: 'applicant' }).where(where(actor.userId!));
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'organization.ownership_transferred',
    subjectType: 'organization',
    subjectId: organizationId,
    payload: { from: actor.userId, to: userId },
  });
}

/** Removes a member (owners and hub admins; anyone may leave); never the last owner. */
export async function removeMember(tx: Tx, scope: Scope, organizationId: string, userId: string): Promise<void> {
  const { hub, actor } = scope;
  await lockMembers(tx, hub.id, organizationId);
  if (userId !== actor.userId) await authorizeManage(tx, scope, organizationId);
  const current = await memberRoleOf(tx, hub.id, organizationId, userId);
  if (!current) throw notFound();
  if (current === 'owner' && (await ownersOtherThan(tx, hub.id, organizationId, userId)) === 0) throw new AppError('LAST_OWNER');
  await tx
    .delete(organizationMembers)
    .where(and(eq(organizationMembers.hubId, hub.id), eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'organization.member_removed',
    subjectType: 'organization',
    subjectId: organizationId,
    payload: { userId, role: current },
  });
}
