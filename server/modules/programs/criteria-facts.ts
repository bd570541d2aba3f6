import type { Degree, FormField } from '../../../contracts/programs.js';
import { localToday } from '../../platform/hub-time.js';
import type { OrganizationRecord, PersonRecord } from '../ecosystem/index.js';
import type { AwardFact, CriteriaFacts, FormAnswer } from './eligibility.js';

/**
 * The moment of a screening as the hub counts it: `date` the instant, `day` the hub's local
 * day it falls on (midnight UTC of that date, as date facts are), `year` that day's year.
 * `now.year`, ages, months since graduation and the yearly cap count in the hub's calendar,
 * not UTC's: in Asia/Shanghai 1 January begins at 16:00 UTC on 31 December.
 */
export type Moment = { date: Date; day: Date; year: bigint };

/** The moment `now` where the hub is (once per screening or run, not per applicant). */
export function momentIn(timeZone: string, now: Date): Moment {
  const day = new Date(`${localToday(timeZone, now)}T00:00:00Z`);
  return { date: now, day, year: BigInt(day.getUTCFullYear()) };
}

/** The facts a criterion sees, built from ecosystem records (types exactly as the CEL environment declares them). */
export function organizationFacts(org: OrganizationRecord, form: Record<string, FormAnswer>, awards: AwardFact[], now: Moment): CriteriaFacts {
  // Built field by field (no spread of temporaries): simulation builds one per organisation of the hub per run.
  const applicant: CriteriaFacts['applicant'] = { kind: org.kind, sectors: org.sectors };
  if (org.foundedOn) {
    const founded = new Date(`${org.foundedOn}T00:00:00Z`);
    applicant.foundedOn = founded;
    applicant.foundedYear = BigInt(founded.getUTCFullYear());
    applicant.ageYears = BigInt(yearsBetween(founded, now.day));
  }
  const headcount = org.latest.headcount ?? org.headcount;
  if (headcount != null) applicant.headcount = BigInt(Math.trunc(headcount));
  return { applicant, facts: pick(org.latest), form, awards, now: { year: now.year, date: now.date } };
}

export function personFacts(person: PersonRecord, form: Record<string, FormAnswer>, awards: AwardFact[], now: Moment): CriteriaFacts {
  const born = person.bornOn ? new Date(`${person.bornOn}T00:00:00Z`) : undefined;
  const graduated = person.graduatedOn ? new Date(`${person.graduatedOn}T00:00:00Z`) : undefined;
  return {
    applicant: {
      roles: person.roles,
      talentTier: person.talentTier ?? 'none',
      degree: (person.degree === 'other' ? 'junior_college' : (person.degree ?? 'none')) as Degree,
      ...(born && { bornOn: born, ageYears: BigInt(yearsBetween(born, now.day)) }),
      ...(graduated && { graduatedOn: graduated, monthsSinceGraduation: BigInt(monthsBetween(graduated, now.day)) }),
    },
    facts: {},
    form,
    awards,
    now: { year: now.year, date: now.date },
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
