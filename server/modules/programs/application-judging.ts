import type { ProgramRules } from '../../../contracts/programs.js';
import { AppError } from '../../platform/errors.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import type { FileFacts } from '../../platform/files/index.js';
import type { Applicant } from './applications.service.js';
import type { PriorAwards } from './prior-awards.js';
import { formFacts, organizationFacts, personFacts, type Moment } from './criteria-facts.js';
import { marginsOf, type CriterionMargin } from './criterion-margins.js';
import { screen, type CriteriaFacts, type ScreenResult } from './eligibility.js';
import { checkAnswers } from './form-answers.js';
import { compiledFor, type ProgramRow } from './programs.service.js';
import { localToday } from '../../platform/hub-time.js';

/**
 * What every submission passes before it is judged (a new application, or a draft sent
 * on): today inside the program's window, every answer there and of its type, files
 * uploaded by the applicant (`files`: the uploaded files the answers name, read with
 * `answeredFiles` or with the program by `submissionReads`).
 */
export function admitSubmission(
  hub: HubRow,
  program: ProgramRow,
  rules: ProgramRules,
  answers: Record<string, unknown>,
  files: ReadonlyMap<string, FileFacts>,
  now: Date,
): void {
  if (!isWindowOpen(program, localToday(hub.timeZone, now))) throw new AppError('OUTSIDE_WINDOW');
  const problems = checkAnswers(rules.form, answers, files);
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
}

/** Whether the hub's `today` falls in the program's application window (both ends included). */
export function isWindowOpen(program: Pick<ProgramRow, 'opensOn' | 'closesOn'>, today: string): boolean {
  return program.opensOn <= today && today <= program.closesOn;
}

/** What the application claims for (the answer the program names as its claim: a contract, an invoice), or null. */
export function claimKeyOf(program: Pick<ProgramRow, 'claimField'>, answers: Record<string, unknown>): string | null {
  return program.claimField && answers[program.claimField] !== undefined ? String(answers[program.claimField]) : null;
}

/** The program's criteria on the applicant, their earlier awards (read with them) and these answers, at `now` where the hub is. */
export function screenApplicant(
  program: ProgramRow,
  rules: ProgramRules,
  applicant: Applicant,
  prior: PriorAwards,
  answers: Record<string, unknown>,
  now: Moment,
): { form: ReturnType<typeof formFacts>; facts: CriteriaFacts; screening: ScreenResult } {
  const form = formFacts(rules.form, answers);
  const facts =
    applicant.type === 'organization' ? organizationFacts(applicant.record, form, prior.awards, now) : personFacts(applicant.record, form, prior.awards, now);
  const screening = screen(compiledFor(program, rules), facts);
  return { form, facts, screening };
}

/**
 * A rule-only refusal by the criteria: how far each numeric criterion it failed was
 * missed (criterion-margins.ts), kept with the application for the outcome study's narrow
 * misses. None for a pass or a reviewed program.
 */
export function criterionMissesOf(program: ProgramRow, rules: ProgramRules, screening: ScreenResult, facts: CriteriaFacts): CriterionMargin[] {
  if (rules.mode !== 'rule_only' || screening.eligible) return [];
  return marginsOf(compiledFor(program, rules), screening, facts, rules.form);
}

/** The key that holds an applicant's one place in a one-per-applicant program. */
export function onceKeyOf(program: ProgramRow, applicant: Applicant, holdsPlace: boolean): string | null {
  return program.onePerApplicant === 'yes' && holdsPlace ? `${applicant.type}:${applicant.record.id}` : null;
}
