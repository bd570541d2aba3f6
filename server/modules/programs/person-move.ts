import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';

/**
 * A record's applications (drafts and awards alike) move to another record
 * (`registerPersonMove`, when staff link an account to the record they hold), so "one per
 * applicant" and the yearly caps count them on the record the person goes on with. Both
 * records' award turns are taken first (`dg_award_lock`, migrations/0047): an approval of
 * either judged on the old history finds it changed and is judged again. A place the other
 * record already holds in a program stays with it (the moved application keeps its status,
 * but no second place: its `once_key` is cleared).
 */
export async function moveApplications(tx: Tx, hubId: string, fromId: string, toId: string): Promise<number> {
  await tx.execute(sql`SELECT dg_award_lock(${hubId}::uuid, ARRAY[${`applicant:${fromId}`}, ${`applicant:${toId}`}]::text[])`);
  const moved = await tx.execute(sql`
    UPDATE applications a SET person_id = ${toId},
      once_key = CASE WHEN a.once_key IS NULL OR EXISTS (
        SELECT 1 FROM applications o WHERE o.hub_id = a.hub_id AND o.program_id = a.program_id AND o.once_key = ${`person:${toId}`})
        THEN NULL ELSE ${`person:${toId}`} END
    WHERE a.hub_id = ${hubId} AND a.person_id = ${fromId}`);
  return moved.rowCount ?? 0;
}
