import { Form, Input, Radio, Select, type FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../contracts/programs';
import { fenToYuanText, formatYuan, yuanToFen } from '../budget/yuan';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { FileAnswer } from './file-answer';

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
    values[field.key] = field.type === 'money' && /^\d+$/.test(String(v)) ? fenToYuanText(String(v)).replace(/\.00$/, '') : String(v);
  }
  return values;
}

/** One input per field of the program's form, with the checks the server will make. */
export function AnswerField({ field, prefilled }: { field: FormField; prefilled?: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const fieldText = useFieldErrorText();
  const form = Form.useFormInstance();
  const typed = Form.useWatch(field.key, form) as string | undefined;
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
    case 'money': {
      const fen = typed ? yuanToFen(typed) : null;
      rules.push({
        validator: async (_r, value: string | undefined) => {
          if (!value?.trim()) return;
          const parsed = yuanToFen(value);
          if (!parsed) throw new Error(t('programs.form.amountInvalid'));
          if (field.max !== null && BigInt(parsed) > BigInt(field.max)) throw new Error(t('programs.form.amountTooLarge', { max: formatYuan(field.max, locale) }));
        },
      });
      return (
        <Form.Item {...common} extra={fen ? t('programs.form.amountPreview', { amount: formatYuan(fen, locale) }) : t('programs.form.amountHint')}>
          <Input inputMode="decimal" autoComplete="off" addonAfter={t('programs.form.yuan')} />
        </Form.Item>
      );
    }
    case 'date':
      return (
        <Form.Item {...common}>
          <Input type="date" />
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
