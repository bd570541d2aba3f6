import { Form, Input, Radio, Select, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../contracts/programs';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { useBilingual } from '../i18n/use-bilingual';
import { FileAnswer } from './file-answer';
import { MoneyField } from '../money/money-field';
import { minorToInputText, yuanToFen } from '../money/money-math';
import { DayPicker } from '../forms/day-picker';

export type AnswerValues = Record<string, string | undefined>;

/** Form values (strings as typed) -> the answers the server checks: money in fen, numbers as numbers. */
export function toAnswers(fields: readonly FormField[], values: AnswerValues): Record<string, string | number> {
  const answers: Record<string, string | number> = {};
  for (const field of fields) {
    const raw = values[field.key]?.trim();
    if (!raw) continue;
    if (field.type === 'money') answers[field.key] = yuanToFen(raw) ?? raw;
    else if (field.type === 'number') answers[field.key] = Number(raw.replace(/[,\s]/g, ''));
    else answers[field.key] = raw;
  }
  return answers;
}

/** Saved answers (a draft's) -> form values: money back in yuan, numbers as typed. */
export function fromAnswers(fields: readonly FormField[], answers: Record<string, unknown>): AnswerValues {
  const values: AnswerValues = {};
  for (const field of fields) {
    const v = answers[field.key];
    if (v === undefined || v === null) continue;
    values[field.key] = field.type === 'money' && /^\d+$/.test(String(v)) ? minorToInputText(String(v)) : String(v);
  }
  return values;
}

/** One input per field of the program's form, with the checks the server will make. */
export function AnswerField({ field, prefilled }: { field: FormField; prefilled?: boolean }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const fieldText = useFieldErrorText();
  const label = bilingual(field.label).primary;
  const rules: FormRule[] = [];
  if (field.required) rules.push({ required: true, whitespace: true, message: fieldText('REQUIRED') });
  const common = { label, name: field.key, rules, required: field.required, extra: prefilled ? t('programs.form.prefilled') : undefined };

  switch (field.type) {
    case 'text':
      return (
        <Form.Item {...common}>
          {field.maxLength > 200 ? <Input.TextArea maxLength={field.maxLength} autoSize={{ minRows: 2, maxRows: 6 }} /> : <Input maxLength={field.maxLength} />}
        </Form.Item>
      );
    case 'number':
      rules.push({
        validator: async (_r, value: string | undefined) => {
          if (!value?.trim()) return;
          const n = Number(value.replace(/[,\s]/g, ''));
          if (!Number.isFinite(n) || n < 0) throw new Error(t('programs.form.numberInvalid'));
          if (field.max !== null && n > field.max) throw new Error(fieldText('TOO_BIG'));
        },
      });
      return (
        <Form.Item {...common}>
          <Input inputMode="decimal" autoComplete="off" />
        </Form.Item>
      );
    case 'money':
      return (
        <MoneyField name={field.key} label={label} required={field.required} max={field.max} extra={prefilled ? t('programs.form.prefilled') : undefined} />
      );
    case 'date':
      return (
        <Form.Item {...common}>
          <DayPicker />
        </Form.Item>
      );
    case 'choice':
      return (
        <Form.Item {...common}>
          {field.options.length <= 4 ? (
            <Radio.Group options={field.options.map((o) => ({ value: o.value, label: bilingual(o.label).primary }))} />
          ) : (
            <Select placeholder={t('programs.form.choose')} options={field.options.map((o) => ({ value: o.value, label: bilingual(o.label).primary }))} />
          )}
        </Form.Item>
      );
    case 'file':
      return (
        <Form.Item {...common}>
          <FileAnswer accept={field.accept} maxBytes={field.maxBytes} />
        </Form.Item>
      );
  }
}
