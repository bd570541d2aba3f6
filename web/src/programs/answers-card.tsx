import { Card, Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../contracts/programs';
import { applicationFileUrl } from '../api/files.api';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';
import { Money } from '../money/money';

const empty = (value: unknown) => value === null || value === undefined || value === '';

/**
 * One stored answer as people read it, by its field's type: money (fen) through <Money>, a
 * choice by its option's label, a date by formatDay, a number in the reader's digits, a file
 * as its download link (through the application: `downloadApplicationFile`), text as typed (line breaks kept).
 */
export function AnswerValue({
  hub,
  applicationId,
  field,
  value,
}: {
  hub: string;
  applicationId: string;
  field: FormField | undefined;
  value: unknown;
}): ReactNode {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  if (empty(value)) return '—';
  const text = String(value);
  switch (field?.type) {
    case 'money':
      return /^-?\d+$/.test(text) ? <Money value={text} /> : text;
    case 'number':
      return Number.isFinite(Number(text)) ? new Intl.NumberFormat(locale).format(Number(text)) : text;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDay(text, locale) : text;
    case 'choice': {
      const option = field.options.find((o) => o.value === text);
      return option ? bilingual(option.label).primary : text;
    }
    case 'file':
      return <a href={applicationFileUrl(hub, applicationId, text)}>{t('programs.result.answerFile')}</a>;
    default:
      return <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Typography.Text>;
  }
}

/** A field's label in the page's language (the key only for an answer whose field the form no longer has). */
export function useFieldLabel(fields: readonly FormField[]): (key: string) => string {
  const bilingual = useBilingual();
  return (key) => {
    const field = fields.find((f) => f.key === key);
    return field ? bilingual(field.label).primary : key;
  };
}

/**
 * What an application says, read-only: each answer under its field's label, in the form's
 * order (answers to fields the form no longer has after them). `loading` while the program's
 * form is still on its way, so keys never stand in for labels.
 */
export function AnswersCard({
  hub,
  applicationId,
  title,
  answers,
  fields,
  loading = false,
}: {
  hub: string;
  applicationId: string;
  title: string;
  answers: Record<string, unknown>;
  fields: readonly FormField[];
  loading?: boolean;
}) {
  const label = useFieldLabel(fields);
  const known = fields.filter((f) => !empty(answers[f.key])).map((f) => f.key);
  const others = Object.keys(answers).filter((key) => !fields.some((f) => f.key === key) && !empty(answers[key]));
  const keys = [...known, ...others];
  if (!loading && keys.length === 0) return null;
  return (
    <Card title={title} loading={loading} data-testid="answers">
      <Descriptions column={1} bordered size="small" styles={{ label: { width: '35%' } }}>
        {keys.map((key) => (
          <Descriptions.Item key={key} label={label(key)}>
            <AnswerValue hub={hub} applicationId={applicationId} field={fields.find((f) => f.key === key)} value={answers[key]} />
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
