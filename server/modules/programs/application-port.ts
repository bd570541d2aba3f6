import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { AppError, notFound } from '../../platform/errors.js';
import { benefitOf, type Applicant, type ApplicationRow } from './applications.service.js';
import type { ProgramRules } from '../../../contracts/programs.js';
import { hubTimeZoneSql, organizationWithPrior, personWithPrior, type PriorAwards, type PriorQuery } from './prior-awards.js';
import type { BenefitResult } from './benefits.js';
import { formFacts, momentIn } from './criteria-facts.js';
import { answeredFiles } from './answered-files.js';
import { checkAnswers } from './form-answers.js';
import { loadProgram, programQuery, type LoadedProgram } from './programs.service.js';
import { applications } from './programs.tables.js';

/**
 * What the reviews module may do with applications (through index.ts): read one, move
 * its status with a conditional UPDATE, revise its answers, and price its award. The
 * workflow rules themselves live in reviews/workflow.ts.
 */

export async function findApplication(db: Db | Tx, hubId: string, id: string): Promise<ApplicationRow> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.hubId, hubId), eq(applications.id, id)));
  if (!row) throw notFound();
  return row;
}

export type ApplicationPatch = Partial<
  Pick<ApplicationRow, 'amount' | 'benefit' | 'commitmentId' | 'answers' | 'onceKey' | 'screening' | 'programVersion' | 'claimKey'>
>;

/**
 * Moves the application from `from` to `to` only if it is still in `from`: of two
 * concurrent movers one gets the row, the other null (the caller answers 409).
 */
export async function moveApplication(
  tx: Tx,
  hubId: string,
  id: string,
  from: string,
  to: string,
  patch: ApplicationPatch = {},
): Promise<ApplicationRow | null> {
  const [row] = await tx
    .update(applications)
    .set({ status: to, ...patch })
    .where(and(eq(applications.hubId, hubId), eq(applications.id, id), eq(applications.status, from)))
    .returning();
  return row ?? null;
}

/** The program and the rules of the version the application was judged by. */
export function programOf(db: Db | Tx, app: ApplicationRow): Promise<LoadedProgram> {
  return loadProgram(db, app.hubId, app.programId, false, app.programVersion);
}

/** New answers checked against the application's form (400 with the fields at fault). */
export async function checkRevisedAnswers(tx: Tx, app: ApplicationRow, answers: Record<string, unknown>, reviserId: string | null): Promise<void> {
  const { rules } = await programOf(tx, app);
  const owners = reviserId ? [app.submittedBy, reviserId] : [app.submittedBy];
  const problems = checkAnswers(rules.form, answers, await answeredFiles(tx, app.hubId, owners, rules.form, answers));
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
}

/**
 * Takes the award's turn on the application's applicant and claim (dg_award_lock,
 * migrations/0047) to the end of the transaction. An approval takes it before it is priced,
 * so approvals of one applicant (the yearly cap) or one contract (one claim, one subsidy) are
 * priced one after another, each on the awards before it, as rule-only filings are.
 */
export async function takeAwardTurn(tx: Tx, app: ApplicationRow): Promise<void> {
  const claim = app.claimKey === null ? null : `claim:${app.claimKey}`;
  await tx.execute(sql`SELECT dg_award_lock(${app.hubId}::uuid, ARRAY[${`applicant:${app.organizationId ?? app.personId}`}, ${claim}]::text[])`);
}

/**
 * What approving the application pays now, by its program version's formula (read with the
 * hub's time zone: the yearly cap counts the awards of the hub's local year).
 */
export async function priceApplication(tx: Tx, app: ApplicationRow, now = new Date()): Promise<BenefitResult> {
  const [row] = await programQuery(tx, app.hubId, app.programId, app.programVersion, { timeZone: hubTimeZoneSql(app.hubId) });
  if (!row) throw notFound();
  const rules = row.rules as ProgramRules;
  const { applicant, prior } = await applicantOf(tx, app, { claimKey: app.claimKey, except: app.id });
  const form = formFacts(rules.form, app.answers as Record<string, unknown>);
  return benefitOf({ program: row.program, rules, applicant, form, prior, now: momentIn(row.timeZone, now) });
}

/** Who an application is from and their earlier awards: one statement. */
export async function applicantOf(tx: Tx, app: ApplicationRow, query: PriorQuery): Promise<{ applicant: Applicant; prior: PriorAwards }> {
  if (app.organizationId) {
    const found = await organizationWithPrior(tx, app.hubId, app.organizationId, null, query);
    if (!found) throw notFound();
    return { applicant: { type: 'organization', record: found.record }, prior: found.prior };
  }
  const found = await personWithPrior(tx, app.hubId, app.submittedBy, query);
  if (!found) throw notFound();
  return { applicant: { type: 'person', record: found.record }, prior: found.prior };
}

/**
 * Awards of rule-only programs that still have conditional tranches to pay (approved at
 * once, not closed): the daily condition checker records and pays their tranches.
 */
export async function conditionalRuleOnlyAwards(db: Db | Tx, hubId: string): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.hubId, hubId),
        inArray(applications.status, ['approved', 'in_payment']),
        sql`${applications.commitmentId} IS NOT NULL`,
        sql`jsonb_path_exists(${applications.benefit}, '$.tranches[*] ? (@.condition != null)')`,
      ),
    );
}
