import { and, asc, eq, inArray, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { matchListQuerySchema, ProgramMatch } from '../../../contracts/matches.js';
import type { CursorPage } from '../../../contracts/pagination.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/auth.tables.js';
import { AppError } from '../../platform/errors.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { enqueueEmails } from '../../platform/mail/index.js';
import { notify } from '../../platform/notifications/index.js';
import { applicantIdsOfUser, applicantNames, usersOfApplicants, type ApplicantName } from '../ecosystem/index.js';
import { invitationEmail, type InvitationProgram } from './invitation-email.js';
import { labelsOf, matchReasons } from './matching.js';
import { matchPolicy } from './matches.policies.js';
import { programMatches } from './matches.tables.js';
import { getProgram, loadProgram, type Scope } from './programs.service.js';
import { applications, programs, programVersions } from './programs.tables.js';
import type { ProgramRules } from '../../../contracts/programs.js';
import { localToday } from '../../platform/hub-time.js';

type Query = z.output<typeof matchListQuerySchema>;

/** Not applied yet (a refused application does not count: the applicant may try again). */
const notApplied = (db: Db | Tx) =>
  notExists(
    db
      .select({ one: sql`1` })
      .from(applications)
      .where(
        and(
          eq(applications.hubId, programMatches.hubId),
          eq(applications.programId, programMatches.programId),
          ne(applications.status, 'refused'),
          or(eq(applications.organizationId, programMatches.applicantId), eq(applications.personId, programMatches.applicantId)),
        ),
      ),
  );

/**
 * Applicants: "programs you qualify for", the matches of their organisations and their own
 * person record that they have not applied to. Staff with `program`: who qualifies for it
 * and has not applied (people by name too: staff may see them). Only open programs.
 */
export async function listMatches(db: Db | Tx, scope: Scope, query: Query): Promise<CursorPage<ProgramMatch>> {
  const { hub, actor } = scope;
  const today = localToday(hub.timeZone);
  const base = [
    eq(programMatches.hubId, hub.id),
    eq(programs.status, 'published'),
    sql`${programs.opensOn} <= ${today}`,
    sql`${programs.closesOn} >= ${today}`,
    notApplied(db),
  ];
  // A program named in the filter is one the caller may read, else 404 (not an empty list).
  if (query.program) await getProgram(db, scope, query.program);
  let who: SQL | undefined;
  if (query.program && matchPolicy.can(actor, 'read', { own: false })) {
    who = eq(programMatches.programId, query.program);
  } else {
    matchPolicy.authorize(actor, 'read', { own: true });
    const mine = await applicantIdsOfUser(db, hub.id, actor.userId!);
    const orgs = mine.organizationIds.length
      ? and(eq(programMatches.applicantType, 'organization'), inArray(programMatches.applicantId, mine.organizationIds))
      : undefined;
    const self = mine.personId ? and(eq(programMatches.applicantType, 'person'), eq(programMatches.applicantId, mine.personId)) : undefined;
    if (!orgs && !self) return { items: [], next: null };
    who = and(or(orgs, self), query.program ? eq(programMatches.programId, query.program) : undefined);
  }
  const where = and(...base, who);
  const joined = and(eq(programs.hubId, programMatches.hubId), eq(programs.id, programMatches.programId));
  const key = readCursor(query.next, 4);
  const order = [programs.closesOn, programs.nameEn, programMatches.programId, programMatches.applicantId];
  const fetched = await db
    .select({ match: programMatches, nameZh: programs.nameZh, nameEn: programs.nameEn, kind: programs.kind, closesOn: programs.closesOn })
    .from(programMatches)
    .innerJoin(programs, joined)
    .where(and(where, key ? after(order, key) : undefined))
    .orderBy(...order.map((c) => asc(c)))
    .limit(query.limit + 1);
  const { items: rows, next } = pageOf(fetched, query.limit, (r) => [r.closesOn, r.nameEn, r.match.programId, r.match.applicantId]);
  const names = {
    organization: await applicantNames(
      db,
      hub.id,
      'organization',
      rows.filter((r) => r.match.applicantType === 'organization').map((r) => r.match.applicantId),
    ),
    person: await applicantNames(
      db,
      hub.id,
      'person',
      rows.filter((r) => r.match.applicantType === 'person').map((r) => r.match.applicantId),
    ),
  };
  const rules = await rulesOf(
    db,
    hub.id,
    rows.map((r) => r.match),
  );
  const items = rows.map(({ match: m, ...p }): ProgramMatch => {
    const type = m.applicantType as 'organization' | 'person';
    const version = rules.get(`${m.programId}:${m.programVersion}`);
    const reasons = version ? matchReasons(version) : { passed: [], atApplication: [] };
    const name: ApplicantName | null = names[type].get(m.applicantId) ?? null;
    return {
      program: { id: m.programId, name: { zh: p.nameZh, en: p.nameEn }, kind: p.kind, closesOn: p.closesOn, version: m.programVersion },
      applicant: { type, id: m.applicantId, name },
      reasons: labelsOf(reasons.passed, version),
      atApplication: labelsOf(reasons.atApplication, version),
      matchedAt: m.matchedAt.toISOString(),
    };
  });
  return { items, next };
}

/** The rules of the program versions some matches were found by (names of their criteria). */
async function rulesOf(db: Db | Tx, hubId: string, matches: { programId: string; programVersion: number }[]): Promise<Map<string, ProgramRules>> {
  const programIds = [...new Set(matches.map((m) => m.programId))];
  if (programIds.length === 0) return new Map();
  const rows = await db
    .select({ programId: programVersions.programId, version: programVersions.version, rules: programVersions.rules })
    .from(programVersions)
    .where(and(eq(programVersions.hubId, hubId), inArray(programVersions.programId, programIds)));
  return new Map(rows.map((r) => [`${r.programId}:${r.version}`, r.rules as ProgramRules]));
}

/**
 * Officers invite the matched applicants of a program who have not applied: one in-app
 * notification per user (an organisation's members, a person's own account), and, when
 * e-mail is configured, a message in the outbox in the same transaction. Inviting
 * again notifies only those not invited before.
 */
export async function inviteMatched(
  tx: Tx,
  scope: Scope,
  programId: string,
  mail: InvitationMail | null = null,
): Promise<{ invited: number; emailed: number }> {
  const { hub, actor } = scope;
  matchPolicy.authorize(actor, 'invite', { own: false });
  const { program } = await loadProgram(tx, hub.id, programId);
  if (program.status !== 'published') throw new AppError('PROGRAM_NOT_OPEN');
  const matched = await tx
    .select({ type: programMatches.applicantType, id: programMatches.applicantId })
    .from(programMatches)
    .where(and(eq(programMatches.hubId, hub.id), eq(programMatches.programId, programId), notApplied(tx)));
  let invited = 0;
  let emailed = 0;
  for (const type of ['organization', 'person'] as const) {
    const ids = matched.filter((m) => m.type === type).map((m) => m.id);
    const users = await usersOfApplicants(tx, hub.id, type, ids);
    // One notification per user, even if several of their organisations qualify.
    const byUser = new Map(users.map((u) => [u.userId, u.applicantId]));
    if (byUser.size === 0) continue;
    const rows = [...byUser].map(([userId, applicantId]) => ({
      userId,
      kind: 'program_invitation',
      subjectType: 'program',
      subjectId: programId,
      payload: {
        program: { id: programId, name: { zh: program.nameZh, en: program.nameEn } },
        applicant: { type, id: applicantId },
        title: { zh: `邀请申请：${program.nameZh}`, en: `Invitation to apply: ${program.nameEn}` },
        link: `/hubs/${hub.slug}/programs/${programId}`,
      },
    }));
    const inserted = await notify(tx, hub.id, rows);
    invited += inserted.length;
    if (mail) emailed += await emailInvitations(tx, hub, program, inserted, mail.publicUrl);
  }
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'program.invited',
    subjectType: 'program',
    subjectId: programId,
    payload: { invited, emailed },
  });
  return { invited, emailed };
}

/** E-mail goes out only where SMTP is configured; the link points at this installation. */
export type InvitationMail = { publicUrl: string };

async function emailInvitations(
  tx: Tx,
  hub: Scope['hub'],
  program: InvitationProgram,
  invited: readonly { id: string; userId: string }[],
  publicUrl: string,
): Promise<number> {
  if (invited.length === 0) return 0;
  const addresses = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.id,
        invited.map((n) => n.userId),
      ),
    );
  const emailOf = new Map(addresses.map((a) => [a.id, a.email]));
  const messages = invited.flatMap((n) => {
    const to = emailOf.get(n.userId);
    return to ? [invitationEmail(to, n.id, program, hub, publicUrl)] : [];
  });
  return enqueueEmails(tx, hub.id, messages);
}
