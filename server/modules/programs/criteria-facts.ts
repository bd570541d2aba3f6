import type { Degree, FormField } from '../../../contracts/programs.js';
import type { OrganizationRecord, PersonRecord } from '../ecosystem/index.js';
import type { AwardFact, CriteriaFacts, FormAnswer } from './eligibility.js';

/** The facts a criterion sees, built from ecosystem records (types exactly as the CEL environment declares them). */
export function organizationFacts(org: OrganizationRecord, form: Record<string, FormAnswer>, awards: AwardFact[], now: Date): CriteriaFacts {
  // Built field by field (no spread of temporaries): simulation builds one per organisation of the hub per run.
  const applicant: CriteriaFacts['applicant'] = { kind: org.kind, sectors: org.sectors };
  if (org.foundedOn) {
    const founded = new Date(`${org.foundedOn}T00:00:00Z`);
    applicant.foundedOn = founded;
    applicant.foundedYear = BigInt(founded.getUTCFullYear());
    applicant.ageYears = BigInt(yearsBetween(founded, now));
  }
  const headcount = org.latest.headcount ?? org.headcount;
  if (headcount != null) applicant.headcount = BigInt(Math.trunc(headcount));
  return { applicant, facts: pick(org.latest), form, awards, now: { year: BigInt(now.getUTCFullYear()), date: now } };
}

export function personFacts(person: PersonRecord, form: Record<string, FormAnswer>, awards: AwardFact[], now: Date): CriteriaFacts {
  const born = person.bornOn ? new Date(`${person.bornOn}T00:00:00Z`) : undefined;
  const graduated = person.graduatedOn ? new Date(`${person.graduatedOn}T00:00:00Z`) : undefined;
  return {
    applicant: {
      roles: person.roles,
      talentTier: person.talentTier ?? 'none',
      degree: (person.degree === 'other' ? 'junior_college' : (person.degree ?? 'none')) as Degree,
      ...(born && { bornOn: born, ageYears: BigInt(yearsBetween(born, now)) }),
      ...(graduated && { graduatedOn: graduated, monthsSinceGraduation: BigInt(monthsBetween(graduated, now)) }),
    },
    facts: {},
    form,
    awards,
    now: { year: BigInt(now.getUTCFullYear()), date: now },
  };
}

/** Answers as the form declares them: money as bigint fen, numbers as doubles, dates as Dates. */
export function formFacts(fields: readonly FormField[], answers: Record<string, unknown>): Record<string, FormAnswer> {
  const out: Record<string, FormAnswer> = {};
  for (const f of fields) {
    const v = answers[f.key];
    if (v === undefined || v === null || v === '') continue;
    if (f.type === 'money') out[f.key] = BigInt(String(v));
    else if (f.type === 'number') out[f.key] = Number(v);
    else if (f.type === 'date') out[f.key] = new Date(`${String(v)}T00:00:00Z`);
    else if (f.type === 'file') out[f.key] = Boolean(v);
    else out[f.key] = String(v);
  }
  return out;
}

function yearsBetween(from: Date, to: Date): number {
  let years = to.getUTCFullYear() - from.getUTCFullYear();
  if (to.getUTCMonth() < from.getUTCMonth() || (to.getUTCMonth() === from.getUTCMonth() && to.getUTCDate() < from.getUTCDate())) years--;
  return Math.max(0, years);
}

function monthsBetween(from: Date, to: Date): number {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months--;
  return Math.max(0, months);
}

function pick(latest: OrganizationRecord['latest']): CriteriaFacts['facts'] {
  const facts: CriteriaFacts['facts'] = {};
  if (latest.valuation !== undefined) facts.valuation = latest.valuation;
  if (latest.revenue !== undefined) facts.revenue = latest.revenue;
  if (latest.fundingRaised !== undefined) facts.fundingRaised = latest.fundingRaised;
  if (latest.marketShare !== undefined) facts.marketShare = latest.marketShare;
  return facts;
}
