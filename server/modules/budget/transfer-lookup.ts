import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { ledgerTransfers } from './budget.tables.js';

/** Amounts of these transfers as the ledger holds them (for other modules' reconciliations). */
export async function transferAmounts(db: Db | Tx, hubId: string, ids: string[]): Promise<Map<string, { amount: bigint; kind: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: ledgerTransfers.id, amount: ledgerTransfers.amount, kind: ledgerTransfers.kind })
    .from(ledgerTransfers)
    .where(and(eq(ledgerTransfers.hubId, hubId), inArray(ledgerTransfers.id, ids)));
  return new Map(rows.map((r) => [r.id, { amount: r.amount, kind: r.kind }]));
}
