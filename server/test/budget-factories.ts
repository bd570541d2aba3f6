import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { withTransaction } from '../db/transaction.js';
import { createBudgetLine, openFiscalYear } from '../modules/budget/budget.service.js';
import type { HubRow } from '../platform/tenancy/tenancy.js';

export const ledgerTx = { isolation: 'read committed' as const };
export const financeActor = { userId: null, hubRoles: ['finance_officer'] as const };

/** A hub with an open year and lines funded with the given amounts (fen). */
export async function fundedYear(db: Db, hub: HubRow, lines: Record<string, bigint>, revenue = 1_000_000_000n, year = 2026) {
  const scope = { hub, actor: { userId: null, hubRoles: ['finance_officer' as const] } };
  await withTransaction(db, (tx) => openFiscalYear(tx, scope, { year, revenue: revenue.toString(), techShareBasisPoints: 1500 }));
  for (const [code, amount] of Object.entries(lines)) {
    await withTransaction(
      db,
      (tx) => createBudgetLine(tx, scope, year, { code, name: { zh: code, en: code }, amount: amount.toString(), transferId: randomUUID() }),
      ledgerTx,
    );
  }
  return { scope, year, caller: { hubId: hub.id, actorId: null } };
}
