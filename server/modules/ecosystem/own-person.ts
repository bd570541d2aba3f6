import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { constraintName, sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { FieldCrypto } from '../../platform/crypto/fields.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { residentIdColumns, type PersonRow } from './people.service.js';
import { movePersonRecords } from './person-moves.js';
import { people } from './people.tables.js';

function ofUser(db: Db | Tx, hubId: string, userId: string) {
  return db
    .select()
    .from(people)
    .where(and(eq(people.hubId, hubId), eq(people.userId, userId)));
}

/**
 * A signed-in user's own person record, created on first use (a graduate verifying
 * themselves): no staff role needed, as it only ever describes the caller. A concurrent
 * twin hits the (hub, user) unique key and gets the record the other one made. It is made
 * without a resident id: `recordOwnResidentId` adds one when no record holds it.
 */
export async function ownPersonRecord(tx: Tx, hub: { id: string }, userId: string, name: { zh: string; en: string }): Promise<PersonRow> {
  const [existing] = await ofUser(tx, hub.id, userId);
  if (existing) return existing;
  const id = uuidv7();
  const [row] = await tx
    .insert(people)
    .values({ hubId: hub.id, id, nameZh: name.zh, nameEn: name.en, roles: ['student'], userId })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const [twin] = await ofUser(tx, hub.id, userId);
    if (twin) return twin;
    throw new AppError('CONFLICT');
  }
  await recordAudit(tx, { hubId: hub.id, actorId: userId, action: 'person.self_registered', subjectType: 'person', subjectId: id, payload: {} });
  return row;
}

/** The record of the hub holding this resident id (under this deployment's digest or the other suite's), if any. */
export async function personHoldingResidentId(db: Db | Tx, hubId: string, residentId: string, crypto: FieldCrypto): Promise<PersonRow | null> {
  const [holder] = await db
    .select()
    .from(people)
    .where(and(eq(people.hubId, hubId), inArray(people.residentIdDigest, [crypto.digest(residentId), ...crypto.otherDigests(residentId)])))
    .limit(1);
  return holder ?? null;
}

/**
 * The resident id a person gives for their own record: written on it when no record of
 * the hub holds the number and theirs has none; else the holder's id is answered and
 * nothing changes. Never an error: whether a number is known is for staff to see, not for
 * the person giving it.
 */
export async function recordOwnResidentId(tx: Tx, hubId: string, personId: string, residentId: string, crypto: FieldCrypto): Promise<string | null> {
  const holder = await personHoldingResidentId(tx, hubId, residentId, crypto);
  if (holder) return holder.id;
  try {
    // A savepoint: staff recording the same number at this moment wins on the unique key.
    const written = await tx.transaction((savepoint) =>
      savepoint
        .update(people)
        .set({ ...residentIdColumns(crypto, residentId), updatedAt: new Date() })
        .where(and(eq(people.hubId, hubId), eq(people.id, personId), isNull(people.residentIdDigest)))
        .returning({ id: people.id }),
    );
    if (written.length > 0) {
      await recordAudit(tx, { hubId, actorId: null, action: 'person.resident_id_recorded', subjectType: 'person', subjectId: personId, payload: {} });
    }
    return null;
  } catch (error) {
    if (sqlState(error) !== '23505' || constraintName(error) !== 'people_hub_resident_id_key') throw error;
    return (await personHoldingResidentId(tx, hubId, residentId, crypto))?.id ?? null;
  }
}

/**
 * Staff approved an account's claim to a record holding the resident id it gave.
 * A record no account uses becomes the account's (`linked`; the account's own record, if
 * any, is let go and what it holds in every module moves with the account: `moved` counts
 * the rows by module, `person-moves.ts`). A record another
 * account uses keeps its account but gives up the number to the claimant's own record
 * (`moved`). Rows are locked; a record changed meanwhile is 409.
 */
export async function settleRecordClaim(
  tx: Tx,
  hubId: string,
  userId: string,
  claimedId: string,
): Promise<{ outcome: 'linked'; moved: Record<string, number> } | { outcome: 'moved' } | { outcome: 'already' }> {
  const [claimed] = await tx
    .select()
    .from(people)
    .where(and(eq(people.hubId, hubId), eq(people.id, claimedId)))
    .for('update');
  const [own] = await ofUser(tx, hubId, userId).for('update');
  if (!claimed) throw new AppError('CONFLICT', [{ path: 'decision', code: 'INVALID' }]);
  if (claimed.userId === userId) return { outcome: 'already' };
  if (claimed.userId === null) {
    // Two statements, in this order: the (hub, user) key allows one record per account.
    if (own)
      await tx
        .update(people)
        .set({ userId: null, updatedAt: new Date() })
        .where(and(eq(people.hubId, hubId), eq(people.id, own.id)));
    await tx
      .update(people)
      .set({ userId, updatedAt: new Date() })
      .where(and(eq(people.hubId, hubId), eq(people.id, claimed.id)));
    return { outcome: 'linked', moved: own ? await movePersonRecords(tx, hubId, own.id, claimed.id) : {} };
  }
  // Another account holds it: the number moves to the claimant's own record (made on verifying).
  if (!own || own.residentIdDigest !== null || claimed.residentIdDigest === null) throw new AppError('CONFLICT', [{ path: 'decision', code: 'INVALID' }]);
  const number = { residentIdCipher: claimed.residentIdCipher, residentIdDigest: claimed.residentIdDigest, residentIdMasked: claimed.residentIdMasked };
  const none = { residentIdCipher: null, residentIdDigest: null, residentIdMasked: null };
  await tx
    .update(people)
    .set({ ...none, updatedAt: new Date() })
    .where(and(eq(people.hubId, hubId), eq(people.id, claimed.id)));
  await tx
    .update(people)
    .set({ ...number, updatedAt: new Date() })
    .where(and(eq(people.hubId, hubId), eq(people.id, own.id)));
  return { outcome: 'moved' };
}
