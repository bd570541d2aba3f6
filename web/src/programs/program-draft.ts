import type { Program, ProgramDraft } from '../api/programs.api';
import type { BenefitFormulaInput, FormField, FormFieldType, ProgramKind } from '../../../contracts/programs';
import { DraftLineError } from './draft-line-error';
import { emptyRentValues, rentRulesFrom, rentValues, type RentValues } from './rent/rent-draft';
import { defaultTranches, trancheRows, tranchesFrom, type TrancheRow } from './tranches/tranche-draft';
import { criterionFrom, criterionValues, factsOf, type CriterionValues } from './rule-builder/criteria-draft';
import { obligationRows, obligationsFromRows, type ObligationRow } from '../obligations/obligation-values';
import { reviewFromValues, reviewValues, ruleOnlyReviewFromValues, type ReviewValues } from './review-draft';
import { minorToInputText, yuanToFen } from '../money/money-math';
import { basisPointsText, percentToBasisPoints } from '../budget/percent';
import { optionsFrom, type OptionRow } from './choice-options';

/** One rate by option of a percentage formula: the option's value and the percent as typed. */
export type RateRow = { option?: string; rate?: string };
/** One row of a table formula: a degree or talent tier and the amount in yuan as typed. */
export type TableRow = { key?: string; amount?: string };

/**
 * The program editor's values: everything a person types, as strings; list-like parts
 * (a choice's options, rates by option, table rows, tranches) as rows. draftFromValues
 * turns them into the ProgramDraft the server checks; valuesFromProgram goes back for editing.
 */
/** `max`: a text's length, a number's or money's (yuan) limit; file limits are kept as they were. */
export type FieldValues = {
  key: string;
  type: FormFieldType;
  labelZh: string;
  labelEn: string;
  required: boolean;
  options?: (OptionRow | undefined)[];
  max?: string;
  accept?: string[];
  maxBytes?: number;
};
export type { CriterionValues, OptionRow };
export type EditorValues = {
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  kind: ProgramKind;
  sectors: string[];
  opensOn: string;
  closesOn: string;
  fiscalYear: string;
  budgetLine: string;
  applicantType: 'organization' | 'person';
  mode: 'rule_only' | 'reviewed';
  claimField?: string;
  onePerApplicant: boolean;
  fields: FieldValues[];
  criteria: CriterionValues[];
  benefitType: 'fixed' | 'percentage' | 'table' | 'rent';
  /** A rent-subsidy formula as rows (years, share, condition), caps and the extension's condition. */
  rent?: RentValues;
  amount?: string;
  of?: string;
  rate?: string;
  choiceField?: string;
  choiceRates?: (RateRow | undefined)[];
  smallAtMost?: string;
  smallRate?: string;
  cap?: string;
  tableBy?: 'talentTier' | 'degree';
  tableRows?: (TableRow | undefined)[];
  tranches: TrancheRow[];
  cityShare?: string;
  annualCap?: string;
  stackingGroup?: string;
  stackingMax?: string;
  /** Reviewed programs: reviewers, rubric, conflicts window, two-person threshold; any program: milestone reports, the notice period. */
  review?: ReviewValues;
  /** What awardees owe after the award. */
  obligations?: ObligationRow[];
};

const fenOrNull = (yuan: string | undefined) => (yuan?.trim() ? yuanToFen(yuan) : null);
const bp = (percent: string | undefined, field: keyof EditorValues) => {
  const value = percentToBasisPoints(percent ?? '');
  if (value === null) throw new DraftLineError(field, 1);
  return value;
};
const percent = (basisPoints: number) => basisPointsText(basisPoints).replace('%', '');
const yuan = (fen: string | null | undefined) => (fen ? minorToInputText(fen) : undefined);

function fieldFrom(v: FieldValues): FormField {
  const base = { key: v.key.trim(), label: { zh: v.labelZh.trim(), en: v.labelEn.trim() }, required: Boolean(v.required) };
  switch (v.type) {
    case 'text':
      return { ...base, type: 'text', maxLength: v.max?.trim() ? Number(v.max) : 500 };
    case 'number':
      return { ...base, type: 'number', max: v.max?.trim() ? Number(v.max) : null };
    case 'money':
      return { ...base, type: 'money', max: fenOrNull(v.max) };
    case 'date':
      return { ...base, type: 'date' };
    case 'choice':
      return {
        ...base,
        type: 'choice',
        options: optionsFrom(v.options),
      };
    case 'file':
      return { ...base, type: 'file', accept: v.accept ?? ['application/pdf', 'image/*'], maxBytes: v.maxBytes ?? 10 * 1024 * 1024 };
  }
}

function benefitFrom(v: EditorValues): BenefitFormulaInput {
  const tranches = tranchesFrom(v.tranches);
  const common = {
    tranches,
    coFunding: v.cityShare?.trim() ? { cityBasisPoints: bp(v.cityShare, 'cityShare') } : null,
    caps: { perApplicantPerYear: fenOrNull(v.annualCap) },
    stacking: v.stackingGroup?.trim() ? { group: v.stackingGroup.trim(), maxCombinedBasisPoints: bp(v.stackingMax, 'stackingMax') } : null,
  };
  if (v.benefitType === 'fixed') return { ...common, type: 'fixed', amount: fenOrNull(v.amount) ?? '' };
  if (v.benefitType === 'rent') return { ...common, type: 'rent', ...rentRulesFrom(v.rent) };
  if (v.benefitType === 'table')
    return {
      ...common,
      type: 'table',
      by: v.tableBy ?? 'degree',
      rows: (v.tableRows ?? []).map((row, i) => {
        const amount = row?.amount?.trim() ? yuanToFen(row.amount) : null;
        if (!amount) throw new DraftLineError(`tableRows.${i}.amount`, i + 1);
        return { key: row?.key ?? '', amount };
      }),
    };
  return {
    ...common,
    type: 'percentage',
    of: v.of ?? '',
    basisPoints: bp(v.rate, 'rate'),
    byChoice: v.choiceField
      ? {
          field: v.choiceField,
          rates: (v.choiceRates ?? []).map((row, i) => {
            const rate = percentToBasisPoints((row?.rate ?? '').replace('%', ''));
            if (rate === null) throw new DraftLineError(`choiceRates.${i}.rate`, i + 1);
            return { option: row?.option ?? '', basisPoints: rate };
          }),
        }
      : null,
    smallClaim: v.smallAtMost?.trim() ? { atMost: fenOrNull(v.smallAtMost) ?? '', basisPoints: bp(v.smallRate, 'smallRate') } : null,
    cap: fenOrNull(v.cap),
  };
}

/** The editor's values as the draft the server validates; throws DraftLineError naming a row's number that does not fit. */
export function draftFromValues(v: EditorValues): ProgramDraft {
  const form = (v.fields ?? []).map(fieldFrom);
  return {
    name: { zh: v.nameZh, en: v.nameEn },
    description: { zh: v.descriptionZh ?? '', en: v.descriptionEn ?? '' },
    kind: v.kind,
    sectors: (v.sectors ?? []) as ProgramDraft['sectors'],
    window: { opensOn: v.opensOn, closesOn: v.closesOn },
    budgetLine: v.budgetLine,
    fiscalYear: Number(v.fiscalYear),
    ...(v.claimField ? { claimField: v.claimField } : {}),
    onePerApplicant: v.onePerApplicant,
    rules: {
      applicantType: v.applicantType,
      mode: v.mode,
      form,
      criteria: (v.criteria ?? []).map((c, i) => criterionFrom(c, i, factsOf(v.applicantType, v.fields))),
      benefit: benefitFrom(v),
      review: v.mode === 'reviewed' ? reviewFromValues(v.review ?? {}) : ruleOnlyReviewFromValues(v.review ?? {}),
      obligations: obligationsFromRows(v.obligations),
    },
  };
}

export const emptyValues = (year: number): EditorValues => ({
  nameZh: '',
  nameEn: '',
  descriptionZh: '',
  descriptionEn: '',
  kind: 'subsidy',
  sectors: [],
  opensOn: `${year}-01-01`,
  closesOn: `${year}-12-31`,
  fiscalYear: String(year),
  budgetLine: '',
  applicantType: 'organization',
  mode: 'rule_only',
  onePerApplicant: true,
  fields: [],
  criteria: [],
  benefitType: 'fixed',
  tranches: defaultTranches(),
  rent: emptyRentValues(),
  review: reviewValues(null),
  obligations: [],
});

/**
 * A new program's values on the hub's `today` (YYYY-MM-DD): open from today to the end of the
 * year, on this year's budget (whose lines the editor offers), never from a day already past.
 */
export function newProgramValues(today: string): EditorValues {
  const year = Number(today.slice(0, 4));
  return { ...emptyValues(year), opensOn: today };
}

/** A program (with its rules: staff only) as editor values. */
export function valuesFromProgram(p: Program): EditorValues {
  const rules = p.rules!;
  const b = rules.benefit;
  const values: EditorValues = {
    nameZh: p.name.zh,
    nameEn: p.name.en,
    descriptionZh: p.description.zh,
    descriptionEn: p.description.en,
    kind: p.kind,
    sectors: p.sectors,
    opensOn: p.window.opensOn,
    closesOn: p.window.closesOn,
    fiscalYear: String(p.fiscalYear),
    budgetLine: p.budgetLine,
    applicantType: rules.applicantType,
    mode: rules.mode,
    claimField: p.claimField ?? undefined,
    onePerApplicant: p.onePerApplicant,
    fields: rules.form.map((f) => ({
      key: f.key,
      type: f.type,
      labelZh: f.label.zh,
      labelEn: f.label.en,
      required: f.required,
      options: f.type === 'choice' ? f.options.map((o) => ({ key: o.value, zh: o.label.zh, en: o.label.en })) : undefined,
      max: f.type === 'money' ? yuan(f.max) : f.type === 'number' && f.max !== null ? String(f.max) : f.type === 'text' ? String(f.maxLength) : undefined,
      ...(f.type === 'file' && { accept: f.accept, maxBytes: f.maxBytes }),
    })),
    criteria: [],
    benefitType: b.type,
    tranches: trancheRows(b.tranches),
    cityShare: b.coFunding ? percent(b.coFunding.cityBasisPoints) : undefined,
    annualCap: yuan(b.caps.perApplicantPerYear),
    stackingGroup: b.stacking?.group,
    stackingMax: b.stacking ? percent(b.stacking.maxCombinedBasisPoints) : undefined,
    review: reviewValues(rules.review),
    obligations: obligationRows(rules.obligations),
  };
  values.criteria = rules.criteria.map((c) => criterionValues(c, factsOf(rules.applicantType, values.fields)));
  if (b.type === 'fixed') values.amount = yuan(b.amount);
  if (b.type === 'rent') values.rent = rentValues(b);
  if (b.type === 'table') {
    values.tableBy = b.by;
    values.tableRows = b.rows.map((r) => ({ key: r.key, amount: yuan(r.amount) }));
  }
  if (b.type === 'percentage') {
    values.of = b.of;
    values.rate = percent(b.basisPoints);
    values.choiceField = b.byChoice?.field;
    values.choiceRates = b.byChoice?.rates.map((r) => ({ option: r.option, rate: percent(r.basisPoints) }));
    values.smallAtMost = b.smallClaim ? yuan(b.smallClaim.atMost) : undefined;
    values.smallRate = b.smallClaim ? percent(b.smallClaim.basisPoints) : undefined;
    values.cap = yuan(b.cap);
  }
  return values;
}
