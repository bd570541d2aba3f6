import { organizationKinds, sectors } from './organizations.js';
import { personRoles, talentTiers } from './people.js';
import { degrees, type ApplicantType } from './programs.js';

/**
 * The facts a program's criteria (CEL) may read, one list per applicant type: the single
 * declaration the server's CEL environment is built from (server/modules/programs/eligibility.ts)
 * and the list the web's rule builder offers. docs/criteria.md describes each.
 *
 * `cel` is the CEL type; `value` says what a person compares it with: an `option` (one of
 * `options`), `options` (a list holding some of them), a `count` (whole number, with a unit),
 * `money` (int fen), a `percent` (double), a `year`, a `date` (timestamp). `builder: false`
 * facts are CEL-only (the screening's own moment).
 */
export type CriteriaCelType = 'int' | 'double' | 'string' | 'list<string>' | 'timestamp';
export type CriteriaValueKind = 'option' | 'options' | 'count' | 'money' | 'percent' | 'year' | 'date' | 'number' | 'text' | 'bool';
export type CriteriaFact = {
  /** Stable name of the fact, unique across applicant types (the web names it in words by it). */
  id: string;
  /** The CEL path: variable, then field. */
  path: `${'applicant' | 'facts' | 'now'}.${string}`;
  cel: CriteriaCelType;
  value: CriteriaValueKind;
  options?: readonly string[];
  /** What a count counts, for words: people, years, months. */
  unit?: 'people' | 'years' | 'months';
  builder?: false;
};

const marketFacts: CriteriaFact[] = [
  { id: 'valuation', path: 'facts.valuation', cel: 'int', value: 'money' },
  { id: 'revenue', path: 'facts.revenue', cel: 'int', value: 'money' },
  { id: 'fundingRaised', path: 'facts.fundingRaised', cel: 'int', value: 'money' },
  { id: 'marketShare', path: 'facts.marketShare', cel: 'double', value: 'percent' },
];

const moment: CriteriaFact[] = [
  { id: 'nowYear', path: 'now.year', cel: 'int', value: 'year', builder: false },
  { id: 'nowDate', path: 'now.date', cel: 'timestamp', value: 'date', builder: false },
];

export const criteriaFacts: Record<ApplicantType, readonly CriteriaFact[]> = {
  organization: [
    { id: 'kind', path: 'applicant.kind', cel: 'string', value: 'option', options: organizationKinds },
    { id: 'sectors', path: 'applicant.sectors', cel: 'list<string>', value: 'options', options: sectors },
    { id: 'foundedOn', path: 'applicant.foundedOn', cel: 'timestamp', value: 'date' },
    { id: 'foundedYear', path: 'applicant.foundedYear', cel: 'int', value: 'year' },
    { id: 'headcount', path: 'applicant.headcount', cel: 'int', value: 'count', unit: 'people' },
    { id: 'companyAge', path: 'applicant.ageYears', cel: 'int', value: 'count', unit: 'years' },
    ...marketFacts,
    ...moment,
  ],
  person: [
    { id: 'roles', path: 'applicant.roles', cel: 'list<string>', value: 'options', options: personRoles },
    { id: 'talentTier', path: 'applicant.talentTier', cel: 'string', value: 'option', options: [...talentTiers, 'none'] },
    { id: 'degree', path: 'applicant.degree', cel: 'string', value: 'option', options: degrees },
    { id: 'graduatedOn', path: 'applicant.graduatedOn', cel: 'timestamp', value: 'date' },
    { id: 'monthsSinceGraduation', path: 'applicant.monthsSinceGraduation', cel: 'int', value: 'count', unit: 'months' },
    { id: 'bornOn', path: 'applicant.bornOn', cel: 'timestamp', value: 'date' },
    { id: 'personAge', path: 'applicant.ageYears', cel: 'int', value: 'count', unit: 'years' },
    { id: 'socialInsuranceMonths', path: 'applicant.socialInsuranceMonths', cel: 'int', value: 'count', unit: 'months' },
    ...marketFacts,
    ...moment,
  ],
};
