import type { BilingualName } from '../../../../contracts/common';
import { criteriaFacts, type CriteriaFact, type CriteriaValueKind } from '../../../../contracts/criteria-facts';
import type { ApplicantType, FormFieldType } from '../../../../contracts/programs';

/**
 * A criterion as rows a person reads: each row compares one documented fact (or one answer
 * of the program's form) with a value; the rows all hold (`all`) or one of them does (`any`).
 * rule-to-cel.ts writes the CEL, cel-to-rule.ts reads it back, rule-words.ts says it in words.
 */
export type RuleOp = 'in' | 'notIn' | 'any' | 'none' | 'atLeast' | 'ge' | 'gt' | 'le' | 'lt' | 'eq' | 'ne' | 'before' | 'onOrAfter' | 'yes' | 'no';

/** `value` for numbers, amounts (yuan as typed), dates (YYYY-MM-DD) and text; `values` for options. */
export type RuleRow = { fact: string; op: RuleOp; value?: string; values?: string[] };
export type RuleJoin = 'all' | 'any';
export type Rule = { join: RuleJoin; rows: RuleRow[] };

/** A fact the builder offers: a documented one, or an answer of the form (`form.<key>`, with its label). */
export type BuilderFact = {
  id: string;
  path: string;
  value: CriteriaValueKind;
  options?: readonly string[];
  unit?: CriteriaFact['unit'];
  /** Form answers: the field's label and its options' labels. */
  label?: BilingualName;
  optionLabels?: Record<string, BilingualName>;
};

/** The form fields the builder needs: key, type, label and a choice's options. */
export type BuilderField = { key: string; type: FormFieldType; label: BilingualName; options?: { value: string; label: BilingualName }[] };

const answerKinds: Record<FormFieldType, CriteriaValueKind> = {
  text: 'text',
  number: 'number',
  money: 'money',
  date: 'date',
  choice: 'option',
  file: 'bool',
};

/** Every fact a row may compare, for a program of this applicant type with this form. */
export function builderFacts(applicantType: ApplicantType, form: readonly BuilderField[]): BuilderFact[] {
  const documented: BuilderFact[] = criteriaFacts[applicantType].filter((f) => f.builder !== false);
  const answers = form
    .filter((f) => /^[a-z][a-zA-Z0-9_]*$/.test(f.key))
    .map((f): BuilderFact => ({
      id: `form.${f.key}`,
      path: `form.${f.key}`,
      value: answerKinds[f.type],
      label: f.label,
      ...(f.type === 'choice' && {
        options: (f.options ?? []).map((o) => o.value),
        optionLabels: Object.fromEntries((f.options ?? []).map((o) => [o.value, o.label])),
      }),
    }));
  return [...documented, ...answers];
}

const comparisons: RuleOp[] = ['ge', 'gt', 'le', 'lt', 'eq', 'ne'];

/** The operators a fact takes, the first being the one a new row starts with. */
export function opsFor(fact: Pick<BuilderFact, 'id' | 'value'>): RuleOp[] {
  switch (fact.value) {
    case 'option':
      return fact.id === 'degree' ? ['atLeast', 'in', 'notIn'] : ['in', 'notIn'];
    case 'options':
      return ['any', 'none'];
    case 'date':
      return ['before', 'onOrAfter'];
    case 'text':
      return ['eq', 'ne'];
    case 'bool':
      return ['yes', 'no'];
    default:
      return comparisons;
  }
}

/** Whether the operator compares with a list of options (`values`) rather than one value. */
export const takesValues = (op: RuleOp) => op === 'in' || op === 'notIn' || op === 'any' || op === 'none';
/** Whether the operator needs a value at all. */
export const takesValue = (op: RuleOp) => op !== 'yes' && op !== 'no';

export const emptyRow = (fact: BuilderFact): RuleRow => {
  const op = opsFor(fact)[0]!;
  return { fact: fact.id, op, ...(takesValues(op) ? { values: [] } : takesValue(op) ? { value: '' } : {}) };
};
