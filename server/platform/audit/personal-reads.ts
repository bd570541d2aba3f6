import type { Db, Tx } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import type { Actor } from '../policies.js';
import { recordAudit } from './audit.js';

export type PersonalRead<T> = {
  /** What kind of record was read: person, talent_profile, file, objection, application, review_board. */
  subjectType: string;
  /** Which personal fields the answer carries (names, not values). */
  fields: readonly string[];
  /** The ids of the records answered. */
  ids: (result: T) => string[];
};

const MAX_IDS = 200;

type ReadScope = { hub: { id: string }; actor: Actor };

/**
 * A read of personal data (resident identity numbers, talent profiles, evidence files,
 * objectors' contacts, applications' answers), done and audited in one transaction: the
 * event (who, which records, which fields, the result) exists exactly when the answer was
 * read. A read that answers no record writes nothing; a refused one is audited as
 * `access.refused`.
 */
export async function auditedRead<T>(db: Db, scope: ReadScope, what: PersonalRead<T>, read: (tx: Tx) => Promise<T>): Promise<T> {
  return withTransaction(db, async (tx) => {
    const result = await read(tx);
    await recordPersonalRead(tx, scope, what, result);
    return result;
  });
}

/**
 * The same event for a write whose answer shows personal data (an officer's decision
 * answers the application with its answers), in the write's own transaction.
 */
export async function recordPersonalRead<T>(tx: Tx, scope: ReadScope, what: PersonalRead<T>, result: T): Promise<void> {
  const ids = what.ids(result);
  if (ids.length === 0) return;
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'personal.read',
    subjectType: what.subjectType,
    subjectId: ids.length === 1 ? ids[0]! : `${ids.length} records`,
    payload: { fields: [...what.fields], ids: ids.slice(0, MAX_IDS), count: ids.length, result: 'ok' },
  });
}
