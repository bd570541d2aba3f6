import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ORG_LIMITS, organizationKinds, sectors } from '../../../contracts/organizations';
import { isApiRequestError } from '../api/api-request-error';
import { newIdempotencyKey } from '../api/idempotency-key';
import { createOrganization } from '../api/organizations.api';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { useLocale } from '../i18n/locale-context';
import { formFieldForPath, toOrganizationInput, type OrganizationFormValues } from './organization-form-values';
import { organizationFormRules } from './organization-form.rules';
import { organizationsKey } from './use-organizations';

export function OrganizationRegisterPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<OrganizationFormValues>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // One key per content filled in: a double click or a retry of the same content reuses it
  // (the server returns the first result); any edit makes it a new request with a new key.
  const idempotencyKey = useRef(newIdempotencyKey());
  const rules = organizationFormRules(fieldText);
  const { locale } = useLocale();

  // Messages are made when a field is checked: check the failing ones again in the new language.
  useEffect(() => {
    const failing = form.getFieldsError().filter((field) => field.errors.length > 0).map((field) => field.name);
    if (failing.length > 0) form.validateFields(failing).catch(() => undefined);
  }, [locale, form]);

  const onFinish = async (values: OrganizationFormValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const created = await createOrganization(hub, toOrganizationInput(values), idempotencyKey.current);
      await queryClient.invalidateQueries({ queryKey: organizationsKey(hub) });
      message.success(t('org.created'));
      navigate(`/hubs/${hub}/organizations/${created.id}`);
    } catch (error) {
      const unplaced = isApiRequestError(error) ? showFieldErrors(error.fields) : [];
      const placedAll = isApiRequestError(error) && error.fields.length > 0 && unplaced.length === 0;
      setFailure(placedAll ? null : error);
    } finally {
      setSubmitting(false);
    }
  };

  /** Puts each server field error under its field; returns those with no field on the form. */
  const showFieldErrors = (fields: { path: string; code: string }[]) => {
    const unplaced: string[] = [];
    const placed = fields.flatMap((field) => {
      const name = formFieldForPath(field.path);
      if (!name) unplaced.push(field.path);
      return name ? [{ name, errors: [fieldText(field.code)] }] : [];
    });
    form.setFields(placed);
    if (placed[0]) form.scrollToField(placed[0].name);
    return unplaced;
  };

  return (
    <Card style={{ maxWidth: 880, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('org.registerTitle')}
      </Typography.Title>
      {failure !== null && <Alert type="error" showIcon role="alert" message={describe(failure)} style={{ marginBottom: 16 }} />}
      <Form<OrganizationFormValues>
        form={form}
        layout="vertical"
        initialValues={{ sectors: [] }}
        onValuesChange={() => {
          idempotencyKey.current = newIdempotencyKey();
        }}
        onFinish={(values) => void onFinish(values)}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('org.nameZh')} name={['name', 'zh']} rules={rules.nameZh} required>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('org.nameEn')} name={['name', 'en']} rules={rules.nameEn} required>
              <Input maxLength={160} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('org.kind')} name="kind" rules={rules.kind}>
              <Select options={organizationKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('org.uscc')} name="uscc" rules={rules.uscc} extra={t('org.usccHint')} required hasFeedback>
              <Input maxLength={24} autoComplete="off" spellCheck={false} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('org.foundedOn')} name="foundedOn" rules={rules.foundedOn}>
              <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(new Date(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('org.headcount')} name="headcount">
              <InputNumber min={0} max={ORG_LIMITS.headcountMax} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('org.sectors')} name="sectors">
              <Select
                mode="multiple"
                maxCount={ORG_LIMITS.sectorsMax}
                options={sectors.map((sector) => ({ value: sector, label: t(`sector.${sector}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('org.website')} name="website" rules={rules.website}>
              <Input type="url" placeholder="https://" maxLength={ORG_LIMITS.websiteMax} />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('org.submit')}
          </Button>
          <Button onClick={() => navigate(`/hubs/${hub}/organizations`)}>{t('org.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
