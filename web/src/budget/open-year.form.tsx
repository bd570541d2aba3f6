import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../api/idempotency-key';
import { openFiscalYear } from '../api/budget.api';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { useLocale } from '../i18n/locale-context';
import { AmountField } from './amount-field';
import { placeFailure } from './form-failure';
import { budgetKey } from './use-budget';
import { basisPointsText, formatYuan, percentToBasisPoints, yuanToFen } from './yuan';

type Values = { year: number; revenue: string; share: string };

/** Opens a fiscal year: the envelope is revenue x the tech share (15% in the Hangzhou playbook). */
export function OpenYearForm({ hub, year, onOpened }: { hub: string; year: number; onOpened: (year: number) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const key = useRef(newIdempotencyKey());
  const revenue = Form.useWatch('revenue', form);
  const share = Form.useWatch('share', form);
  const revenueFen = revenue ? yuanToFen(revenue) : null;
  const bp = share ? percentToBasisPoints(share) : null;
  const envelopeFen = revenueFen && bp ? ((BigInt(revenueFen) * BigInt(bp)) / 10_000n).toString() : null;

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await openFiscalYear(hub, { year: values.year, revenue: yuanToFen(values.revenue)!, techShareBasisPoints: percentToBasisPoints(values.share)! }, key.current);
      await queryClient.invalidateQueries({ queryKey: budgetKey(hub) });
      message.success(t('budget.yearOpened', { year: values.year }));
      key.current = newIdempotencyKey();
      onOpened(values.year);
    } catch (error) {
      setFailure(placeFailure(form, error, ['year', 'revenue'], fieldText));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card title={t('budget.openYearTitle', { year })} style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t('budget.openYearIntro')}</Typography.Paragraph>
      {failure !== null && <Alert type="error" showIcon role="alert" message={describe(failure)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        name="open-year"
        form={form}
        layout="vertical"
        initialValues={{ year, share: '15' }}
        onValuesChange={() => {
          key.current = newIdempotencyKey();
        }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item label={t('budget.year')} name="year" rules={[{ required: true, message: fieldText('REQUIRED') }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <AmountField name="revenue" label={t('budget.revenueYuan')} />
        <Form.Item
          label={t('budget.techShare')}
          name="share"
          extra={t('budget.techShareHint')}
          rules={[{ validator: async (_r, value: string | undefined) => { if (!value || percentToBasisPoints(value) === null) throw new Error(t('budget.shareInvalid')); } }]}
        >
          <Input inputMode="decimal" addonAfter="%" style={{ width: 200 }} />
        </Form.Item>
        {envelopeFen && bp && (
          <Alert type="info" role="status" showIcon style={{ marginBottom: 16 }} message={t('budget.envelopePreview', { share: basisPointsText(bp), amount: formatYuan(envelopeFen, locale) })} />
        )}
        <Button type="primary" htmlType="submit" loading={submitting}>{t('budget.openYear')}</Button>
      </Form>
    </Card>
  );
}
