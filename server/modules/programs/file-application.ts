import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { columnsOf, rowOf } from '../../db/raw-row.js';
import { constraintName, sqlState } from '../../db/transaction.js';
import { canonicalJson } from '../../platform/audit/hash-chain.js';
import { AppError } from '../../platform/errors.js';
import { keyRefusal, requestHashOf, type IdempotencyScope } from '../../platform/idempotency/idempotency.js';
import { uuidv7 } from '../../platform/ids.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { ledgerRefusal } from '../budget/index.js';
import { applicationNumberYear } from './application-numbers.js';
import type { CriterionMargin } from './criterion-margins.js';
import { applications } from './programs.tables.js';
import { criterionMisses } from './criterion-misses.tables.js';

export type ApplicationRow = typeof applications.$inferSelect;

/**
 * What a submission (or a saved draft) decided, before anything is written: the
 * application's columns (all but its hub, number and time), how far each failed criterion
 * was missed, the award's commitment on the ledger (with what is paid at once) and the
 * audit event.
 */
export type Filing = {
  application: Omit<typeof applications.$inferInsert, 'hubId' | 'number' | 'createdAt'> & { id: string };
  misses: readonly CriterionMargin[];
  commit: { year: number; lineCode: string; amount: bigint; payNow: bigint; prior: string[] } | null;
  audit: { action: string; payload: Record<string, unknown> };
};

export type FiledApplication = { row: ApplicationRow; replayed: boolean };

/** An application as dg_application_file answers and its key keeps it (its row by column names), typed. */
export const filedApplication = (result: Record<string, unknown>, replayed: boolean): FiledApplication => ({
  row: rowOf(applications, result),
  replayed,
});

/**
 * Writes a filing in one round trip (`dg_application_file`, migrations/0042): with the
 * caller's Idempotency-Key its row, the application with its number, its refusal margins,
 * the commitment (dg_ledger_commit, paying unconditional tranches at once) and the audit
 * event (the same bytes as recordAudit), and the row kept under the key; a retry gets the
 * first row back (`replayed`). Given the database it is its own transaction (on Citus, run
 * on the hub's worker); given a transaction, whatever the caller writes after it commits
 * with it.
 */
export async function fileApplication(db: Db | Tx, key: IdempotencyScope, hub: HubRow, filing: Filing, now: Date): Promise<FiledApplication> {
  const { application, commit } = filing;
  const ledger = commit && {
    year: commit.year,
    line: commit.lineCode,
    amount: commit.amount.toString(),
    awardAccount: uuidv7(),
    event: uuidv7(),
    postTransfer: commit.payNow > 0n ? uuidv7() : null,
    postAmount: commit.payNow.toString(),
    postEvent: commit.payNow > 0n ? uuidv7() : null,
    prior: commit.prior,
  };
  try {
    const { rows } = await db.execute<{ replayed: boolean; result: Record<string, unknown> }>(sql`
      SELECT * FROM dg_application_file(${hub.id}::uuid, ${key.userId}::uuid, ${key.key ?? null}, ${key.operation}, ${requestHashOf(key)},
        ${applicationNumberYear(hub, now)}::int, ${hub.code}, ${JSON.stringify(columnsOf(applications, application))}::jsonb,
        ${JSON.stringify(filing.misses.map((m) => columnsOf(criterionMisses, m)))}::jsonb, ${ledger && JSON.stringify(ledger)}::jsonb,
        ${uuidv7()}::uuid, ${now.toISOString()}::timestamptz, ${filing.audit.action}, ${canonicalJson(filing.audit.payload)})`);
    return filedApplication(rows[0]!.result, rows[0]!.replayed);
  } catch (error) {
    throw refusal(error) ?? error;
  }
}

/**
 * An approval whose earlier awards changed after it was judged (dg_application_file,
 * migrations/0047: another award to the applicant or on the claim committed meanwhile);
 * nothing was written, and judging it again on the new history decides it.
 */
export const priorAwardsChanged = (error: unknown): boolean => sqlState(error) === 'DG002';

/** What dg_application_file refuses, as the app's errors: the key, the applicant's one place, the ledger's refusals. */
function refusal(error: unknown): AppError | undefined {
  if (sqlState(error) === '23505' && constraintName(error) === 'applications_once_idx') return new AppError('ALREADY_APPLIED');
  return keyRefusal(error) ?? ledgerRefusal(error);
}
