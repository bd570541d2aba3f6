import type { Db, Tx } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import type { Actor } from '../policies.js';
import { recordAudit } from './audit.js';

export type PersonalRead<T> = {
  /** What kind of record was read: person, talent_profile, file, objection. */
  subjectType: string;
  /** Which personal fields the answer carries (names, not values). */
  fields: readonly string[];
  /** The ids of the records answered. */
  ids: (result: T) => string[];
};

const MAX_IDS = 200;

/**
 * A read of personal data (resident identity numbers, talent profiles, evidence files,
 * objectors' contacts), done and audited in one transaction: the event (who, which
 * records, which fields, the result) exists exactly when the answer was read. A read that
 * answers no record writes nothing; a refused one is audited as `access.refused`.
 */
export async function auditedRead<T>(db: Db, scope: { hub: { id: string }; actor: Actor }, what: PersonalRead<T>, read: (tx: Tx) => Promise<T>): Promise<T> {
  return withTransaction(db, async (tx) => {
    const result = await read(tx);
    const ids = what.ids(result);
    if (ids.length === 0) return result;
    await recordAudit(tx, {
      hubId: scope.hub.id,
      actorId: scope.actor.userId,
      action: 'personal.read',
      subjectType: what.subjectType,
      subjectId: ids.length === 1 ? ids[0]! : `${ids.length} records`,
      payload: { fields: [...what.fields], ids: ids.slice(0, MAX_IDS), count: ids.length, result: 'ok' },
    });
    return result;
  });
}
