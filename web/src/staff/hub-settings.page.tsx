import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { updateHubSettings } from '../api/staff.api';
import { useCapabilities } from '../auth/use-capabilities';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { useHub } from '../hubs/use-hub';
import { NotFoundPage, PageLoading } from '../layout/page-states';
import { fromHub, hubSettingsField, toHubSettings, type HubSettingsValues } from './hub-settings-form-values';
import { HubSettingsFields } from './hub-settings.fields';

/** A hub admin changes the hub's settings (all but the slug). */
export function HubSettingsPage() {
  const { hub: slug = '' } = useParams();
  const { t } = useTranslation();
  const hub = useHub(slug);
  const capabilities = useCapabilities(slug);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<HubSettingsValues>();
  const save = useFormMutation({
    form,
    fieldFor: hubSettingsField,
    mutationFn: (values: HubSettingsValues) => updateHubSettings(slug, toHubSettings(values)),
    onSuccess: async (saved) => {
      client.setQueryData(['hubs', slug], saved);
      await client.invalidateQueries({ queryKey: ['hubs'], exact: true });
      message.success(t('staff.saved'));
    },
  });

  if (hub.isPending || capabilities.isPending) return <PageLoading />;
  if (!hub.data || !capabilities.data?.actions.hub.updateSettings) return <NotFoundPage />;

  return (
    <Card>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
        {t('staff.settingsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('staff.settingsIntro', { slug })}</Typography.Paragraph>
      <FormFailure failure={save.failure} />
      <Form<HubSettingsValues>
        name="hub-settings"
        form={form}
        layout="vertical"
        initialValues={fromHub(hub.data)}
        onFinish={save.submit}
        onValuesChange={save.onValuesChange}
        requiredMark={false}
      >
        <HubSettingsFields />
        <Button type="primary" htmlType="submit" loading={save.submitting}>
          {t('staff.save')}
        </Button>
      </Form>
    </Card>
  );
}
