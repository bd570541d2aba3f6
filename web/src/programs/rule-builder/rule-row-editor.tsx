import { Button, Col, Input, Row, Select } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DayPicker } from '../../forms/day-picker';
import { useBilingual } from '../../i18n/use-bilingual';
import { MoneyInput } from '../../money/money-input';
import { emptyRow, opsFor, takesValue, takesValues, type BuilderFact, type RuleOp, type RuleRow } from './rule-rows';

const say = (t: TFunction, key: string, vars?: Record<string, string | number>) => t(`programs.ruleBuilder.${key}` as never, vars ?? {}) as unknown as string;
/** Where the app already names each option of a documented fact. */
const optionKeys: Record<string, string> = { kind: 'kind', sectors: 'sector', roles: 'personRole', degree: 'programs.degrees', talentTier: 'programs.tiers' };

/** A fact's name in the current language. */
export function useFactLabel(): (fact: BuilderFact) => string {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  return (fact) => (fact.label ? say(t, 'answer.label', { label: bilingual(fact.label).primary }) : say(t, `facts.${fact.id}.label`));
}

function useOptionLabel(): (fact: BuilderFact, option: string) => string {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  return (fact, option) => {
    const label = fact.optionLabels?.[option];
    if (label) return bilingual(label).primary;
    const prefix = optionKeys[fact.id];
    return prefix ? (t(`${prefix}.${option}` as never) as unknown as string) : option;
  };
}

type Props = {
  index: number;
  row: RuleRow;
  facts: readonly BuilderFact[];
  /** The row has a value that does not fit its fact (or is incomplete, once the rule was checked). */
  invalid: boolean;
  onChange: (row: RuleRow) => void;
  onRemove: () => void;
};

/** One row of a rule: which fact, how it compares, with what. */
export function RuleRowEditor({ index, row, facts, invalid, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const factLabel = useFactLabel();
  const optionLabel = useOptionLabel();
  const fact = facts.find((f) => f.id === row.fact);
  const n = index + 1;
  const named = (part: string) => say(t, 'labelled', { label: say(t, 'row', { n }), text: say(t, part) });
  const status = invalid ? ('error' as const) : undefined;
  const documented = facts.filter((f) => !f.label);
  const answers = facts.filter((f) => f.label);
  const factOptions = [
    { label: say(t, 'groups.applicant'), title: say(t, 'groups.applicant'), options: documented.map((f) => ({ value: f.id, label: factLabel(f) })) },
    ...(answers.length
      ? [{ label: say(t, 'groups.form'), title: say(t, 'groups.form'), options: answers.map((f) => ({ value: f.id, label: factLabel(f) })) }]
      : []),
  ];
  const changeOp = (op: RuleOp) => {
    if (takesValues(op)) onChange({ fact: row.fact, op, values: row.values ?? [] });
    else if (!takesValue(op)) onChange({ fact: row.fact, op });
    else onChange({ fact: row.fact, op, value: op === 'atLeast' || row.op === 'atLeast' ? '' : (row.value ?? '') });
  };
  const value = (() => {
    if (!fact || !takesValue(row.op)) return null;
    const common = { 'aria-label': named(takesValues(row.op) ? 'values' : 'value'), status, style: { width: '100%' } };
    if (takesValues(row.op) || row.op === 'atLeast')
      return (
        <Select
          {...common}
          mode={row.op === 'atLeast' ? undefined : 'multiple'}
          value={row.op === 'atLeast' ? row.value || undefined : row.values}
          options={(fact.options ?? []).map((o) => ({ value: o, label: optionLabel(fact, o) }))}
          onChange={(v: string | string[]) => onChange(Array.isArray(v) ? { ...row, values: v } : { ...row, value: v })}
        />
      );
    const set = (v: string) => onChange({ ...row, value: v });
    if (fact.value === 'money') return <MoneyInput aria-label={common['aria-label']} aria-invalid={invalid} value={row.value} onChange={set} />;
    // A day in the page's language (the app's picker), never the browser's date box; the rule keeps it as YYYY-MM-DD.
    if (fact.value === 'date') return <DayPicker aria-label={common['aria-label']} aria-invalid={invalid} status={status} value={row.value} onChange={set} />;
    return <Input {...common} value={row.value} inputMode={fact.value === 'text' ? undefined : 'decimal'} onChange={(e) => set(e.target.value)} />;
  })();
  return (
    <Row gutter={8} align="top" data-rule-row={n}>
      <Col xs={24} md={8}>
        <Select
          aria-label={named('fact')}
          status={status}
          style={{ width: '100%' }}
          showSearch={{ optionFilterProp: 'label' }}
          value={fact ? row.fact : undefined}
          options={factOptions}
          onChange={(id: string) => onChange(emptyRow(facts.find((f) => f.id === id)!))}
        />
      </Col>
      <Col xs={12} md={5}>
        <Select
          aria-label={named('op')}
          style={{ width: '100%' }}
          value={row.op}
          options={(fact ? opsFor(fact) : []).map((op) => ({ value: op, label: say(t, `ops.${op}`) }))}
          onChange={changeOp}
        />
      </Col>
      <Col xs={12} md={9}>
        {value}
      </Col>
      <Col xs={24} md={2}>
        <Button danger onClick={onRemove} aria-label={say(t, 'removeRow', { n })}>
          ×
        </Button>
      </Col>
    </Row>
  );
}
