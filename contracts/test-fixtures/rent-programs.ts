import type { ProgramDraft } from '../applications.js';
import type { BenefitFormulaJson } from '../programs.js';

// The real rent-subsidy rules (docs/domain.md) once, for the server's golden schedules and
// ledger tests and the web's rent editor test alike (test code only; nothing served imports it).

/** A rent-subsidy formula as programs store it. */
export type RentRules = Extract<BenefitFormulaJson, { type: 'rent' }>;

const common = { tranches: [{ shareBasisPoints: 10_000, condition: null }], coFunding: null, caps: { perApplicantPerYear: null }, stacking: null };
const full = { basisPoints: 10_000 };

/** Dream Town: 10 m² a person, 3 years rent-free, 2 more after raising CNY 5 m within a year. */
export const dreamTownRules: RentRules = {
  ...common,
  type: 'rent',
  years: [full, full, full],
  capPerSquareMetreMonth: null,
  capArea: null,
  areaPerPerson: 10,
  extension: {
    years: [full, full],
    withinMonths: 12,
    criterion: {
      key: 'raised-5m',
      name: { zh: '一年内融资500万元', en: 'Raised CNY 5 m within a year' },
      expression: 'has(facts.fundingRaised) && facts.fundingRaised >= 500000000',
      reason: { zh: '未达到', en: 'Not yet' },
    },
  },
};

/** Wuchang (Wuhan): 100% of rent in year 1, 50% in years 2-3, at most CNY 80 a m² a month on at most 1,000 m². */
export const wuchangRules: RentRules = {
  ...common,
  type: 'rent',
  years: [full, { basisPoints: 5_000 }, { basisPoints: 5_000 }],
  capPerSquareMetreMonth: '8000',
  capArea: 1000,
  areaPerPerson: null,
  extension: null,
};

/** A rule-only rent-subsidy program for startups on the `rent-subsidy` line (fiscal year 2026). */
export function rentProgramDraft(name: string, rules: RentRules): ProgramDraft {
  return {
    name: { zh: name, en: name },
    description: { zh: name, en: name },
    kind: 'rent_subsidy',
    sectors: ['ai'],
    window: { opensOn: '2026-01-01', closesOn: '2026-12-31' },
    budgetLine: 'rent-subsidy',
    fiscalYear: 2026,
    onePerApplicant: false,
    rules: {
      applicantType: 'organization',
      mode: 'rule_only',
      form: [],
      criteria: [
        {
          key: 'startup',
          name: { zh: '初创企业', en: 'A startup' },
          expression: "applicant.kind == 'startup'",
          reason: { zh: '仅限初创企业', en: 'Startups only' },
        },
      ],
      benefit: rules,
    },
  } as ProgramDraft;
}
