import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Obligation } from '../../../contracts/obligations.js';
import type { Db, Tx } from '../../db/connection.js';
import type { ApplicationRow } from './applications.service.js';
import { loadProgram } from './programs.service.js';
import { applications } from './programs.tables.js';

/**
 * What the obligations module may read of awards (through index.ts): the hub's awards
 * (applications holding a commitment) with the obligations and names of the program
 * version each was judged by, and other awards of the same applicant.
 */
export type AwardWithRules = { app: ApplicationRow; obligations: Obligation[]; programName: { zh: string; en: string } };

const awardStates = ['approved', 'awarded', 'in_payment', 'closed'];

export async function awardsWithObligations(db: Db | Tx, hubId: string, applicationIds?: string[]): Promise<AwardWithRules[]> {
  const rows = await db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.hubId, hubId),
        isNotNull(applications.commitmentId),
        inArray(applications.status, awardStates),
        applicationIds ? inArray(applications.id, applicationIds) : undefined,
      ),
    );
  const versions = new Map<string, { obligations: Obligation[]; programName: { zh: string; en: string } }>();
  const out: AwardWithRules[] = [];
  for (const app of rows) {
    const key = `${app.programId}:${app.programVersion}`;
    if (!versions.has(key)) {
      const { program, rules } = await loadProgram(db, hubId, app.programId, false, app.programVersion);
      versions.set(key, { obligations: rules.obligations ?? [], programName: { zh: program.nameZh, en: program.nameEn } });
    }
    const v = versions.get(key)!;
    if (v.obligations.length) out.push({ app, ...v });
  }
  return out;
}

/** The applicant's other awards in the given programs (a double subsidy, if any). */
export async function otherAwardsOf(
  db: Db | Tx,
  app: ApplicationRow,
  programIds: string[],
): Promise<{ app: ApplicationRow; programName: { zh: string; en: string } }[]> {
  if (!programIds.length) return [];
  const applicant = app.organizationId ? eq(applications.organizationId, app.organizationId) : eq(applications.personId, app.personId!);
  const rows = await db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.hubId, app.hubId),
        ne(applications.id, app.id),
        applicant,
        inArray(applications.programId, programIds),
        isNotNull(applications.commitmentId),
        inArray(applications.status, awardStates),
      ),
    );
  // One after another: `db` may be a transaction, one client that runs one query at a time.
  const named = [];
  for (const other of rows) {
    const { program } = await loadProgram(db, app.hubId, other.programId);
    named.push({ app: other, programName: { zh: program.nameZh, en: program.nameEn } });
  }
  return named;
}
