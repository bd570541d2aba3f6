import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeFont } from '../theme/use-code-font';
import { useNavigate, useParams } from 'react-router';
import { ORG_LIMITS, organizationKinds, sectors } from '../../../contracts/organizations';
import { createOrganization } from '../api/organizations.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { useHub } from '../hubs/use-hub';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { formFieldForPath, toOrganizationInput, type OrganizationFormValues } from './organization-form-values';
import { organizationFormRules } from './organization-form.rules';
import { organizationsKey } from './use-organizations';

export function OrganizationRegisterPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const codeFont = useCodeFont();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<OrganizationFormValues>();
  // One key per content filled in: a double click or a retry of the same content reuses it
  // (the server returns the first result); any edit makes it a new request with a new key.
  const rules = organizationFormRules(fieldText);
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const districts = useHub(hub).data?.districts ?? [];

  // Messages are made when a field is checked: check the failing ones again in the new language.
  useEffect(() => {
    const failing = form
      .getFieldsError()
      .filter((field) => field.errors.length > 0)
      .map((field) => field.name);
    if (failing.length > 0) form.validateFields(failing).catch(() => undefined);
  }, [locale, form]);

  const register = useFormMutation({
    form,
    idempotent: true,
    fieldFor: formFieldForPath,
    mutationFn: (values: OrganizationFormValues, idempotencyKey) => createOrganization(hub, toOrganizationInput(values), idempotencyKey),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: organizationsKey(hub) });
      message.success(t('org.created'));
      navigate(`/hubs/${hub}/organizations/${created.id}`);
    },
  });

  return (
    <Card style={{ maxWidth: 880, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        {t('org.registerTitle')}
      </Typography.Title>
      <FormFailure failure={register.failure} />
      <Form<OrganizationFormValues>
        name="organization"
        form={form}
        layout="vertical"
        initialValues={{ sectors: [] }}
        onValuesChange={register.onValuesChange}
        onFinish={register.submit}
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
            <Form.Item label={t('org.kind')} name="kind" rules={rules.kind} required>
              <Select options={organizationKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('org.uscc')} name="uscc" rules={rules.uscc} extra={t('org.usccHint')} required hasFeedback>
              <Input maxLength={24} autoComplete="off" spellCheck={false} style={codeFont} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('org.foundedOn')} name="foundedOn" rules={rules.foundedOn}>
              <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(new Date(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('org.headcount')} name="headcount" rules={rules.headcount}>
              <InputNumber min={0} max={ORG_LIMITS.headcountMax} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('org.sectors')} name="sectors" rules={rules.sectors}>
              <Select mode="multiple" maxCount={ORG_LIMITS.sectorsMax} options={sectors.map((sector) => ({ value: sector, label: t(`sector.${sector}`) }))} />
            </Form.Item>
          </Col>
          {districts.length > 0 && (
            <Col xs={24} md={12}>
              <Form.Item label={t('org.district')} name="district" extra={t('org.districtHint')}>
                <Select allowClear options={districts.map((d) => ({ value: d.code, label: bilingual(d.name).primary }))} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24}>
            <Form.Item label={t('org.website')} name="website" rules={rules.website}>
              <Input type="url" placeholder="https://" maxLength={ORG_LIMITS.websiteMax} />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={register.submitting}>
            {t('org.submit')}
          </Button>
          <Button onClick={() => navigate(`/hubs/${hub}/organizations`)}>{t('org.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
