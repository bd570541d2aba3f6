import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { applications, programs } from './programs.tables.js';

/**
 * What the open-data module may read of awards (through index.ts): the hub's awards
 * (applications holding a commitment, approved or later) with their program's names.
 * Only published facts: no answers, no screening.
 */
export type PublicAwardRow = {
  id: string;
  number: string;
  status: string;
  amount: bigint;
  commitmentId: string;
  organizationId: string | null;
  personId: string | null;
  createdAt: Date;
  program: { id: string; zh: string; en: string; descriptionZh: string; descriptionEn: string };
};

export const publicAwardStates = ['approved', 'awarded', 'in_payment', 'closed'];

const awardedIn = (hubId: string) =>
  and(eq(applications.hubId, hubId), isNotNull(applications.commitmentId), isNotNull(applications.amount), inArray(applications.status, publicAwardStates));

/**
 * The hub's awards to organisations in creation order (then id), the `limit` after the award
 * `afterId` (null: from the first): the export reads them batch by batch. The cursor is the
 * id; its exact created_at (microseconds, more than a JS Date holds) is read in SQL.
 */
export async function publicAwardsAfter(db: Db | Tx, hubId: string, afterId: string | null, limit: number): Promise<PublicAwardRow[]> {
  const rows = await db
    .select({
      app: applications,
      program: { id: programs.id, zh: programs.nameZh, en: programs.nameEn, descriptionZh: programs.descriptionZh, descriptionEn: programs.descriptionEn },
    })
    .from(applications)
    .innerJoin(programs, and(eq(programs.hubId, applications.hubId), eq(programs.id, applications.programId)))
    .where(
      and(
        awardedIn(hubId),
        isNotNull(applications.organizationId),
        afterId
          ? sql`(${applications.createdAt}, ${applications.id}) > (SELECT created_at, id FROM applications WHERE hub_id = ${hubId} AND id = ${afterId})`
          : undefined,
      ),
    )
    .orderBy(asc(applications.createdAt), asc(applications.id))
    .limit(limit);
  return rows.map(({ app, program }) => ({
    id: app.id,
    number: app.number,
    status: app.status,
    amount: app.amount!,
    commitmentId: app.commitmentId!,
    organizationId: app.organizationId,
    personId: app.personId,
    createdAt: app.createdAt,
    program,
  }));
}

/** The hub's awards to individuals, counted and summed (never listed). */
export async function publicAwardsToPeople(db: Db | Tx, hubId: string): Promise<{ count: number; amount: bigint }> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, amount: sql<string>`coalesce(sum(${applications.amount}), 0)::text` })
    .from(applications)
    .where(and(awardedIn(hubId), isNull(applications.organizationId)));
  return { count: row?.count ?? 0, amount: BigInt(row?.amount ?? '0') };
}
