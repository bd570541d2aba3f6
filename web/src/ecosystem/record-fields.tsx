import { Col, Form, Input, Select, type FormRule } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sourceInputSchema } from '../../../contracts/relations';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { zodRule } from '../forms/zod-rule';
import { useLocale } from '../i18n/locale-context';
import { namedCurrencies } from '../staff/place-options';

/** The currencies a fact's or a tie's amount may be in. */
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'];

/** The amount's currency, named in the page's language with its code: "人民币 (CNY)", "US Dollar (USD)". */
export function CurrencySelect(props: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const { locale } = useLocale();
  const options = useMemo(() => namedCurrencies(CURRENCIES, locale), [locale]);
  return <Select {...props} options={options} />;
}

/**
 * Where a fact or a tie was learnt: a web page's address and a note, side by side (form
 * fields `url` and `note`). With `required` one of the two must be given, as a tie's
 * contract says; the rule speaks on the address's field.
 */
export function SourceFields({ required = false }: { required?: boolean }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const shape = sourceInputSchema.shape;
  const linkOrNote: FormRule = ({ getFieldValue }) => ({
    validator: async () => {
      if (!String(getFieldValue('url') ?? '').trim() && !String(getFieldValue('note') ?? '').trim()) throw new Error(t('relations.needsSource'));
    },
  });
  const urlRules = [zodRule(shape.url, fieldText, { optional: true })];
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item
          label={t('facts.sourceUrl')}
          name="url"
          dependencies={required ? ['note'] : undefined}
          rules={required ? [linkOrNote, ...urlRules] : urlRules}
        >
          <Input type="url" placeholder="https://" maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('facts.sourceNote')} name="note" rules={[zodRule(shape.note, fieldText, { optional: true })]}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
    </>
  );
}
