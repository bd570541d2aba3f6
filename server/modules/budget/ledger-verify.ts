import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';

export type LedgerProblem = { check: string; subject: string; detail: string };

/**
 * Re-derives every balance of a hub's ledger from its transfers and checks every
 * invariant over the whole history. An empty list means the books are right.
 */
export async function verifyLedger(db: Db, hubId: string): Promise<LedgerProblem[]> {
  const problems: LedgerProblem[] = [];
  const add = (
    check: string,
    rows: Record<string, unknown>[],
    subject: (r: Record<string, unknown>) => string,
    detail: (r: Record<string, unknown>) => string,
  ) => rows.forEach((r) => problems.push({ check, subject: subject(r), detail: detail(r) }));

  // 1. Stored running totals equal what the transfers say.
  const drift = await db.execute(sql`
    WITH moves AS (
      SELECT debit_account_id AS account,
        CASE kind WHEN 'pending' THEN amount WHEN 'post_pending' THEN -amount WHEN 'void_pending' THEN -amount ELSE 0 END AS dp,
        CASE WHEN kind IN ('posted','post_pending') THEN amount ELSE 0 END AS dpo, 0::bigint AS cp, 0::bigint AS cpo
      FROM ledger_transfers WHERE hub_id = ${hubId}
      UNION ALL
      SELECT credit_account_id, 0, 0,
        CASE kind WHEN 'pending' THEN amount WHEN 'post_pending' THEN -amount WHEN 'void_pending' THEN -amount ELSE 0 END,
        CASE WHEN kind IN ('posted','post_pending') THEN amount ELSE 0 END
      FROM ledger_transfers WHERE hub_id = ${hubId}
    ), totals AS (
      SELECT account, sum(dp) dp, sum(dpo) dpo, sum(cp) cp, sum(cpo) cpo FROM moves GROUP BY account
    )
    SELECT a.code, a.id, a.debits_pending, a.debits_posted, a.credits_pending, a.credits_posted,
           coalesce(t.dp,0) AS dp, coalesce(t.dpo,0) AS dpo, coalesce(t.cp,0) AS cp, coalesce(t.cpo,0) AS cpo
    FROM ledger_accounts a LEFT JOIN totals t ON t.account = a.id
    WHERE a.hub_id = ${hubId}
      AND (a.debits_pending <> coalesce(t.dp,0) OR a.debits_posted <> coalesce(t.dpo,0)
        OR a.credits_pending <> coalesce(t.cp,0) OR a.credits_posted <> coalesce(t.cpo,0))`);
  add(
    'balances_match_transfers',
    drift.rows,
    (r) => `account ${r.code} (${r.id})`,
    (r) => `stored ${r.debits_pending}/${r.debits_posted}/${r.credits_pending}/${r.credits_posted}, transfers say ${r.dp}/${r.dpo}/${r.cp}/${r.cpo}`,
  );

  // 1b. Every transfer names two accounts of its own hub and year (no foreign keys here: see budget.tables.ts).
  const orphans = await db.execute(sql`
    SELECT t.id FROM ledger_transfers t
    WHERE t.hub_id = ${hubId} AND (
      NOT EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.hub_id = t.hub_id AND a.id = t.debit_account_id AND a.fiscal_year_id = t.fiscal_year_id)
      OR NOT EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.hub_id = t.hub_id AND a.id = t.credit_account_id AND a.fiscal_year_id = t.fiscal_year_id))`);
  add(
    'transfers_reference_accounts',
    orphans.rows,
    (r) => `transfer ${r.id}`,
    () => 'an account it names does not exist in its year',
  );

  // 2. No limited account is overdrawn.
  const overdrawn = await db.execute(sql`
    SELECT code, id, debits_pending + debits_posted AS out, credits_posted AS inn FROM ledger_accounts
    WHERE hub_id = ${hubId} AND debits_must_not_exceed_credits AND debits_pending + debits_posted > credits_posted`);
  add(
    'debits_within_credits',
    overdrawn.rows,
    (r) => `account ${r.code} (${r.id})`,
    (r) => `debits ${r.out} exceed credits ${r.inn}`,
  );

  // 3. Money is conserved: all balances sum to zero, per fiscal year.
  const conservation = await db.execute(sql`
    SELECT fiscal_year_id, sum(credits_posted - debits_posted) AS posted, sum(credits_pending - debits_pending) AS pending
    FROM ledger_accounts WHERE hub_id = ${hubId} GROUP BY 1
    HAVING sum(credits_posted - debits_posted) <> 0 OR sum(credits_pending - debits_pending) <> 0`);
  add(
    'sum_is_zero',
    conservation.rows,
    (r) => `fiscal year ${r.fiscal_year_id}`,
    (r) => `posted sum ${r.posted}, pending sum ${r.pending}`,
  );

  // 4. Posts and voids follow their pending transfer: same accounts, never more than it.
  const pendings = await db.execute(sql`
    SELECT p.id, p.amount, coalesce(sum(c.amount),0) AS resolved,
           bool_or(c.debit_account_id <> p.debit_account_id OR c.credit_account_id <> p.credit_account_id) AS wrong_accounts,
           bool_or(p.kind <> 'pending') AS not_pending
    FROM ledger_transfers c JOIN ledger_transfers p ON p.hub_id = c.hub_id AND p.id = c.pending_id
    WHERE c.hub_id = ${hubId} GROUP BY p.id, p.amount
    HAVING coalesce(sum(c.amount),0) > p.amount OR bool_or(c.debit_account_id <> p.debit_account_id OR c.credit_account_id <> p.credit_account_id) OR bool_or(p.kind <> 'pending')`);
  add(
    'pending_resolution',
    pendings.rows,
    (r) => `pending transfer ${r.id}`,
    (r) => `amount ${r.amount}, posted+voided ${r.resolved}${r.wrong_accounts ? ', accounts differ' : ''}${r.not_pending ? ', target is not pending' : ''}`,
  );

  // 5. Each commitment's tally equals its posted tranches; a released one has nothing pending.
  const tallies = await db.execute(sql`
    SELECT c.id, c.amount, c.posted, c.released,
      coalesce((SELECT sum(amount) FROM ledger_transfers t WHERE t.hub_id = c.hub_id AND t.pending_id = c.id AND t.kind = 'post_pending'),0) AS tranches,
      coalesce((SELECT sum(amount) FROM ledger_transfers t WHERE t.hub_id = c.hub_id AND t.pending_id = c.id AND t.kind = 'void_pending'),0) AS voided
    FROM commitments c WHERE c.hub_id = ${hubId}`);
  for (const r of tallies.rows as { id: string; amount: string; posted: string; released: boolean; tranches: string; voided: string }[]) {
    if (BigInt(r.posted) !== BigInt(r.tranches))
      problems.push({ check: 'commitment_tally', subject: `commitment ${r.id}`, detail: `posted ${r.posted}, tranches ${r.tranches}` });
    const outstanding = BigInt(r.amount) - BigInt(r.tranches) - BigInt(r.voided);
    if (r.released && outstanding !== 0n)
      problems.push({ check: 'released_is_settled', subject: `commitment ${r.id}`, detail: `${outstanding} still pending after release` });
  }
  return problems;
}
