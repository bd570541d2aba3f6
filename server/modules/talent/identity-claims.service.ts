import { and, asc, eq, inArray } from 'drizzle-orm';
import type { IdentityClaim, IdentityClaimDecision } from '../../../contracts/talent.js';
import type { StayDegreeLevel } from '../../../contracts/stays.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { findUsers } from '../../platform/auth/users.js';
import type { FieldCrypto } from '../../platform/crypto/fields.js';
import { AppError, notFound } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { notify } from '../../platform/notifications/index.js';
import { after, readCursor } from '../../platform/pagination.js';
import type { Actor } from '../../platform/policies.js';
import { findPeople, personIdsOfUsers, recordOwnResidentId, settleRecordClaim, type PersonRow } from '../ecosystem/index.js';
import { talentPolicy } from './talent.policies.js';
import { talentDegrees, talentIdentityClaims } from './talent.tables.js';

type Scope = { hub: { id: string; slug: string }; actor: Actor };
export type IdentityClaimRow = typeof talentIdentityClaims.$inferSelect;

/**
 * The resident id a graduate gives when verifying. Their own record takes it when no record
 * of the hub holds it; else a claim to the holding record waits for staff, and nothing is
 * linked. The graduate is answered the same either way (a national id number is not
 * something an account may test), and a record taken first by someone else blocks no one.
 * A record that has a resident id already keeps it (staff correct records).
 */
export async function offerResidentId(tx: Tx, hubId: string, userId: string, own: PersonRow, residentId: string, crypto: FieldCrypto): Promise<void> {
  if (own.residentIdDigest !== null) return;
  const holder = await recordOwnResidentId(tx, hubId, own.id, residentId, crypto);
  if (holder === null || holder === own.id) return;
  const id = uuidv7();
  const [filed] = await tx
    .insert(talentIdentityClaims)
    .values({ hubId, id, userId, personId: holder })
    .onConflictDoNothing()
    .returning({ id: talentIdentityClaims.id });
  if (filed) {
    await recordAudit(tx, { hubId, actorId: userId, action: 'talent.identity_claimed', subjectType: 'person', subjectId: holder, payload: { claim: id } });
  }
}

/** Claims by status, oldest first (ids are time-ordered): `limit + 1` rows after the cursor. Staff who read personal data. */
export async function listIdentityClaims(db: Db | Tx, scope: Scope, query: { status: IdentityClaim['status']; limit: number; next?: string | undefined }) {
  talentPolicy.authorize(scope.actor, 'read', null);
  const key = readCursor(query.next, 1);
  return db
    .select()
    .from(talentIdentityClaims)
    .where(
      and(eq(talentIdentityClaims.hubId, scope.hub.id), eq(talentIdentityClaims.status, query.status), key ? after([talentIdentityClaims.id], key) : undefined),
    )
    .orderBy(asc(talentIdentityClaims.id))
    .limit(query.limit + 1);
}

/** Claims as staff see them: the claimant (account, their own record) beside the record claimed. Four reads for a page. */
export async function presentIdentityClaims(db: Db | Tx, hubId: string, rows: IdentityClaimRow[]): Promise<IdentityClaim[]> {
  if (rows.length === 0) return [];
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const ownOf = await personIdsOfUsers(db, hubId, userIds);
  const people = await findPeople(db, hubId, [...new Set([...rows.map((r) => r.personId), ...ownOf.values()])]);
  const degrees = await db
    .select({ personId: talentDegrees.personId, university: talentDegrees.university, level: talentDegrees.level, graduatesOn: talentDegrees.graduatesOn })
    .from(talentDegrees)
    .where(and(eq(talentDegrees.hubId, hubId), inArray(talentDegrees.personId, [...people.keys()])))
    .orderBy(asc(talentDegrees.graduatesOn));
  const degreesOf = (personId: string | undefined) =>
    degrees.filter((d) => d.personId === personId).map((d) => ({ university: d.university, level: d.level as StayDegreeLevel, graduatesOn: d.graduatesOn }));
  const users = await findUsers(db, userIds);
  return rows.map((r) => {
    const mine = people.get(ownOf.get(r.userId) ?? '');
    const claimed = people.get(r.personId)!;
    return {
      id: r.id,
      status: r.status as IdentityClaim['status'],
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      note: r.note,
      claimant: {
        email: users.get(r.userId)?.email ?? null,
        name: mine ? { zh: mine.nameZh, en: mine.nameEn } : null,
        degrees: mine && mine.id !== claimed.id ? degreesOf(mine.id) : [],
      },
      person: {
        id: claimed.id,
        name: { zh: claimed.nameZh, en: claimed.nameEn },
        bornOn: claimed.bornOn,
        residentIdMasked: claimed.residentIdMasked,
        usedByAnotherAccount: claimed.userId !== null && claimed.userId !== r.userId,
        degrees: degreesOf(claimed.id),
      },
    };
  });
}

/**
 * Staff decide a claim. Approved: a record no account uses becomes the claimant's (what
 * they did as their own record comes along: stays, applications, degrees; the audit event
 * counts it by module); a record another account uses gives its
 * resident id to the claimant's record. Rejected: nothing changes. A decided claim is 409.
 * The claimant hears of it in the app; no one else does.
 */
export async function decideIdentityClaim(tx: Tx, scope: Scope, claimId: string, input: IdentityClaimDecision): Promise<IdentityClaimRow> {
  talentPolicy.authorize(scope.actor, 'resolve_claims', null);
  const hubId = scope.hub.id;
  const [claim] = await tx
    .select()
    .from(talentIdentityClaims)
    .where(and(eq(talentIdentityClaims.hubId, hubId), eq(talentIdentityClaims.id, claimId)))
    .for('update');
  if (!claim) throw notFound();
  if (claim.status !== 'pending') throw new AppError('CONFLICT', [{ path: 'decision', code: 'INVALID' }]);
  let outcome = 'none';
  let moved: Record<string, number> = {};
  if (input.decision === 'approved') {
    const settled = await settleRecordClaim(tx, hubId, claim.userId, claim.personId);
    outcome = settled.outcome;
    if (settled.outcome === 'linked') moved = settled.moved;
  }
  const [row] = await tx
    .update(talentIdentityClaims)
    .set({ status: input.decision, note: input.note, decidedBy: scope.actor.userId, decidedAt: new Date() })
    .where(and(eq(talentIdentityClaims.hubId, hubId), eq(talentIdentityClaims.id, claimId)))
    .returning();
  await recordAudit(tx, {
    hubId,
    actorId: scope.actor.userId,
    action: `talent.identity_claim_${input.decision}`,
    subjectType: 'person',
    subjectId: claim.personId,
    payload: { claim: claimId, outcome, moved },
  });
  await tellClaimant(tx, scope.hub, claim.userId, claimId, input.decision);
  return row!;
}

/**
 * The same words whatever staff found: never the record's name, whether another account
 * used it, or the staff's note (which may speak of someone else).
 */
const decisionTitles: Record<IdentityClaimDecision['decision'], { zh: string; en: string }> = {
  approved: { zh: '您的身份核验已完成，档案已关联。', en: 'Your identity check is complete; your record is linked.' },
  rejected: { zh: '您的身份核验未能确认，请联系人才服务办公室。', en: 'Your identity check could not be confirmed; contact the talent office.' },
};

async function tellClaimant(tx: Tx, hub: Scope['hub'], userId: string, claimId: string, decision: IdentityClaimDecision['decision']): Promise<void> {
  await notify(tx, hub.id, [
    {
      userId,
      kind: `identity_claim_${decision}`,
      subjectType: 'identity_claim',
      subjectId: claimId,
      payload: { title: decisionTitles[decision], link: `/hubs/${hub.slug}/stays` },
    },
  ]);
}
