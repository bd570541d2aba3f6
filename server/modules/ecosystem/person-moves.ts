import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import { relations } from './relations.tables.js';

/**
 * Moves what one record holds in a module to another record of the same hub, and answers
 * how many rows it moved. Run inside the transaction that locked both people rows FOR
 * UPDATE; a move that cannot be made (it would break a rule of its module) throws an
 * AppError and the whole link rolls back.
 */
export type PersonMove = (tx: Tx, hubId: string, fromId: string, toId: string) => Promise<number>;

// When staff link an account to the record they hold (an identity claim), what the account
// did as its own record goes with it: its stays, applications, degrees. The modules that
// key rows by person register here, so ecosystem needs no import of the modules that
// import it (as `platform/cause-names.ts` does for the ledger).
const moves = new Map<string, PersonMove>([['relations', moveRelations]]);

export function registerPersonMove(what: string, move: PersonMove): void {
  moves.set(what, move);
}

/** Every registered move, by name (one order whatever the registration's), and the rows each moved. */
export async function movePersonRecords(tx: Tx, hubId: string, fromId: string, toId: string): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const what of [...moves.keys()].sort()) moved[what] = await moves.get(what)!(tx, hubId, fromId, toId);
  return moved;
}

/** The person's ties to organisations (founded, works at, alumnus of). */
async function moveRelations(tx: Tx, hubId: string, fromId: string, toId: string): Promise<number> {
  const rows = await tx
    .update(relations)
    .set({ fromPersonId: toId })
    .where(and(eq(relations.hubId, hubId), eq(relations.fromPersonId, fromId)))
    .returning({ id: relations.id });
  return rows.length;
}
