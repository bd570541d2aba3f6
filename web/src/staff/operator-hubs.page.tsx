import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Form, Input, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hubInputSchema, type Hub } from '../../../contracts/hubs';
import { createHub, setArchived } from '../api/staff.api';
import { useMe } from '../auth/use-me';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { ActionForm } from '../forms/action-form';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useHubs } from '../hubs/use-hub';
import { useBilingual } from '../i18n/use-bilingual';
import { NotFoundPage, PageLoading } from '../layout/page-states';
import { hubSettingsField, NEW_HUB_DEFAULTS, toHubSettings, type HubSettingsValues } from './hub-settings-form-values';
import { HubSettingsFields } from './hub-settings.fields';

type NewHubValues = HubSettingsValues & { slug: string; firstAdminEmail: string };

/** The deployment operator opens hubs (inviting the first admin) and archives them. */
export function OperatorHubsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const hubs = useHubs();
  const client = useQueryClient();
  const bilingual = useBilingual();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<NewHubValues>();
  const refresh = () => client.invalidateQueries({ queryKey: ['hubs'] });
  const open = useFormMutation({
    form,
    fieldFor: hubSettingsField,
    mutationFn: (values: NewHubValues) => createHub({ ...toHubSettings(values), slug: values.slug.trim(), firstAdminEmail: values.firstAdminEmail.trim() }),
    onSuccess: async (hub) => {
      message.success(t('staff.created', { name: bilingual(hub.name).primary }));
      form.resetFields();
      await refresh();
    },
  });

  if (me.isPending || hubs.isPending) return <PageLoading />;
  if (!me.data?.operator) return <NotFoundPage />;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
          {t('staff.operatorTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('staff.operatorIntro')}</Typography.Paragraph>
        <FormFailure failure={open.failure} />
        <Form<NewHubValues>
          name="new-hub"
          form={form}
          layout="vertical"
          initialValues={NEW_HUB_DEFAULTS}
          onFinish={open.submit}
          onValuesChange={open.onValuesChange}
          requiredMark={false}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('staff.slug')}
                name="slug"
                extra={t('staff.slugHint')}
                rules={[zodRule(hubInputSchema.shape.slug, fieldText, { toInput: (v) => String(v).trim() })]}
              >
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('staff.firstAdmin')}
                name="firstAdminEmail"
                rules={[zodRule(hubInputSchema.shape.firstAdminEmail, fieldText, { toInput: (v) => String(v).trim() })]}
              >
                <Input type="email" autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <HubSettingsFields />
          <Button type="primary" htmlType="submit" loading={open.submitting}>
            {t('staff.create')}
          </Button>
        </Form>
      </Card>
      <Card title={t('staff.hubsTitle')}>
        <Table<Hub>
          rowKey="slug"
          dataSource={hubs.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('staff.hubName'), render: (_, h) => <Link to={`/hubs/${h.slug}`}>{bilingual(h.name).primary}</Link> },
            { title: t('staff.slug'), dataIndex: 'slug' },
            { title: t('staff.code'), dataIndex: 'code' },
            { title: t('staff.status'), render: (_, h) => (h.archived ? <Tag>{t('staff.archived')}</Tag> : <Tag color="green">{t('staff.active')}</Tag>) },
            {
              title: t('staff.actions'),
              render: (_, h) => (
                <ActionForm
                  name={`archive-${h.slug}`}
                  label={h.archived ? t('staff.reopen') : t('staff.archive')}
                  button={{ size: 'small', danger: !h.archived }}
                  confirm={
                    h.archived ? undefined : { title: t('staff.archiveConfirm', { name: bilingual(h.name).primary }), okText: t('staff.archive'), danger: true }
                  }
                  mutationFn={() => setArchived(h.slug, !h.archived)}
                  onSuccess={refresh}
                />
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
