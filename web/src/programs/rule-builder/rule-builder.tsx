import { Alert, Button, Flex, Input, Segmented, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { Locale } from '../../../../contracts/error-messages';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/locale-context';
import { useCodeFont } from '../../theme/use-code-font';
import { celToRule } from './cel-to-rule';
import { expressionOf, type RuleValue } from './criteria-draft';
import { RuleRowEditor } from './rule-row-editor';
import { emptyRow, type BuilderFact, type Rule, type RuleJoin } from './rule-rows';
import { rowToCel, ruleToCel } from './rule-to-cel';
import { ruleWords } from './rule-words';

const say = (t: TFunction, key: string, vars?: Record<string, string | number>) => t(`programs.ruleBuilder.${key}` as never, vars ?? {}) as unknown as string;

/** The rule in words in both languages (null while incomplete or not representable), for names that follow the rule. */
export type RuleWordsBoth = { zh: string | null; en: string | null };

type Props = {
  id?: string;
  value?: RuleValue;
  onChange?: (value: RuleValue) => void;
  facts: readonly BuilderFact[];
  /** Called with the rule in words after each change. */
  onWords?: (words: RuleWordsBoth) => void;
  /** Show incomplete rows as errors (after a save was tried). */
  strict?: boolean;
};

const emptyRule: Rule = { join: 'all', rows: [] };

/**
 * A criterion's rule: rows of fact, comparison and value, shown in words and as the CEL they
 * write; or CEL for power users. CEL the rows cannot show stays CEL.
 */
export function RuleBuilder({ id, value = { mode: 'rows', rule: emptyRule }, onChange, facts, onWords, strict = false }: Props) {
  const { t, i18n } = useTranslation();
  const { locale } = useLocale();
  const mono = useCodeFont();
  const asRows = value.mode === 'cel' ? (value.expression.trim() ? celToRule(value.expression, facts) : emptyRule) : value.rule;

  const emit = (next: RuleValue) => {
    onChange?.(next);
    const rule = next.mode === 'rows' ? next.rule : celToRule(next.expression, facts);
    onWords?.({
      zh: rule ? ruleWords(rule, facts, i18n.getFixedT('zh-CN'), 'zh-CN') : null,
      en: rule ? ruleWords(rule, facts, i18n.getFixedT('en-US'), 'en-US') : null,
    });
  };
  const setRule = (rule: Rule) => emit({ mode: 'rows', rule });
  const switchMode = (mode: RuleValue['mode']) => {
    if (mode === value.mode) return;
    if (mode === 'rows' && asRows) emit({ mode: 'rows', rule: asRows });
    if (mode === 'cel' && value.mode === 'rows') {
      const written = expressionOf(value, facts) ?? value.rule.rows.flatMap((r) => rowToCel(r, facts) ?? []).join(value.rule.join === 'all' ? ' && ' : ' || ');
      emit({ mode: 'cel', expression: written });
    }
  };

  const words = asRows ? ruleWords(asRows, facts, t, locale) : null;
  return (
    <Flex vertical gap={8} id={id}>
      <Segmented<RuleValue['mode']>
        aria-label={say(t, 'modeLabel')}
        value={value.mode}
        onChange={switchMode}
        options={[
          { value: 'rows', label: say(t, 'modeRows'), disabled: !asRows },
          { value: 'cel', label: say(t, 'modeCel') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {value.mode === 'rows' ? (
        <RowsEditor rule={value.rule} typed={value.typed} facts={facts} strict={strict} onChange={setRule} />
      ) : (
        <>
          {!asRows && <Alert type="info" showIcon title={say(t, 'celOnly')} />}
          <Input.TextArea
            aria-label={say(t, 'modeCel')}
            value={value.expression}
            onChange={(e) => emit({ mode: 'cel', expression: e.target.value })}
            autoSize={{ minRows: 2, maxRows: 8 }}
            style={mono}
            spellCheck={false}
          />
        </>
      )}
      {words && (
        <Typography.Paragraph style={{ margin: 0 }} data-rule-words>
          <Typography.Text type="secondary">{say(t, 'labelled', { label: say(t, 'inWords'), text: '' })}</Typography.Text>
          {words}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}

type RowsProps = { rule: Rule; typed?: string; facts: readonly BuilderFact[]; strict: boolean; onChange: (rule: Rule) => void };

function RowsEditor({ rule, typed, facts, strict, onChange }: RowsProps) {
  const { t } = useTranslation();
  const mono = useCodeFont();
  const cel = ruleToCel(rule, facts);
  const filled = (i: number) => Boolean(rule.rows[i]?.value?.trim() || rule.rows[i]?.values?.length);
  const invalid = new Set(cel.ok ? [] : cel.invalid.filter((i) => strict || filled(i)));
  const setRow = (index: number, row: Rule['rows'][number]) => onChange({ ...rule, rows: rule.rows.map((r, i) => (i === index ? row : r)) });
  return (
    <Flex vertical gap={8}>
      {rule.rows.length > 1 && (
        <Segmented<RuleJoin>
          aria-label={say(t, 'joinLabel')}
          value={rule.join}
          onChange={(join) => onChange({ ...rule, join })}
          options={(['all', 'any'] as const).map((j) => ({ value: j, label: say(t, `join.${j}`) }))}
          style={{ alignSelf: 'flex-start' }}
        />
      )}
      {rule.rows.map((row, index) => (
        <RuleRowEditor
          key={index}
          index={index}
          row={row}
          facts={facts}
          invalid={invalid.has(index)}
          onChange={(next) => setRow(index, next)}
          onRemove={() => onChange({ ...rule, rows: rule.rows.filter((_, i) => i !== index) })}
        />
      ))}
      <Button style={{ alignSelf: 'flex-start' }} onClick={() => onChange({ ...rule, rows: [...rule.rows, emptyRow(facts[0]!)] })}>
        {say(t, 'addRow')}
      </Button>
      {cel.ok && (
        <Typography.Text type="secondary">
          {say(t, 'labelled', { label: say(t, 'writes'), text: '' })}
          <Typography.Text code style={mono} data-rule-cel>
            {typed ?? cel.cel}
          </Typography.Text>
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The message for a rule that cannot be saved yet, or null. */
export function ruleProblem(value: RuleValue | undefined, facts: readonly BuilderFact[], t: TFunction, locale: Locale): string | null {
  if (!value) return say(t, 'noRows');
  if (value.mode === 'cel') return value.expression.trim() ? null : say(t, 'noRows');
  const cel = ruleToCel(value.rule, facts);
  if (cel.ok) return null;
  if (cel.invalid.length === 0) return say(t, 'noRows');
  return say(t, 'incomplete', { rows: cel.invalid.map((i) => i + 1).join(locale === 'zh-CN' ? '、' : ', ') });
}
