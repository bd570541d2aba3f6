import type { ProgramRules } from '../../../contracts/programs.js';
import type { Tx } from '../../db/connection.js';
import { AppError } from '../../platform/errors.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { answeredFiles } from './answered-files.js';
import { awardsOf, hubToday, type Applicant } from './applications.service.js';
import { formFacts, organizationFacts, personFacts } from './criteria-facts.js';
import { screen } from './eligibility.js';
import { checkAnswers } from './form-answers.js';
import { compiledFor, type ProgramRow } from './programs.service.js';

/**
 * What every submission passes before it is judged (a new application, or a draft sent
 * on): today inside the program's window, every answer there and of its type, files
 * uploaded by one of `owners`.
 */
export async function admitSubmission(tx: Tx, hub: HubRow, program: ProgramRow, rules: ProgramRules, answers: Record<string, unknown>, owners: readonly string[], now: Date): Promise<void> {
  const today = hubToday(hub.timeZone, now);
  if (today < program.opensOn || today > program.closesOn) throw new AppError('OUTSIDE_WINDOW');
  const problems = checkAnswers(rules.form, answers, await answeredFiles(tx, hub.id, owners, rules.form, answers));
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
}

/** The program's criteria on the applicant with these answers; `except` leaves the application itself out of their awards. */
export async function screenApplicant(tx: Tx, program: ProgramRow, rules: ProgramRules, applicant: Applicant, answers: Record<string, unknown>, now: Date, except?: string) {
  const form = formFacts(rules.form, answers);
  const awards = await awardsOf(tx, program.hubId, applicant, except);
  const facts = applicant.type === 'organization' ? organizationFacts(applicant.record, form, awards, now) : personFacts(applicant.record, form, awards, now);
  const screening = screen(compiledFor(program, rules), facts);
  const claimKey = program.claimField && answers[program.claimField] !== undefined ? String(answers[program.claimField]) : null;
  return { form, awards, screening, claimKey };
}

/** The key that holds an applicant's one place in a one-per-applicant program. */
export function onceKeyOf(program: ProgramRow, applicant: Applicant, holdsPlace: boolean): string | null {
  return program.onePerApplicant === 'yes' && holdsPlace ? `${applicant.type}:${applicant.record.id}` : null;
}
