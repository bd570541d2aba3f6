import { degrees } from '../../../../contracts/programs';
import { majorToMinor } from '../../money/money-math';
import { takesValue, takesValues, type BuilderFact, type Rule, type RuleOp, type RuleRow } from './rule-rows';

/** The CEL a rule writes, or which rows are not complete yet (0-based). */
export type CelResult = { ok: true; cel: string } | { ok: false; invalid: number[] };

const symbols: Partial<Record<RuleOp, string>> = { ge: '>=', gt: '>', le: '<=', lt: '<', eq: '==', ne: '!=', before: '<', onOrAfter: '>=' };
const str = (text: string) => JSON.stringify(text);
const list = (values: string[]) => `[${values.map(str).join(', ')}]`;

function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The literal a row's value becomes, or null when the value does not fit the fact. */
function literal(fact: BuilderFact, value: string): string | null {
  const text = value.trim();
  switch (fact.value) {
    case 'count':
      return /^\d{1,9}$/.test(text) ? String(Number(text)) : null;
    case 'year':
      return /^\d{4}$/.test(text) ? text : null;
    case 'money':
      return majorToMinor(text);
    case 'percent':
    case 'number':
      return /^-?\d{1,12}(\.\d{1,6})?$/.test(text) ? text : null;
    case 'date':
      return isDay(text) ? `timestamp(${str(`${text}T00:00:00Z`)})` : null;
    case 'text':
      return text && text.length <= 200 ? str(text) : null;
    default:
      return null;
  }
}

/** One row as CEL, or null when it is not complete or does not fit its fact. */
export function rowToCel(row: RuleRow, facts: readonly BuilderFact[]): string | null {
  const fact = facts.find((f) => f.id === row.fact);
  if (!fact) return null;
  const p = fact.path;
  if (takesValues(row.op)) {
    const values = row.values ?? [];
    if (values.length === 0 || values.some((v) => !fact.options?.includes(v))) return null;
    const one = values.length === 1 ? str(values[0]!) : null;
    switch (row.op) {
      case 'in':
        return one ? `${p} == ${one}` : `${p} in ${list(values)}`;
      case 'notIn':
        return one ? `${p} != ${one}` : `!(${p} in ${list(values)})`;
      case 'any':
        return one ? `${one} in ${p}` : `${p}.exists(x, x in ${list(values)})`;
      default:
        return one ? `!(${one} in ${p})` : `!${p}.exists(x, x in ${list(values)})`;
    }
  }
  if (!takesValue(row.op)) return row.op === 'yes' ? p : `!${p}`;
  const value = row.value ?? '';
  if (row.op === 'atLeast') {
    const rank = (degrees as readonly string[]).indexOf(value);
    return rank < 0 ? null : `degreeRank(${p}) >= ${rank}`;
  }
  const symbol = symbols[row.op];
  const lit = literal(fact, value);
  return symbol && lit !== null ? `${p} ${symbol} ${lit}` : null;
}

/** The rule's CEL: its rows joined by && (all) or || (any). */
export function ruleToCel(rule: Rule, facts: readonly BuilderFact[]): CelResult {
  const parts = rule.rows.map((row) => rowToCel(row, facts));
  const invalid = parts.flatMap((part, index) => (part === null ? [index] : []));
  if (invalid.length > 0 || parts.length === 0) return { ok: false, invalid };
  return { ok: true, cel: parts.join(rule.join === 'all' ? ' && ' : ' || ') };
}
