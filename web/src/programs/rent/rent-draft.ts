import type { BenefitFormulaJson } from '../../../../contracts/programs';
import { minorToInputText, yuanToFen } from '../../money/money-math';
import { basisPointsText, percentToBasisPoints } from '../../budget/percent';
import { DraftLineError } from '../draft-line-error';
import { expressionOf, factsOf, ruleValueOf, type RuleValue } from '../rule-builder/criteria-draft';

type RentFormula = Extract<BenefitFormulaJson, { type: 'rent' }>;

/** What the extension's condition may compare: an organisation's facts (it is checked daily, long after any form). */
export const rentConditionFacts = factsOf('organization', []);
/** The rent parts of a formula (the common parts, tranches and caps, are the editor's). */
export type RentRules = Pick<RentFormula, 'years' | 'capPerSquareMetreMonth' | 'capArea' | 'areaPerPerson' | 'extension'>;

/**
 * One row of a rent subsidy as the editor holds it: lease years `from`–`to` (1-based,
 * inclusive) at a share of the rent, always or only once the condition holds (the years
 * after the plain rows: Dream Town's two more free years after raising CNY 5 m).
 */
export type RentRow = { from: string; to: string; share: string; when: 'always' | 'condition' };
/** The rent section of the editor: rows, caps (yuan, m²) and the condition. */
export type RentValues = {
  rows: RentRow[];
  capPerM2?: string;
  capArea?: string;
  areaPerPerson?: string;
  conditionZh?: string;
  conditionEn?: string;
  /** The condition as rule rows (or CEL the rows cannot show), as a criterion's rule is edited. */
  condition?: RuleValue;
  withinMonths?: string;
  /** The condition's key and reason as loaded (the editor does not change them). */
  conditionKey?: string;
  reason?: { zh: string; en: string };
};

const percent = (basisPoints: number) => basisPointsText(basisPoints).replace('%', '');
const number = (text: string | undefined) => (text?.trim() ? Number(text.trim()) : null);

/** Consecutive years at one share become one row. */
function rowsOf(years: readonly { basisPoints: number }[], offset: number, when: RentRow['when']): RentRow[] {
  const rows: RentRow[] = [];
  years.forEach((y, i) => {
    const last = rows.at(-1);
    if (last && last.share === percent(y.basisPoints)) last.to = String(offset + i + 1);
    else rows.push({ from: String(offset + i + 1), to: String(offset + i + 1), share: percent(y.basisPoints), when });
  });
  return rows;
}

export const emptyRentValues = (): RentValues => ({ rows: [{ from: '1', to: '1', share: '100', when: 'always' }] });

export function rentValues(rules: RentRules): RentValues {
  const ext = rules.extension;
  return {
    rows: [...rowsOf(rules.years, 0, 'always'), ...(ext ? rowsOf(ext.years, rules.years.length, 'condition') : [])],
    capPerM2: rules.capPerSquareMetreMonth ? minorToInputText(rules.capPerSquareMetreMonth) : undefined,
    capArea: rules.capArea === null ? undefined : String(rules.capArea),
    areaPerPerson: rules.areaPerPerson === null ? undefined : String(rules.areaPerPerson),
    conditionZh: ext?.criterion.name.zh,
    conditionEn: ext?.criterion.name.en,
    condition: ext ? ruleValueOf(ext.criterion.expression, rentConditionFacts) : undefined,
    withinMonths: ext ? String(ext.withinMonths) : undefined,
    conditionKey: ext?.criterion.key,
    reason: ext?.criterion.reason,
  };
}

/**
 * The rows as the formula's years: the plain rows cover years 1..n with no gap or overlap,
 * the condition's rows the years right after. A row that does not fit throws
 * DraftLineError naming it (`rent.rows.<i>.from`); numbers the server checks (a share
 * above 100%, a cap of 0) go through so that its 400 names the field.
 */
export function rentRulesFrom(v: RentValues | undefined): RentRules {
  const rows = v?.rows ?? [];
  const years: { basisPoints: number }[] = [];
  const extra: { basisPoints: number }[] = [];
  rows.forEach((r, i) => {
    const from = number(r.from);
    const to = number(r.to);
    const share = percentToBasisPoints((r.share ?? '').replace('%', ''));
    const into = r.when === 'condition' ? extra : years;
    const next = r.when === 'condition' ? years.length + extra.length + 1 : years.length + 1;
    if (r.when !== 'condition' && extra.length > 0) throw new DraftLineError(`rent.rows.${i}.when`, i + 1);
    if (from !== next) throw new DraftLineError(`rent.rows.${i}.from`, i + 1);
    if (to === null || !Number.isInteger(to) || to < from || to > 10) throw new DraftLineError(`rent.rows.${i}.to`, i + 1);
    if (share === null) throw new DraftLineError(`rent.rows.${i}.share`, i + 1);
    for (let y = from; y <= to; y++) into.push({ basisPoints: share });
  });
  const expression = extra.length > 0 && v?.condition ? expressionOf(v.condition, rentConditionFacts) : '';
  // A condition row not filled in yet: the condition's rows are one line of the form.
  if (expression === null) throw new DraftLineError('rent.condition', 1);
  const extension =
    extra.length > 0
      ? {
          years: extra,
          withinMonths: number(v?.withinMonths) ?? 0,
          criterion: {
            key: v?.conditionKey ?? 'extension',
            name: { zh: v?.conditionZh?.trim() ?? '', en: v?.conditionEn?.trim() ?? '' },
            expression,
            reason: v?.reason ?? { zh: '条件尚未满足', en: 'The condition does not hold yet' },
          },
        }
      : null;
  return {
    years,
    capPerSquareMetreMonth: v?.capPerM2?.trim() ? (yuanToFen(v.capPerM2) ?? v.capPerM2) : null,
    capArea: number(v?.capArea),
    areaPerPerson: number(v?.areaPerPerson),
    extension,
  };
}
