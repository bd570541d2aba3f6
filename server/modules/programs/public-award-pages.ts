import { and, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { applications, programs } from './programs.tables.js';
import { publicAwardStates, type PublicAwardRow } from './public-awards-port.js';

const awarded = (hubId: string) =>
  and(
    eq(applications.hubId, hubId),
    isNotNull(applications.commitmentId),
    isNotNull(applications.amount),
    inArray(applications.status, publicAwardStates),
    ne(programs.status, 'draft'),
  );

const programColumns = {
  id: programs.id,
  zh: programs.nameZh,
  en: programs.nameEn,
  descriptionZh: programs.descriptionZh,
  descriptionEn: programs.descriptionEn,
};

/**
 * One page of the hub's awards to organisations, newest first (the public awards list).
 * Awards to individuals are never listed; keyset paging on the id (UUIDv7: creation order).
 */
export async function publicAwardsPage(db: Db | Tx, hubId: string, query: { limit: number; next?: string | undefined; programId?: string | undefined }) {
  const key = readCursor(query.next, 1);
  const rows = await db
    .select({ app: applications, program: programColumns })
    .from(applications)
    .innerJoin(programs, and(eq(programs.hubId, applications.hubId), eq(programs.id, applications.programId)))
    .where(
      and(
        awarded(hubId),
        isNotNull(applications.organizationId),
        query.programId ? eq(applications.programId, query.programId) : undefined,
        key ? after([applications.id], key, 'desc') : undefined,
      ),
    )
    .orderBy(desc(applications.id))
    .limit(query.limit + 1);
  return pageOf(
    rows,
    query.limit,
    (r) => [r.app.id],
    ({ app, program }): PublicAwardRow => ({
      id: app.id,
      number: app.number,
      status: app.status,
      amount: app.amount!,
      commitmentId: app.commitmentId!,
      organizationId: app.organizationId,
      personId: app.personId,
      createdAt: app.createdAt,
      program,
    }),
  );
}

/** Per program of one fiscal year: awards, amount awarded, what went to individuals, and the commitments. */
export type ProgramSpendRow = {
  id: string;
  zh: string;
  en: string;
  line: string;
  awards: number;
  awarded: bigint;
  individuals: number;
  individualsAmount: bigint;
  commitmentIds: string[];
};

export async function publicProgramSpend(db: Db | Tx, hubId: string, fiscalYear: number): Promise<ProgramSpendRow[]> {
  const { rows } = await db.execute<{
    id: string;
    zh: string;
    en: string;
    line: string;
    awards: number;
    awarded: string;
    individuals: number;
    individuals_amount: string;
    commitment_ids: string[] | null;
  }>(sql`
    SELECT p.id, p.name_zh AS zh, p.name_en AS en, p.budget_line AS line,
      count(a.id)::int AS awards,
      coalesce(sum(a.amount), 0)::text AS awarded,
      count(a.id) FILTER (WHERE a.person_id IS NOT NULL)::int AS individuals,
      coalesce(sum(a.amount) FILTER (WHERE a.person_id IS NOT NULL), 0)::text AS individuals_amount,
      array_agg(a.commitment_id::text) FILTER (WHERE a.id IS NOT NULL) AS commitment_ids
    FROM programs p
    LEFT JOIN applications a ON a.hub_id = p.hub_id AND a.program_id = p.id AND a.commitment_id IS NOT NULL AND a.amount IS NOT NULL
      AND a.status IN (${sql.join(
        publicAwardStates.map((s) => sql`${s}`),
        sql`, `,
      )})
    WHERE p.hub_id = ${hubId} AND p.fiscal_year = ${fiscalYear} AND p.status <> 'draft'
    GROUP BY p.hub_id, p.id ORDER BY p.name_en, p.id`);
  return rows.map((r) => ({
    id: r.id,
    zh: r.zh,
    en: r.en,
    line: r.line,
    awards: r.awards,
    awarded: BigInt(r.awarded),
    individuals: r.individuals,
    individualsAmount: BigInt(r.individuals_amount),
    commitmentIds: r.commitment_ids ?? [],
  }));
}

/** What a notice board or an objection shows of awards: number, amount, applicant and program. */
export type NoticedAward = {
  id: string;
  number: string;
  status: string;
  amount: bigint;
  organizationId: string | null;
  program: { id: string; zh: string; en: string };
};

export async function noticedAwards(db: Db | Tx, hubId: string, ids: string[]): Promise<Map<string, NoticedAward>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ app: applications, program: { id: programs.id, zh: programs.nameZh, en: programs.nameEn } })
    .from(applications)
    .innerJoin(programs, and(eq(programs.hubId, applications.hubId), eq(programs.id, applications.programId)))
    .where(and(eq(applications.hubId, hubId), inArray(applications.id, ids)));
  return new Map(
    rows.map(({ app, program }) => [
      app.id,
      { id: app.id, number: app.number, status: app.status, amount: app.amount ?? 0n, organizationId: app.organizationId, program },
    ]),
  );
}

/** The application with this short number in the hub, or null. */
export async function applicationIdByNumber(db: Db | Tx, hubId: string, number: string): Promise<string | null> {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.hubId, hubId), eq(applications.number, number)));
  return row?.id ?? null;
}
