import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { CursorPage } from '../../../contracts/pagination.js';
import type { Db, Tx } from '../../db/connection.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { programNames } from '../programs/index.js';
import { spaceLeases } from './spaces.tables.js';
import { subsidisedLeases } from './subsidy-grants.js';

/**
 * What the open-data module may read of rent-subsidy grants (through index.ts): a lease with
 * a subsidy is its program's award to the lease's organisation. Only published facts: the
 * lease's short reference, term, area, status, subsidy and commitments, never its rent.
 */
export type RentGrantRow = {
  id: string;
  ref: string;
  /** The lease's: active, ended or moved. */
  status: string;
  organizationId: string;
  program: { id: string; zh: string; en: string };
  /** The subsidy granted in all (an extension's included), fen. */
  amount: bigint;
  /** The lease's commitment and its extension's, those it holds. */
  commitmentIds: string[];
  startsOn: string;
  endsOn: string;
  areaM2: string;
  /** When it was signed. */
  createdAt: Date;
};

const columns = {
  id: spaceLeases.id,
  ref: spaceLeases.ref,
  status: spaceLeases.status,
  organizationId: spaceLeases.organizationId,
  programId: spaceLeases.programId,
  subsidyTotal: spaceLeases.subsidyTotal,
  commitmentId: spaceLeases.commitmentId,
  extensionCommitmentId: spaceLeases.extensionCommitmentId,
  startsOn: spaceLeases.startsOn,
  endsOn: spaceLeases.endsOn,
  areaM2: spaceLeases.areaM2,
  createdAt: spaceLeases.createdAt,
};
type Row = Pick<typeof spaceLeases.$inferSelect, keyof typeof columns>;

/** The rows with their programs' names (one statement for all of them). */
async function named(db: Db | Tx, hubId: string, rows: Row[]): Promise<RentGrantRow[]> {
  const programs = await programNames(db, hubId, [...new Set(rows.map((r) => r.programId!))]);
  return rows.map(({ programId, subsidyTotal, commitmentId, extensionCommitmentId, ...r }) => ({
    ...r,
    amount: subsidyTotal,
    program: { id: programId!, ...(programs.get(programId!) ?? { zh: '租金补贴', en: 'Rent subsidy' }) },
    commitmentIds: [commitmentId, extensionCommitmentId].filter((c): c is string => c !== null),
  }));
}

/**
 * One page of the hub's rent-subsidy grants, newest first, keyset on the id (UUIDv7) as the
 * public awards list pages applications, so the two merge under one cursor.
 */
export async function rentGrantsPage(
  db: Db | Tx,
  hubId: string,
  query: { limit: number; next?: string | undefined; programId?: string | undefined },
): Promise<CursorPage<RentGrantRow>> {
  const key = readCursor(query.next, 1);
  const rows = await db
    .select(columns)
    .from(spaceLeases)
    .where(
      and(
        subsidisedLeases(hubId),
        query.programId ? eq(spaceLeases.programId, query.programId) : undefined,
        key ? after([spaceLeases.id], key, 'desc') : undefined,
      ),
    )
    .orderBy(desc(spaceLeases.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.id]);
  return { next: page.next, items: await named(db, hubId, page.items) };
}

/**
 * The hub's rent-subsidy grants in signing order (then id), the `limit` after the lease
 * `afterId` (null: from the first), as the export reads applications (`publicAwardsAfter`).
 */
export async function rentGrantsAfter(db: Db | Tx, hubId: string, afterId: string | null, limit: number): Promise<RentGrantRow[]> {
  const rows = await db
    .select(columns)
    .from(spaceLeases)
    .where(
      and(
        subsidisedLeases(hubId),
        afterId
          ? sql`(${spaceLeases.createdAt}, ${spaceLeases.id}) > (SELECT created_at, id FROM space_leases WHERE hub_id = ${hubId} AND id = ${afterId})`
          : undefined,
      ),
    )
    .orderBy(asc(spaceLeases.createdAt), asc(spaceLeases.id))
    .limit(limit);
  return named(db, hubId, rows);
}
