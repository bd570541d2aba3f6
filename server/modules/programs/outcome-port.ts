import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ProgramRules } from '../../../contracts/programs.js';
import type { Db, Tx } from '../../db/connection.js';
import { notFound } from '../../platform/errors.js';
import { isNarrowMiss } from './criterion-margins.js';
import { criterionMisses } from './criterion-misses.tables.js';
import type { ScreenResult } from './eligibility.js';
import { publicAwardStates } from './public-awards-port.js';
import { applications, programs, programVersions } from './programs.tables.js';

/** Which side of the study an application stands on. */
export type OutcomeSide = 'funded' | 'rejectedAtReview' | 'narrowMiss';
export type OutcomeApplicant = { applicationId: string; organizationId: string; side: OutcomeSide; appliedAt: Date };

/**
 * What the outcome study reads of a program (through index.ts): its organisation
 * applicants that were funded, rejected at review, or refused by the rules as a narrow
 * miss (one numeric criterion failed by at most `maxRelative` of its threshold, every
 * other criterion held; criterion-margins.ts), each with the day it applied. Other
 * refusals are no comparison: they were never close; nor is a revoked rule-only award.
 * 404 for another hub's program.
 */
export async function outcomeApplicants(db: Db | Tx, hubId: string, programId: string, maxRelative: number): Promise<OutcomeApplicant[]> {
  const [program] = await db
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.hubId, hubId), eq(programs.id, programId)));
  if (!program) throw notFound();
  const rows = await db
    .select({
      id: applications.id,
      org: applications.organizationId,
      status: applications.status,
      at: applications.createdAt,
      screening: applications.screening,
      mode: sql<ProgramRules['mode']>`${programVersions.rules}->>'mode'`,
    })
    .from(applications)
    .innerJoin(
      programVersions,
      and(
        eq(programVersions.hubId, applications.hubId),
        eq(programVersions.programId, applications.programId),
        eq(programVersions.version, applications.programVersion),
      ),
    )
    .where(
      and(
        eq(applications.hubId, hubId),
        eq(applications.programId, programId),
        isNotNull(applications.organizationId),
        inArray(applications.status, [...publicAwardStates, 'rejected', 'refused']),
      ),
    );
  const refused = rows.filter((r) => r.status === 'refused').map((r) => r.id);
  const misses = new Map<string, { relative: number | null }[]>();
  if (refused.length) {
    const found = await db
      .select({ applicationId: criterionMisses.applicationId, relative: criterionMisses.relative })
      .from(criterionMisses)
      .where(and(eq(criterionMisses.hubId, hubId), inArray(criterionMisses.applicationId, refused)));
    for (const m of found) misses.set(m.applicationId, [...(misses.get(m.applicationId) ?? []), m]);
  }
  return rows.flatMap((r): OutcomeApplicant[] => {
    const base = { applicationId: r.id, organizationId: r.org!, appliedAt: r.at };
    if (publicAwardStates.includes(r.status)) return [{ ...base, side: 'funded' }];
    // Only reviewers reject in a reviewed program; a rule-only one is rejected only when its award is
    // revoked (an objection to the public notice upheld): it met every rule, so it is neither side.
    if (r.status === 'rejected') return r.mode === 'reviewed' ? [{ ...base, side: 'rejectedAtReview' }] : [];
    const failed = (r.screening as ScreenResult).results.filter((c) => !c.passed).length;
    return isNarrowMiss(failed, misses.get(r.id) ?? [], maxRelative) ? [{ ...base, side: 'narrowMiss' }] : [];
  });
}
