import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import type { applicationInputSchema } from '../../../contracts/applications.js';
import type { CursorQuery } from '../../../contracts/pagination.js';
import type { Db, Tx } from '../../db/connection.js';
import { storedResponse, type IdempotencyScope } from '../../platform/idempotency/idempotency.js';
import { fileFactsOf } from '../../platform/files/index.js';
import { withTransaction } from '../../db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, readCursor } from '../../platform/pagination.js';
import { applicantNames, organizationRecord, personRecordOfUser, type ApplicantName } from '../ecosystem/index.js';
import { requireVerified } from '../../platform/auth/users.js';
import type { ProgramRules } from '../../../contracts/programs.js';
import { computeBenefit, formulaFromJson, splitTranches, toBenefitExplanation, type BenefitResult } from './benefits.js';
import { momentIn, type formFacts, type Moment } from './criteria-facts.js';
import type { PriorAwards } from './prior-awards.js';
import { applicantOfSubmission, submissionReads } from './submission-reads.js';
import { draftFiling } from './application-drafts.js';
import { admitSubmission, claimKeyOf, criterionMissesOf, onceKeyOf, screenApplicant } from './application-judging.js';
import { fileApplication, filedApplication, priorAwardsChanged, type ApplicationRow, type FiledApplication, type Filing } from './file-application.js';
import { applicationStanding, readsApplicationSql } from './application-standing.js';
import { applicationPolicy, programPolicy } from './programs.policies.js';
import { getProgram, type ProgramRow, type Scope } from './programs.service.js';
import { openRuleOnlyNotice } from './notice-port.js';
import { applications } from './programs.tables.js';
import { awaitingSecondApprovalSql } from './second-approval-port.js';

type Input = z.output<typeof applicationInputSchema>;
export type { ApplicationRow };

/**
 * Applies to a program (or saves a draft). Rule-only programs decide at once: the criteria
 * screen the applicant; a pass is approved, its amount computed and committed on the
 * program's budget line, and unconditional tranches paid. A refusal is recorded with its
 * reasons. A program with a notice period (`review.noticeWorkingDays`) pays nothing at
 * once: the award goes on the public notice board and its tranches wait (the reviews
 * module).
 *
 * Everything is read and judged first, then written by one call (`fileApplication`), which
 * keeps the caller's Idempotency-Key: a rule-only submission is its reads and that call.
 * An approval is priced on the applicant's earlier awards and those on its claim; when
 * another of those commits between the read and the call, the call writes nothing and the
 * submission is judged again (one claim, one subsidy and the yearly cap under a rush).
 * BUDGET_EXHAUSTED, ALREADY_APPLIED and the rest leave nothing written. A retry that
 * would now be refused (the window has closed) but whose key holds a first answer gets it.
 */
export async function submitApplication(
  db: Db,
  scope: Scope,
  programId: string,
  input: Input,
  idempotencyKey?: string,
  now = new Date(),
): Promise<FiledApplication> {
  const { hub, actor } = scope;
  applicationPolicy.authorize(actor, 'submit', { own: true }, 'submit');
  // The key keeps the application's row (dg_application_file), not a presented body as keys
  // under the former `submitApplication:` name did: a retry across that change is refused
  // (422), never misread.
  const key = { hubId: hub.id, userId: actor.userId!, key: idempotencyKey, operation: `fileApplication:${programId}`, request: input };
  for (let attempt = 1; ; attempt++) {
    let judged: { filing: Filing; noticeDays: number };
    try {
      judged = await judgeSubmission(db, scope, programId, input, now);
    } catch (error) {
      const first = await storedResponse<Record<string, unknown>>(db, key);
      if (first) return filedApplication(first.body, true);
      throw error;
    }
    try {
      return await file(db, scope, key, judged, now);
    } catch (error) {
      // Another award to this applicant or on this claim came first: judge again on it.
      if (!priorAwardsChanged(error)) throw error;
      if (attempt >= MAX_JUDGEMENTS) throw new AppError('CONFLICT');
    }
  }
}

/** How many times a submission is judged again when other awards keep coming first. */
const MAX_JUDGEMENTS = 10;

/** A judged submission written; with a notice period (公示) the award and its place on the board commit together. */
async function file(db: Db, scope: Scope, key: IdempotencyScope, judged: { filing: Filing; noticeDays: number }, now: Date): Promise<FiledApplication> {
  const { filing, noticeDays } = judged;
  if (noticeDays > 0)
    return withTransaction(db, async (tx) => {
      const filed = await fileApplication(tx, key, scope.hub, filing, now);
      if (!filed.replayed) await openRuleOnlyNotice(tx, scope, filed.row, noticeDays, now);
      return filed;
    });
  return fileApplication(db, key, scope.hub, filing, now);
}

/** The program, the applicant and their earlier awards read; the application decided, nothing written. */
async function judgeSubmission(db: Db, scope: Scope, programId: string, input: Input, now: Date): Promise<{ filing: Filing; noticeDays: number }> {
  const { hub, actor } = scope;
  const read = await submissionReads(db, hub.id, programId, actor.userId!, input);
  const { program, rules } = read;
  // A draft the applicant may not read is not there for them (404), not "not open" (409).
  programPolicy.authorize(actor, 'read', { published: program.status === 'published' });
  if (program.status !== 'published') throw new AppError('PROGRAM_NOT_OPEN');
  if (input.draft) return { filing: await draftFiling(db, scope, read, input, now), noticeDays: 0 };
  requireVerified(read.emailVerified);
  admitSubmission(hub, program, rules, input.answers, fileFactsOf(read.files), now);

  const claimKey = claimKeyOf(program, input.answers);
  const { applicant, prior } = applicantOfSubmission(scope, rules, input.organizationId, read.applicant);
  const moment = momentIn(hub.timeZone, now);
  const { form, facts, screening } = screenApplicant(program, rules, applicant, prior, input.answers, moment);

  const id = uuidv7();
  let benefit: BenefitResult | null = null;
  let status: 'approved' | 'refused' | 'submitted' = screening.eligible ? (rules.mode === 'rule_only' ? 'approved' : 'submitted') : 'refused';
  if (status === 'approved') {
    benefit = benefitOf({ program, rules, applicant, form, prior, now: moment });
    if (benefit.amount === 0n) status = 'refused';
  }
  const award = status === 'approved' && benefit ? benefit : null;
  const noticeDays = award ? (rules.review?.noticeWorkingDays ?? 0) : 0;
  // Paid at once: the tranches without a condition, unless the award waits for its notice.
  // The budget line pays the city's share (co-funding: the employer pays the rest itself), each tranche its part of it.
  const cityTranches = award ? splitTranches(award.cityShare, award.tranches) : [];
  const payNow = noticeDays === 0 ? cityTranches.filter((t) => t.condition === null).reduce((sum, t) => sum + t.amount, 0n) : 0n;
  const filing: Filing = {
    application: {
      ...applicationOf(id, program, applicant, actor.userId!),
      status,
      answers: input.answers,
      screening,
      benefit: benefit ? toBenefitExplanation(benefit) : null,
      amount: award?.amount ?? null,
      claimKey,
      onceKey: onceKeyOf(program, applicant, status !== 'refused'),
      // The commitment takes the application's id as its transfer id.
      commitmentId: award ? id : null,
    },
    misses: criterionMissesOf(program, rules, screening, facts),
    commit: award && { year: program.fiscalYear, lineCode: program.budgetLine, amount: award.cityShare, payNow, prior: prior.ids },
    audit: {
      action: `application.${status}`,
      payload: {
        program: program.id,
        version: program.currentVersion,
        applicant: { type: applicant.type, id: applicant.record.id },
        amount: award?.amount.toString() ?? null,
      },
    },
  };
  return { filing, noticeDays };
}

type BenefitContext = {
  program: ProgramRow;
  rules: ProgramRules;
  applicant: Applicant;
  form: ReturnType<typeof formFacts>;
  prior: PriorAwards;
  /** The moment of the pricing where the hub is: the yearly cap counts the awards of its local year. */
  now: Moment;
};

/** What an approval pays under the program's formula, given the applicant's earlier awards. */
export function benefitOf(c: BenefitContext): BenefitResult {
  return computeBenefit(formulaFromJson(c.rules.benefit), {
    program: c.program.id,
    form: c.form,
    talentTier: c.applicant.type === 'person' ? c.applicant.record.talentTier : null,
    degree: c.applicant.type === 'person' ? c.applicant.record.degree : null,
    awardedThisYear: c.prior.awards.filter((a) => a.program === c.program.id && a.year === c.now.year).map((a) => a.amount),
    awardsOnClaim: c.prior.onClaim,
  });
}

/** The columns that say whose application to which program version, for a new row. */
export function applicationOf(id: string, program: { id: string; currentVersion: number }, applicant: Applicant, submittedBy: string) {
  return {
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

export async function getApplication(db: Db | Tx, scope: Scope, id: string): Promise<ApplicationRow> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.hubId, scope.hub.id), eq(applications.id, id)));
  if (!row) throw notFound();
  // The submitter and every member of the applicant company read it (acting is another matter).
  applicationPolicy.authorize(scope.actor, 'read', { own: (await applicationStanding(db, row, scope.actor.userId)).reads });
  return row;
}

/** An application in a list: the row, and whether its approval still waits for the second officer. */
export type ListedApplication = ApplicationRow & { awaitingSecondApproval: boolean };

/**
 * Staff: the hub's applications (optionally of one program); applicants: those they
 * submitted and those of the organisations they are a member of (any role, as
 * `getApplication` reads them), the memberships read in the same query.
 * Newest first (ids are time-ordered): `page.limit + 1` after the page's cursor, each with
 * `awaitingSecondApproval` read in the same query (the reviews module's rule).
 */
export async function listApplications(db: Db | Tx, scope: Scope, programId: string | undefined, page: CursorQuery): Promise<ListedApplication[]> {
  const all = applicationPolicy.can(scope.actor, 'list_all', { own: false });
  if (!all && !scope.actor.userId) throw new AppError('UNAUTHENTICATED');
  // A program named in the filter is one the caller may read, else 404 (not an empty list).
  if (programId) await getProgram(db, scope, programId);
  const key = readCursor(page.next, 1);
  return db
    .select({ ...getTableColumns(applications), awaitingSecondApproval: awaitingSecondApprovalSql() })
    .from(applications)
    .where(
      and(
        eq(applications.hubId, scope.hub.id),
        programId ? eq(applications.programId, programId) : undefined,
        all ? undefined : readsApplicationSql(scope.hub.id, scope.actor.userId!),
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
