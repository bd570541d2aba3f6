import type { ProgramRules } from '../../../contracts/programs.js';
import type { simulationGroupings } from '../../../contracts/simulation.js';
import type { OrganizationRecord, PersonRecord } from '../ecosystem/index.js';
import { computeBenefit, formulaFromJson, type BenefitFormula } from './benefits.js';
import { isEligible, type CriteriaFacts, type FormAnswer } from './eligibility.js';
import { matchReasons, prepareForMatching, type MatchProgram } from './matching.js';

/**
 * The policy cost engine: a version of a program's rules run over applicants as matching
 * runs them (criteria that read the form are left out: nobody has applied), each one who
 * qualifies priced by the benefit formula with answers the officer assumes. Pure: the
 * service streams applicants in; a tally adds them up.
 */

export type Grouping = (typeof simulationGroupings)[number];

export type SimulatedRules = {
  match: MatchProgram;
  formula: BenefitFormula;
  form: Record<string, FormAnswer>;
  atApplication: string[];
};

/** Compiles one version for simulation; null if its criteria do not compile. */
export function prepareSimulation(programId: string, version: number, rules: ProgramRules, form: Record<string, FormAnswer>): SimulatedRules | null {
  const match = prepareForMatching(programId, version, rules);
  if (!match) return null;
  return { match, formula: formulaFromJson(rules.benefit), form, atApplication: matchReasons(rules).atApplication };
}

export type SimApplicant = {
  id: string;
  facts: CriteriaFacts;
  record: OrganizationRecord | PersonRecord;
  /** This applicant's awards of this program in the current year (the annual cap). */
  awardedThisYear: readonly bigint[];
};

/** What one version pays this applicant (the city's share), or null when it does not qualify. */
export function simulateOne(rules: SimulatedRules, a: SimApplicant): bigint | null {
  if (!isEligible(rules.match.compiled, a.facts)) return null;
  const person = 'talentTier' in a.record ? a.record : null;
  const result = computeBenefit(rules.formula, {
    program: rules.match.id,
    form: rules.form,
    talentTier: person?.talentTier ?? null,
    degree: person?.degree ?? null,
    awardedThisYear: a.awardedThisYear,
    awardsOnClaim: [],
  });
  return result.cityShare;
}

/** The groups an applicant counts in, per breakdown (an organisation counts in each of its sectors; `none`: not said). */
export function groupsOf(record: OrganizationRecord | PersonRecord): Partial<Record<Grouping, string[]>> {
  if ('talentTier' in record) return { talentTier: [record.talentTier ?? 'none'], degree: [record.degree ?? 'none'] };
  const headcount = record.latest.headcount ?? record.headcount;
  return { sector: record.sectors.length ? record.sectors : ['none'], size: [sizeBand(headcount)], district: [record.district ?? 'none'] };
}

/** Headcount bands (the usual micro / small / medium / large cut-offs). */
export function sizeBand(headcount: number | null | undefined): string {
  if (headcount == null) return 'unknown';
  if (headcount < 10) return '1-9';
  if (headcount < 50) return '10-49';
  if (headcount < 250) return '50-249';
  return '250+';
}

type Change = { count: number; sample: string[] };
const SAMPLE = 20;

/** Adds up a draft and the current version over the same applicants. */
export class SimulationTally {
  evaluated = 0;
  draft = { qualify: 0, cost: 0n };
  current = { qualify: 0, cost: 0n };
  gained: Change = { count: 0, sample: [] };
  lost: Change = { count: 0, sample: [] };
  private amounts: bigint[] = [];
  private groups = new Map<Grouping, Map<string, { qualify: number; cost: bigint }>>();

  add(a: SimApplicant, draft: bigint | null, current: bigint | null): void {
    this.evaluated++;
    if (current !== null) {
      this.current.qualify++;
      this.current.cost += current;
    }
    if (draft !== null) {
      this.draft.qualify++;
      this.draft.cost += draft;
      this.amounts.push(draft);
      for (const [by, keys] of Object.entries(groupsOf(a.record)) as [Grouping, string[]][]) {
        const rows = this.groups.get(by) ?? this.groups.set(by, new Map()).get(by)!;
        for (const key of keys) {
          const row = rows.get(key) ?? rows.set(key, { qualify: 0, cost: 0n }).get(key)!;
          row.qualify++;
          row.cost += draft;
        }
      }
    }
    if (draft !== null && current === null) note(this.gained, a.id);
    if (draft === null && current !== null) note(this.lost, a.id);
  }

  /** min / median / max of one award; null when nobody qualifies. */
  amountSpread(): { min: bigint; median: bigint; max: bigint } | null {
    if (this.amounts.length === 0) return null;
    const sorted = [...this.amounts].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    return { min: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]!, max: sorted.at(-1)! };
  }

  /** Each breakdown's rows, largest first. */
  breakdowns(): { by: Grouping; rows: { key: string; qualify: number; cost: bigint }[] }[] {
    return [...this.groups.entries()].map(([by, rows]) => ({
      by,
      rows: [...rows.entries()].map(([key, r]) => ({ key, ...r })).sort((x, y) => y.qualify - x.qualify || x.key.localeCompare(y.key)),
    }));
  }
}

function note(change: Change, id: string): void {
  change.count++;
  if (change.sample.length < SAMPLE) change.sample.push(id);
}

/** The expected cost under a take-up rate, and its share of what the line has left (basis points, rounded down). */
export function expectedCost(cost: bigint, takeUpBasisPoints: number, budgetLeft: bigint | null): { expected: bigint; share: number | null } {
  const expected = (cost * BigInt(takeUpBasisPoints)) / 10_000n;
  const share = budgetLeft !== null && budgetLeft > 0n ? Number((expected * 10_000n) / budgetLeft) : null;
  return { expected, share };
}
