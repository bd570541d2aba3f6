import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { openFiscalYear } from '../api/budget.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { useLocale } from '../i18n/locale-context';
import { budgetKey } from './use-budget';
import { formatMoney } from '../money/format-money';
import { yuanToFen } from '../money/money-math';
import { MoneyField } from '../money/money-field';
import { basisPointsText, percentToBasisPoints } from './percent';

type Values = { year: number; revenue: string; share: string };

/** Opens a fiscal year: the envelope is revenue x the tech share (15% in the Hangzhou playbook). */
export function OpenYearForm({ hub, year, onOpened }: { hub: string; year: number; onOpened: (year: number) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const revenue = Form.useWatch('revenue', form);
  const share = Form.useWatch('share', form);
  const revenueFen = revenue ? yuanToFen(revenue) : null;
  const bp = share ? percentToBasisPoints(share) : null;
  const envelopeFen = revenueFen && bp ? ((BigInt(revenueFen) * BigInt(bp)) / 10_000n).toString() : null;

  const save = useFormMutation({
    form,
    idempotent: true,
    fields: ['year', 'revenue'],
    mutationFn: async (values: Values, key) => {
      await openFiscalYear(hub, { year: values.year, revenue: yuanToFen(values.revenue)!, techShareBasisPoints: percentToBasisPoints(values.share)! }, key);
    },
    onSuccess: async (_result, values: Values) => {
      await queryClient.invalidateQueries({ queryKey: budgetKey(hub) });
      message.success(t('budget.yearOpened', { year: values.year }));
      onOpened(values.year);
    },
  });

  return (
    <Card title={t('budget.openYearTitle', { year })} style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t('budget.openYearIntro')}</Typography.Paragraph>
      <FormFailure failure={save.failure} />
      <Form<Values>
        name="open-year"
        form={form}
        layout="vertical"
        initialValues={{ year, share: '15' }}
        onValuesChange={save.onValuesChange}
        onFinish={save.submit}
      >
        <Form.Item label={t('budget.year')} name="year" rules={[{ required: true, message: fieldText('REQUIRED') }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <MoneyField name="revenue" label={t('budget.revenueYuan')} />
        <Form.Item
          label={t('budget.techShare')}
          name="share"
          extra={t('budget.techShareHint')}
          rules={[
            {
              validator: async (_r, value: string | undefined) => {
                if (!value || percentToBasisPoints(value) === null) throw new Error(t('budget.shareInvalid'));
              },
            },
          ]}
        >
          <Input inputMode="decimal" addonAfter="%" style={{ width: 200 }} />
        </Form.Item>
        {envelopeFen && bp && (
          <Alert
            type="info"
            role="status"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('budget.envelopePreview', { share: basisPointsText(bp), amount: formatMoney(envelopeFen, locale) })}
          />
        )}
        <Button type="primary" htmlType="submit" loading={save.submitting}>
          {t('budget.openYear')}
        </Button>
      </Form>
    </Card>
  );
}
