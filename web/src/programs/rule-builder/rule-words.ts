import type { TFunction } from 'i18next';
import type { Locale } from '../../../../contracts/error-messages';
import { formatMoney } from '../../money/format-money';
import { majorToMinor } from '../../money/money-math';
import { rowToCel } from './rule-to-cel';
import type { BuilderFact, Rule, RuleOp, RuleRow } from './rule-rows';

/**
 * A rule said as one sentence in the reader's language ("It is a startup or a company, and
 * it has fewer than 300 employees." / "机构类型为初创企业或企业，且员工人数少于300人。"),
 * or null while a row is incomplete. Each fact is a clause in programs.ruleBuilder.
 */
const numeric: RuleOp[] = ['ge', 'gt', 'le', 'lt', 'eq', 'ne'];
const say = (t: TFunction, key: string, vars: Record<string, string>) => t(`programs.ruleBuilder.${key}` as never, vars) as unknown as string;

function valueText(fact: BuilderFact, value: string, locale: Locale): string {
  switch (fact.value) {
    case 'money':
      return formatMoney(majorToMinor(value) ?? '0', locale);
    case 'count':
      return new Intl.NumberFormat(locale).format(Number(value));
    case 'date':
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
    default:
      return value.trim();
  }
}

function optionText(fact: BuilderFact, option: string, t: TFunction, locale: Locale, atLeast = false): string {
  const label = fact.optionLabels?.[option];
  if (label) return locale === 'zh-CN' ? label.zh : label.en;
  return say(t, `words.${atLeast ? 'degreeAtLeast' : fact.id}.${option}`, {});
}

/** One row as a clause, or null when incomplete. */
export function rowWords(row: RuleRow, facts: readonly BuilderFact[], t: TFunction, locale: Locale): string | null {
  const fact = facts.find((f) => f.id === row.fact);
  if (!fact || rowToCel(row, facts) === null) return null;
  const answer = fact.label !== undefined;
  const label = fact.label ? (locale === 'zh-CN' ? fact.label.zh : fact.label.en) : '';
  const prefix = answer ? 'answer' : `facts.${fact.id}`;
  const list = (values: string[]) => new Intl.ListFormat(locale, { type: 'disjunction' }).format(values.map((v) => optionText(fact, v, t, locale)));
  if (row.values) return say(t, `${prefix}.${row.op}`, { label, values: list(row.values) });
  if (row.op === 'atLeast') return say(t, `${prefix}.atLeast`, { label, value: optionText(fact, row.value ?? '', t, locale, true) });
  const value = valueText(fact, row.value ?? '', locale);
  if (numeric.includes(row.op) && fact.value !== 'text') {
    const scale = fact.value === 'year' ? 'compareYear' : fact.unit === 'people' ? 'compareCount' : 'compare';
    return say(t, `${prefix}.compare`, { label, cmp: say(t, `${scale}.${row.op}`, { value }) });
  }
  return say(t, `${prefix}.${row.op}`, { label, value });
}

/** The whole rule as a sentence, or null while a row is incomplete. */
export function ruleWords(rule: Rule, facts: readonly BuilderFact[], t: TFunction, locale: Locale): string | null {
  const clauses = rule.rows.map((row) => rowWords(row, facts, t, locale));
  if (clauses.length === 0 || clauses.some((c) => c === null)) return null;
  const parts = clauses as string[];
  if (locale === 'zh-CN') {
    const last = parts.length > 1 ? `，${rule.join === 'all' ? '且' : '或'}${parts.at(-1)}` : parts[0];
    return `${parts.length > 1 ? parts.slice(0, -1).join('，') : ''}${last}。`;
  }
  const sentence = new Intl.ListFormat('en-US', { type: rule.join === 'all' ? 'conjunction' : 'disjunction' }).format(parts);
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
