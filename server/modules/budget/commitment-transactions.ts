import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';

/** One movement of a commitment as the ledger holds it (for published award data). */
export type CommitmentTransaction = {
  id: string;
  commitmentId: string;
  kind: 'commitment' | 'disbursement' | 'claw_back' | 'repayment';
  amount: bigint;
  at: Date;
};

/**
 * The ledger's movements of these commitments: the commitment itself (the pending
 * transfer), each disbursement (its postings), each claw-back (posted back from the
 * award's account under the same cause) and each repayment of a recovery (issue 19). Releases of the unpaid rest are not movements
 * of money and are left out. A commitment carried into the next year at a close (`carried_to`) keeps its id: the
 * movements of the commitments it was carried to are listed under it, and their own commitment (the same money
 * reserved again) is left out like the release it replaces. The ids go as one array parameter and each kind of movement is its own join (an OR of
 * them made PostgreSQL loop over every transfer per commitment). Each join carries the
 * columns read (joining back on the id hashed every transfer of the hub); the tranches and
 * the claw-backs and repayments have their own indexes (`npm run bench open-data`).
 */
export async function commitmentTransactions(db: Db | Tx, hubId: string, commitmentIds: string[]): Promise<CommitmentTransaction[]> {
  if (commitmentIds.length === 0) return [];
  const { rows } = await db.execute<{ id: string; commitment_id: string; kind: CommitmentTransaction['kind']; amount: string; created_at: string | Date }>(sql`
    WITH RECURSIVE c AS (
      SELECT id AS root, id, award_account_id, cause_type, cause_id, carried_to FROM commitments WHERE hub_id = ${hubId} AND id = ANY(${sql.param(commitmentIds)}::uuid[])
      UNION ALL
      SELECT c.root, n.id, n.award_account_id, n.cause_type, n.cause_id, n.carried_to FROM c JOIN commitments n ON n.hub_id = ${hubId} AND n.id = c.carried_to
    ),
    moves AS (
      SELECT c.root AS commitment_id, t.id, t.kind, t.reason, t.amount, t.created_at FROM c JOIN ledger_transfers t ON t.hub_id = ${hubId} AND t.id = c.id AND c.id = c.root
      UNION
      SELECT c.root, t.id, t.kind, t.reason, t.amount, t.created_at FROM c JOIN ledger_transfers t ON t.hub_id = ${hubId} AND t.kind = 'post_pending' AND t.pending_id = c.id
      UNION
      SELECT c.root, t.id, t.kind, t.reason, t.amount, t.created_at FROM c JOIN ledger_transfers t ON t.hub_id = ${hubId} AND t.debit_account_id = c.award_account_id
        AND t.cause_type = c.cause_type AND t.cause_id = c.cause_id
        AND ((t.kind = 'posted' AND t.reason = 'claw_back') OR (t.kind = 'post_pending' AND t.reason = 'repayment'))
    )
    SELECT id, commitment_id, amount::text AS amount, created_at,
      CASE WHEN id = commitment_id THEN 'commitment' WHEN reason = 'repayment' THEN 'repayment' WHEN kind = 'post_pending' THEN 'disbursement' ELSE 'claw_back' END AS kind
    FROM moves
    ORDER BY created_at, id`);
  return rows.map((r) => ({ id: r.id, commitmentId: r.commitment_id, kind: r.kind, amount: BigInt(r.amount), at: new Date(r.created_at) }));
}
