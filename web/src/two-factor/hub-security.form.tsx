import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hubRoles } from '../../../contracts/auth';
import { hubSecuritySchema } from '../../../contracts/hub-security';
import { getHubSecurity, updateHubSecurity, type HubSecurity } from '../api/hub-security.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { PageLoading, PartError } from '../layout/page-states';

type Values = { twoFactorRoles: HubSecurity['twoFactorRoles']; idleMinutes?: number | null; absoluteHours?: number | null };

const shape = hubSecuritySchema.shape;
export const hubSecurityKey = (hub: string) => ['hubs', hub, 'security'] as const;

/** The hub's sign-in rules (hub and security admins; `readOnly` for auditors): roles that must use a second factor, idle and absolute session limits. */
export function HubSecurityForm({ hub, readOnly = false }: { hub: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const current = useQuery({ queryKey: hubSecurityKey(hub), queryFn: () => getHubSecurity(hub) });
  const save = useFormMutation({
    form,
    fields: ['twoFactorRoles', 'idleMinutes', 'absoluteHours'],
    mutationFn: (values: Values) =>
      updateHubSecurity(hub, {
        twoFactorRoles: values.twoFactorRoles ?? [],
        idleMinutes: values.idleMinutes ?? null,
        absoluteHours: values.absoluteHours ?? null,
      }),
    onSuccess: (saved) => {
      client.setQueryData(hubSecurityKey(hub), saved);
      void client.invalidateQueries({ queryKey: ['capabilities', hub] });
      message.success(t('twoFactor.security.saved'));
    },
  });

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
          {t('twoFactor.security.title')}
        </Typography.Title>
      }
    >
      {current.isPending ? (
        <PageLoading />
      ) : current.isError ? (
        <PartError error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('twoFactor.security.intro')}</Typography.Paragraph>
          <FormFailure failure={save.failure} />
          <Form<Values>
            name="hub-security"
            form={form}
            layout="vertical"
            disabled={readOnly}
            initialValues={current.data}
            onFinish={save.submit}
            onValuesChange={save.onValuesChange}
          >
            <Form.Item name="twoFactorRoles" label={t('twoFactor.security.roles')} rules={[zodRule(shape.twoFactorRoles, fieldText, { optional: true })]}>
              <Checkbox.Group options={hubRoles.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }))} />
            </Form.Item>
            <Form.Item
              name="idleMinutes"
              label={t('twoFactor.security.idle')}
              extra={t('twoFactor.security.idleHint')}
              rules={[zodRule(shape.idleMinutes, fieldText, { optional: true })]}
            >
              <InputNumber precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="absoluteHours"
              label={t('twoFactor.security.absolute')}
              extra={t('twoFactor.security.absoluteHint')}
              rules={[zodRule(shape.absoluteHours, fieldText, { optional: true })]}
            >
              <InputNumber precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('twoFactor.security.lockout')}</Typography.Paragraph>
            {!readOnly && (
              <Button type="primary" htmlType="submit" loading={save.submitting}>
                {t('twoFactor.security.save')}
              </Button>
            )}
          </Form>
        </>
      )}
    </Card>
  );
}
