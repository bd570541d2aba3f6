import { nextApplicationNumber } from './application-numbers.js';
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { applicationInputSchema } from '../../../contracts/applications.js';
import type { CursorQuery } from '../../../contracts/pagination.js';
import type { Db, Tx } from '../../db/connection.js';
import { constraintName, sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, readCursor } from '../../platform/pagination.js';
import { commit } from '../budget/index.js';
import { applicantNames, mayApplyFor, organizationRecord, personRecordOfUser, type ApplicantName } from '../ecosystem/index.js';
import { requireVerified } from '../../platform/auth/users.js';
import type { OrgRole } from '../../../contracts/auth.js';
import type { ProgramRules } from '../../../contracts/programs.js';
import { computeBenefit, formulaFromJson, toBenefitExplanation, type BenefitResult } from './benefits.js';
import type { formFacts } from './criteria-facts.js';
import { organizationWithPrior, personWithPrior, type PriorAwards, type PriorQuery } from './prior-awards.js';
import { saveDraft } from './application-drafts.js';
import { admitSubmission, claimKeyOf, onceKeyOf, recordCriterionMisses, screenApplicant } from './application-judging.js';
import { applicationPolicy } from './programs.policies.js';
import { programForSubmission, type ProgramRow, type Scope } from './programs.service.js';
import { openRuleOnlyNotice } from './notice-port.js';
import { applications } from './programs.tables.js';

type Input = z.output<typeof applicationInputSchema>;
export type ApplicationRow = typeof applications.$inferSelect;

/**
 * Applies to a program. Rule-only programs decide at once: the criteria screen the
 * applicant; a pass is approved, its amount computed and committed on the program's
 * budget line in this same transaction, and unconditional tranches paid. A refusal is
 * recorded with its reasons. BUDGET_EXHAUSTED rolls everything back: no half-made award.
 * A program with a notice period (`review.noticeWorkingDays`) pays nothing at once: the
 * award goes on the public notice board and its tranches wait (the reviews module).
 */
export async function submitApplication(tx: Tx, scope: Scope, programId: string, input: Input, now = new Date()): Promise<ApplicationRow> {
  const { hub, actor } = scope;
  applicationPolicy.authorize(actor, 'submit', { own: true }, 'submit');
  const { program, rules, emailVerified } = await programForSubmission(tx, hub.id, programId, actor.userId!);
  if (program.status !== 'published') throw new AppError('PROGRAM_NOT_OPEN');
  if (input.draft) return saveDraft(tx, scope, program, rules, input, now);
  requireVerified(emailVerified);
  await admitSubmission(tx, hub, program, rules, input.answers, [actor.userId!], now);

  const claimKey = claimKeyOf(program, input.answers);
  const { applicant, prior } = await resolveApplicant(tx, scope, rules.applicantType, input.organizationId, { claimKey });
  const { form, facts, screening } = screenApplicant(program, rules, applicant, prior, input.answers, now);

  const id = uuidv7();
  let benefit: BenefitResult | null = null;
  let status: 'approved' | 'refused' | 'submitted' = screening.eligible ? (rules.mode === 'rule_only' ? 'approved' : 'submitted') : 'refused';
  if (status === 'approved') {
    benefit = benefitOf({ program, rules, applicant, form, prior, now });
    if (benefit.amount === 0n) status = 'refused';
  }
  const onceKey = onceKeyOf(program, applicant, status !== 'refused');

  const [row] = await tx
    .insert(applications)
    .values({
      ...applicationOf(hub.id, id, program, applicant, actor.userId!),
      number: nextApplicationNumber(hub, now),
      status,
      answers: input.answers,
      screening,
      benefit: benefit ? toBenefitExplanation(benefit) : null,
      amount: status === 'approved' && benefit ? benefit.amount : null,
      claimKey,
      onceKey,
      // The commitment takes the application's id as its transfer id.
      commitmentId: status === 'approved' ? id : null,
    })
    .returning()
    .catch((error: unknown) => {
      if (sqlState(error) === '23505' && constraintName(error) === 'applications_once_idx') throw new AppError('ALREADY_APPLIED');
      throw error;
    });

  await recordCriterionMisses(tx, program, rules, id, screening, facts);
  // Public notice (公示): the award goes on the board and nothing is paid until the period ends.
  const noticeDays = rules.review?.noticeWorkingDays ?? 0;
  if (status === 'approved' && benefit) {
    // One round trip: the commitment and, when a tranche has no condition, its payment.
    const payNow = noticeDays > 0 ? 0n : benefit.tranches.filter((t) => t.condition === null).reduce((sum, t) => sum + t.amount, 0n);
    await commit(
      tx,
      { hubId: hub.id, actorId: actor.userId },
      {
        transferId: id,
        year: program.fiscalYear,
        lineCode: program.budgetLine,
        amount: benefit.amount,
        cause: { type: 'application', id },
        payNow: { transferId: uuidv7(), amount: payNow },
      },
    );
    if (noticeDays > 0) await openRuleOnlyNotice(tx, scope, row!, noticeDays, now);
  }
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: `application.${status}`,
    subjectType: 'application',
    subjectId: id,
    payload: {
      program: program.id,
      version: program.currentVersion,
      applicant: { type: applicant.type, id: applicant.record.id },
      amount: row!.amount?.toString() ?? null,
    },
  });
  return row!;
}

type BenefitContext = {
  program: ProgramRow;
  rules: ProgramRules;
  applicant: Applicant;
  form: ReturnType<typeof formFacts>;
  prior: PriorAwards;
  now: Date;
};

/** What an approval pays under the program's formula, given the applicant's earlier awards. */
export function benefitOf(c: BenefitContext): BenefitResult {
  return computeBenefit(formulaFromJson(c.rules.benefit), {
    program: c.program.id,
    form: c.form,
    talentTier: c.applicant.type === 'person' ? c.applicant.record.talentTier : null,
    degree: c.applicant.type === 'person' ? c.applicant.record.degree : null,
    awardedThisYear: c.prior.awards.filter((a) => a.program === c.program.id && a.year === BigInt(c.now.getUTCFullYear())).map((a) => a.amount),
    awardsOnClaim: c.prior.onClaim,
  });
}

/** The columns that say whose application to which program version, for a new row. */
export function applicationOf(hubId: string, id: string, program: { id: string; currentVersion: number }, applicant: Applicant, submittedBy: string) {
  return {
    hubId,
    id,
    programId: program.id,
    programVersion: program.currentVersion,
    applicantType: applicant.type,
    organizationId: applicant.type === 'organization' ? applicant.record.id : null,
    personId: applicant.type === 'person' ? applicant.record.id : null,
    submittedBy,
  };
}

export type Applicant =
  | { type: 'organization'; record: NonNullable<Awaited<ReturnType<typeof organizationRecord>>> }
  | { type: 'person'; record: NonNullable<Awaited<ReturnType<typeof personRecordOfUser>>> };

/** Who applies (an organisation the caller belongs to, or the caller's own person record) and their earlier awards: one statement. */
export async function resolveApplicant(
  tx: Tx,
  scope: Scope,
  type: 'organization' | 'person',
  organizationId: string | undefined,
  query: PriorQuery,
): Promise<{ applicant: Applicant; prior: PriorAwards }> {
  if (type === 'organization') {
    if (!organizationId) throw new AppError('VALIDATION_FAILED', [{ path: 'organizationId', code: 'REQUIRED' }]);
    // Only a member applies for an organisation; anyone else learns nothing of it (404);
    // a member who may only view it is told so (403).
    const found = await organizationWithPrior(tx, scope.hub.id, organizationId, scope.actor.userId, query);
    if (!found?.role) throw notFound();
    if (!mayApplyFor(found.role as OrgRole)) throw new AppError('FORBIDDEN', [{ path: 'organizationId', code: 'INVALID' }]);
    return { applicant: { type, record: found.record }, prior: found.prior };
  }
  const person = await personWithPrior(tx, scope.hub.id, scope.actor.userId!, query);
  if (!person) throw new AppError('VALIDATION_FAILED', [{ path: 'applicant', code: 'NOT_IN_HUB' }]);
  return { applicant: { type, record: person.record }, prior: person.prior };
}

export async function getApplication(db: Db | Tx, scope: Scope, id: string): Promise<ApplicationRow> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.hubId, scope.hub.id), eq(applications.id, id)));
  if (!row) throw notFound();
  applicationPolicy.authorize(scope.actor, 'read', { own: row.submittedBy === scope.actor.userId });
  return row;
}

/** Staff: the hub's applications (optionally of one program); applicants: their own. */
/** Applications, newest first (ids are time-ordered): `page.limit + 1` after the page's cursor. */
export async function listApplications(db: Db | Tx, scope: Scope, programId: string | undefined, page: CursorQuery): Promise<ApplicationRow[]> {
  const all = applicationPolicy.can(scope.actor, 'list_all', { own: false });
  if (!all && !scope.actor.userId) throw new AppError('UNAUTHENTICATED');
  const key = readCursor(page.next, 1);
  return db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.hubId, scope.hub.id),
        programId ? eq(applications.programId, programId) : undefined,
        all ? undefined : eq(applications.submittedBy, scope.actor.userId!),
        key ? after([applications.id], key, 'desc') : undefined,
      ),
    )
    .orderBy(desc(applications.id))
    .limit(page.limit + 1);
}

/** The names of the applicants of some applications (organisations and people), by applicant id. */
export async function namesOfApplicants(db: Db | Tx, hubId: string, rows: readonly ApplicationRow[]): Promise<Map<string, ApplicantName>> {
  const orgs = await applicantNames(db, hubId, 'organization', [...new Set(rows.flatMap((r) => (r.organizationId ? [r.organizationId] : [])))]);
  const persons = await applicantNames(db, hubId, 'person', [...new Set(rows.flatMap((r) => (r.personId ? [r.personId] : [])))]);
  return new Map([...orgs, ...persons]);
}
