import type { ApplicantType, Criterion, FormFieldType } from '../../../../contracts/programs';
import { DraftLineError } from '../draft-line-error';
import { optionsFrom, type OptionRow } from '../choice-options';
import { celToRule } from './cel-to-rule';
import { builderFacts, type BuilderFact, type BuilderField, type Rule } from './rule-rows';
import { ruleToCel } from './rule-to-cel';

/**
 * A criterion's rule as the editor holds it: rows, or CEL typed by hand (also what rows cannot
 * show). Rows read from saved CEL keep that text (`typed`) until a row changes, so opening and
 * saving a program never rewrites a rule nobody touched.
 */
export type RuleValue = { mode: 'rows'; rule: Rule; typed?: string } | { mode: 'cel'; expression: string };

/**
 * A criterion in the editor. `autoZh`/`autoEn` are the names the builder last wrote from
 * the rule's words: while a name still reads so, the builder keeps it in step.
 */
export type CriterionValues = {
  key: string;
  nameZh: string;
  nameEn: string;
  rule: RuleValue;
  reasonZh: string;
  reasonEn: string;
  autoZh?: string;
  autoEn?: string;
};

/** The form fields as the editor holds them (a choice's options as rows, each with its value as `key`). */
type FieldLike = { key?: string; type?: FormFieldType; labelZh?: string; labelEn?: string; options?: readonly (OptionRow | undefined)[] };

export function builderFieldsOf(fields: readonly (FieldLike | undefined)[] | undefined): BuilderField[] {
  return (fields ?? []).flatMap((f) => {
    if (!f?.key?.trim() || !f.type) return [];
    // An option not yet named reads as its value (or its other label) in the rule's words.
    const options = optionsFrom(f.options).map(({ value, label }) => {
      const zh = label.zh || label.en || value;
      return { value, label: { zh, en: label.en || zh } };
    });
    const key = f.key.trim();
    return [{ key, type: f.type, label: { zh: f.labelZh?.trim() || key, en: f.labelEn?.trim() || key }, options }];
  });
}

/** The facts a criterion of this program may compare. */
export const factsOf = (applicantType: ApplicantType | undefined, fields: readonly (FieldLike | undefined)[] | undefined): BuilderFact[] =>
  builderFacts(applicantType ?? 'organization', builderFieldsOf(fields));

/** A rule's CEL: typed, or written from complete rows; null while a row is incomplete. */
export function expressionOf(rule: RuleValue | undefined, facts: readonly BuilderFact[]): string | null {
  if (!rule) return null;
  if (rule.mode === 'cel') return rule.expression;
  if (rule.typed !== undefined) return rule.typed;
  const cel = ruleToCel(rule.rule, facts);
  return cel.ok ? cel.cel : null;
}

/** Rows when the builder can show the expression, else CEL. */
export function ruleValueOf(expression: string, facts: readonly BuilderFact[]): RuleValue {
  const rule = celToRule(expression, facts);
  return rule ? { mode: 'rows', rule, typed: expression } : { mode: 'cel', expression };
}

export function criterionFrom(c: CriterionValues, index: number, facts: readonly BuilderFact[]): Criterion {
  const expression = expressionOf(c.rule, facts);
  if (expression === null) {
    const cel = c.rule.mode === 'rows' ? ruleToCel(c.rule.rule, facts) : null;
    throw new DraftLineError(`criteria.${index}`, cel && !cel.ok ? (cel.invalid[0] ?? 0) + 1 : 1);
  }
  return { key: c.key.trim(), name: { zh: c.nameZh, en: c.nameEn }, expression, reason: { zh: c.reasonZh, en: c.reasonEn } };
}

export function criterionValues(c: Criterion, facts: readonly BuilderFact[]): CriterionValues {
  return { key: c.key, nameZh: c.name.zh, nameEn: c.name.en, rule: ruleValueOf(c.expression, facts), reasonZh: c.reason.zh, reasonEn: c.reason.en };
}
