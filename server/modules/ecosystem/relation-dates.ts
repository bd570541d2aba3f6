import type { FieldProblem } from '../../platform/errors.js';

/** What the date rules need to know of a relation and its two ends. */
export type DatedRelation = {
  kind: string;
  startsOn: string | null;
  endsOn: string | null;
  personBornOn: string | null;
  organizationFoundedOn: string | null;
};

const ONE_YEAR_MS = 366 * 24 * 3600 * 1000;

/**
 * The dates a relation may have (pure; used by the API and by imports):
 * nobody founds, joins, studies at or invests before they were born; a "founded"
 * relation starts within a year of the organisation's founding date; nothing ends
 * before it starts.
 */
export function impossibleDates(r: DatedRelation): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (r.startsOn && r.endsOn && r.endsOn < r.startsOn) problems.push({ path: 'endsOn', code: 'ENDS_BEFORE_START' });
  if (r.personBornOn && r.startsOn && r.startsOn < r.personBornOn) problems.push({ path: 'startsOn', code: 'BEFORE_BIRTH' });
  if (r.kind === 'founded' && r.startsOn && r.organizationFoundedOn) {
    const gap = Math.abs(Date.parse(r.startsOn) - Date.parse(r.organizationFoundedOn));
    if (gap > ONE_YEAR_MS) problems.push({ path: 'startsOn', code: 'NOT_NEAR_FOUNDING' });
  }
  return problems;
}
