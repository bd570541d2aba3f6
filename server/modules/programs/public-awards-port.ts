import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
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

export async function publicAwards(db: Db | Tx, hubId: string): Promise<PublicAwardRow[]> {
  const rows = await db
    .select({
      app: applications,
      program: { id: programs.id, zh: programs.nameZh, en: programs.nameEn, descriptionZh: programs.descriptionZh, descriptionEn: programs.descriptionEn },
    })
    .from(applications)
    .innerJoin(programs, and(eq(programs.hubId, applications.hubId), eq(programs.id, applications.programId)))
    .where(
      and(eq(applications.hubId, hubId), isNotNull(applications.commitmentId), isNotNull(applications.amount), inArray(applications.status, publicAwardStates)),
    )
    .orderBy(asc(applications.createdAt), asc(applications.id));
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
