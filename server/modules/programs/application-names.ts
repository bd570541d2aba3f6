import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { grantName, type CauseName } from '../../platform/cause-names.js';
import { namesOfApplicants } from './applications.service.js';
import { applications, programs } from './programs.tables.js';

/** Applications in words for the ledger: "<program> · <applicant>" in both languages, and the short number. */
export async function nameApplications(db: Db | Tx, hubId: string, ids: string[]): Promise<Map<string, CauseName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ app: applications, zh: programs.nameZh, en: programs.nameEn })
    .from(applications)
    .innerJoin(programs, and(eq(programs.hubId, applications.hubId), eq(programs.id, applications.programId)))
    .where(and(eq(applications.hubId, hubId), inArray(applications.id, ids)));
  const applicants = await namesOfApplicants(
    db,
    hubId,
    rows.map((r) => r.app),
  );
  return new Map(
    rows.map(({ app, zh, en }) => {
      return [app.id, { name: grantName({ zh, en }, applicants.get((app.organizationId ?? app.personId)!)), number: app.number }];
    }),
  );
}
