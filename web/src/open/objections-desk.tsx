import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';
import { resolveObjection, type Objection } from '../api/open-data.api';
import { listObjections } from '../api/open-data.api';
import { resolutionInputSchema } from '../../../contracts/notices';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useLocale } from '../i18n/locale-context';
import { LoadMore } from '../layout/load-more';
import { useCursorList } from '../layout/use-cursor-list';
import { Money } from '../money/money';

/** Officers: open objections to awards on notice, each dismissed or upheld with a reason. */
export function ObjectionsDesk({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const list = useCursorList(['objections', hub], (next) => listObjections(hub, next));
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('open.objections')}
        </Typography.Title>
      }
      size="small"
    >
      <ItemList items={list.items} empty={t('open.noObjections')} renderItem={(o) => <ObjectionItem hub={hub} objection={o} />} />
      <LoadMore list={list} />
    </Card>
  );
}

type Resolution = { outcome: 'upheld' | 'dismissed'; reason: string };

function ObjectionItem({ hub, objection: o }: { hub: string; objection: Objection }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const fieldText = useFieldErrorText();
  const client = useQueryClient();
  const [form] = Form.useForm<Resolution>();
  const resolve = useFormMutation({
    form,
    idempotent: true,
    fields: ['reason'],
    mutationFn: (v: Resolution, key) => resolveObjection(hub, o.id, { outcome: v.outcome, reason: v.reason.trim() }, key),
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: ['objections', hub] }), client.invalidateQueries({ queryKey: ['public-notices', hub] })]),
  });
  const decide = (outcome: Resolution['outcome']) => () => resolve.submitWith({ outcome });
  const label = `${t('open.resolution')} ${o.reference}`;
  return (
    <ListItem>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{t('open.objectionFor', { number: o.number, program: locale === 'zh-CN' ? o.program.zh : o.program.en })}</Typography.Text>
        <Space wrap>
          <Money value={o.amount} />
          <Typography.Text type="secondary">{o.reference}</Typography.Text>
          <Typography.Text>{o.contact}</Typography.Text>
        </Space>
        <Typography.Paragraph>{o.reason}</Typography.Paragraph>
        <Form<Resolution> name={`resolution-${o.reference}`} form={form} onValuesChange={resolve.onValuesChange} onFinish={resolve.submit}>
          <FormFailure failure={resolve.failure} />
          <Form.Item name="outcome" hidden>
            <Input />
          </Form.Item>
          <Form.Item name="reason" rules={[zodRule(resolutionInputSchema.shape.reason, fieldText)]}>
            <Input.TextArea aria-label={label} placeholder={t('open.resolution')} rows={2} maxLength={2000} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" loading={resolve.submitting && resolve.mutation.variables?.outcome === 'dismissed'} onClick={decide('dismissed')}>
              {t('open.dismiss')}
            </Button>
            <Button danger loading={resolve.submitting && resolve.mutation.variables?.outcome === 'upheld'} onClick={decide('upheld')}>
              {t('open.uphold')}
            </Button>
          </Space>
        </Form>
      </Space>
    </ListItem>
  );
}
