import { desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import type { AccountRow, YearRow } from './accounts.js';
import { fiscalYears } from './budget.tables.js';
import { lineUsage, yearAccounts } from './ledger-queries.js';

/** What the budget publishes of one year: the year, its accounts and each line's use. */
export type PublicYearFigures = {
  years: number[];
  year: YearRow | null;
  accounts: AccountRow[];
  usage: Map<string, { committed: bigint; disbursed: bigint }>;
};

/**
 * The hub's fiscal years and one year's envelope and lines, read live (the public budget
 * page and its downloads). The newest year when none is asked; an unknown year is null.
 */
export async function publicYearFigures(db: Db | Tx, hubId: string, year?: number): Promise<PublicYearFigures> {
  const years = await db.select().from(fiscalYears).where(eq(fiscalYears.hubId, hubId)).orderBy(desc(fiscalYears.year));
  const row = year === undefined ? (years[0] ?? null) : (years.find((y) => y.year === year) ?? null);
  if (!row) return { years: years.map((y) => y.year), year: null, accounts: [], usage: new Map() };
  return { years: years.map((y) => y.year), year: row, accounts: await yearAccounts(db, hubId, row), usage: await lineUsage(db, hubId, row) };
}

/** What a group of commitments stands at: awarded (a released one only what it paid) and paid. */
export type GroupTotals = { awarded: bigint; paid: bigint };

/**
 * Awarded and paid per group of commitments (e.g. per program), in one query: each group
 * names its commitments. Released rests are not money paid nor still awarded, so a
 * released commitment counts what it posted; an open one its whole amount.
 */
export async function totalsByGroup(db: Db | Tx, hubId: string, groups: { key: string; commitmentIds: string[] }[]): Promise<Map<string, GroupTotals>> {
  const keys = groups.flatMap((g) => g.commitmentIds.map(() => g.key));
  const ids = groups.flatMap((g) => g.commitmentIds);
  if (ids.length === 0) return new Map();
  const { rows } = await db.execute<{ key: string; awarded: string; posted: string }>(sql`
    SELECT g.key, sum(CASE WHEN c.released THEN c.posted ELSE c.amount END)::text AS awarded, sum(c.posted)::text AS posted
    FROM unnest(${sql.param(keys)}::text[], ${sql.param(ids)}::uuid[]) AS g(key, id)
    JOIN commitments c ON c.hub_id = ${hubId} AND c.id = g.id
    GROUP BY g.key`);
  return new Map(rows.map((r) => [r.key, { awarded: BigInt(r.awarded), paid: BigInt(r.posted) }]));
}

/** A commitment a year's close carried into this year: the same award's money, committed again. */
export type CarriedCommitment = { id: string; causeType: string; causeId: string; line: string };

/**
 * The commitments carried into a year by the close of the year before, with their cause (the
 * award they pay) and their line's code: a program of an earlier year still spends from this
 * year's lines through them, and the public page names it.
 */
export async function carriedIntoYear(db: Db | Tx, hubId: string, year: number): Promise<CarriedCommitment[]> {
  const { rows } = await db.execute<{ id: string; cause_type: string; cause_id: string; line: string }>(sql`
    SELECT n.id, n.cause_type, n.cause_id, l.code AS line
    FROM commitments n
    JOIN fiscal_years f ON f.hub_id = n.hub_id AND f.id = n.fiscal_year_id AND f.year = ${year}
    JOIN commitments o ON o.hub_id = n.hub_id AND o.carried_to = n.id
    JOIN ledger_accounts l ON l.hub_id = n.hub_id AND l.id = n.line_account_id
    WHERE n.hub_id = ${hubId}
    ORDER BY n.id`);
  return rows.map((r) => ({ id: r.id, causeType: r.cause_type, causeId: r.cause_id, line: r.line }));
}
