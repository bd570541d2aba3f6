import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { AppError } from '../../platform/errors.js';
import { organizationForApplicant } from '../ecosystem/index.js';
import { momentIn, organizationFacts } from './criteria-facts.js';
import type { CriteriaFacts } from './eligibility.js';
import { compileCriteria, isEligible } from './eligibility.js';
import { compiledFor, loadProgram } from './programs.service.js';
import { hubTimeZoneSql } from './prior-awards.js';
import { programs } from './programs.tables.js';
import type { RentRules } from './rent-subsidy.js';

/**
 * What the spaces module may ask of a rent-subsidy program (through index.ts): its rules
 * and budget line, whether an organisation qualifies now, and whether the extension's
 * criterion holds for it.
 */
export type RentProgram = { id: string; name: { zh: string; en: string }; fiscalYear: number; budgetLine: string; rules: RentRules };

/** A published rent-subsidy program of the hub; anything else is a 400 on `programId`. */
export async function rentSubsidyProgram(
  db: Db | Tx,
  hubId: string,
  programId: string,
  path = 'programId',
): Promise<RentProgram & { eligible: (organizationId: string, now: Date) => Promise<boolean> }> {
  const loaded = await loadProgram(db, hubId, programId).catch(() => null);
  // Another hub's program (or none) is not found, as anything not of this hub; one of this hub of another kind is invalid.
  if (!loaded) throw new AppError('NOT_FOUND', [{ path, code: 'NOT_IN_HUB' }]);
  const benefit = loaded.rules.benefit;
  if (loaded.program.kind !== 'rent_subsidy' || benefit?.type !== 'rent' || loaded.program.status !== 'published') {
    throw new AppError('VALIDATION_FAILED', [{ path, code: 'INVALID', detail: 'not a published rent-subsidy program of this hub' }]);
  }
  const { program, rules } = loaded;
  return {
    id: program.id,
    name: { zh: program.nameZh, en: program.nameEn },
    fiscalYear: program.fiscalYear,
    budgetLine: program.budgetLine,
    rules: benefit,
    async eligible(organizationId, now) {
      const facts = await organizationAt(db, hubId, organizationId, now);
      return Boolean(facts) && isEligible(compiledFor(program, rules), facts!);
    },
  };
}

/** Whether the extension's criterion (CEL over the organisation's facts) holds at `now`. */
export async function rentExtensionHolds(db: Db | Tx, hubId: string, rules: RentRules, organizationId: string, now: Date): Promise<boolean> {
  if (!rules.extension) return false;
  const compiled = compileCriteria([rules.extension.criterion], { applicantType: 'organization', form: [] });
  const facts = await organizationAt(db, hubId, organizationId, now);
  return compiled.ok && Boolean(facts) && isEligible(compiled.compiled, facts!);
}

/** An organisation's criteria facts at `now` where the hub is (its time zone read with it: one statement); null when there is none. */
async function organizationAt(db: Db | Tx, hubId: string, organizationId: string, now: Date): Promise<CriteriaFacts | null> {
  const found = await organizationForApplicant(db, hubId, organizationId, null, hubTimeZoneSql(hubId));
  return found && organizationFacts(found.record, {}, [], momentIn(found.also as string, now));
}

/** Programs' names by id (for lists that show which program pays). */
export async function programNames(db: Db | Tx, hubId: string, ids: readonly string[]): Promise<Map<string, { zh: string; en: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: programs.id, zh: programs.nameZh, en: programs.nameEn })
    .from(programs)
    .where(and(eq(programs.hubId, hubId), inArray(programs.id, [...ids])));
  return new Map(rows.map((r) => [r.id, { zh: r.zh, en: r.en }]));
}
