import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select, type FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bilingualNameSchema } from '../../../contracts/common';
import { personRoles, talentTiers, type PersonInput, type PersonRole, type TalentTier } from '../../../contracts/people';
import { isValidResidentId, normalizeResidentId } from '../../../contracts/resident-id';
import { newIdempotencyKey } from '../api/idempotency-key';
import { createPerson } from '../api/people.api';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { zodFieldCode } from '../errors/zod-field-code';
import { useLocale } from '../i18n/locale-context';
import { nearestField, placeServerFieldErrors } from './server-field-errors';
import { ecosystemKey } from './use-ecosystem';

type Values = { name?: { zh?: string; en?: string }; roles?: PersonRole[]; bornOn?: Dayjs | null; talentTier?: TalentTier; residentId?: string };

const fields = [['name', 'zh'], ['name', 'en'], ['roles'], ['bornOn'], ['talentTier'], ['residentId']];

function toInput(values: Values): PersonInput {
  const residentId = values.residentId?.trim();
  return {
    name: { zh: values.name?.zh?.trim() ?? '', en: values.name?.en?.trim() ?? '' },
    roles: values.roles ?? [],
    bornOn: values.bornOn ? values.bornOn.format('YYYY-MM-DD') : undefined,
    talentTier: values.talentTier,
    residentId: residentId ? normalizeResidentId(residentId) : undefined,
  };
}

/** Adds a person to the hub's register; the resident id is checked (GB 11643) as it is typed. */
export function PersonFormModal({ hub, open, onClose }: { hub: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const { locale } = useLocale();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const idempotencyKey = useRef(newIdempotencyKey());

  // Messages are made when a field is checked: check the failing ones again in the new language.
  useEffect(() => {
    const failing = form.getFieldsError().filter((field) => field.errors.length > 0).map((field) => field.name);
    if (failing.length > 0) form.validateFields(failing).catch(() => undefined);
  }, [locale, form]);

  const nameRule = (schema: typeof bilingualNameSchema.shape.zh): FormRule => ({
    validator: async (_rule, value: string | undefined) => {
      const result = schema.safeParse(value ?? '');
      if (!result.success) throw new Error(fieldText(zodFieldCode(result.error.issues[0]!, value)));
    },
  });
  const residentIdRule: FormRule = {
    validator: async (_rule, value: string | undefined) => {
      if (!value?.trim()) return;
      if (!isValidResidentId(normalizeResidentId(value))) throw new Error(fieldText('INVALID_RESIDENT_ID'));
    },
  };

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await createPerson(hub, toInput(values), idempotencyKey.current);
      await queryClient.invalidateQueries({ queryKey: ecosystemKey(hub) });
      message.success(t('people.created'));
      form.resetFields();
      idempotencyKey.current = newIdempotencyKey();
      onClose();
    } catch (error) {
      const placedAll = placeServerFieldErrors(form, error, (path) => nearestField(fields, path), fieldText);
      setFailure(placedAll ? null : error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      title={t('people.addTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('people.submit')}
      cancelText={t('org.cancel')}
      confirmLoading={submitting}
      width={720}
      forceRender
    >
      {failure !== null && <Alert type="error" showIcon role="alert" message={describe(failure)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ roles: [] }}
        onValuesChange={() => {
          idempotencyKey.current = newIdempotencyKey();
        }}
        onFinish={(values) => void onFinish(values)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('people.nameZh')} name={['name', 'zh']} rules={[nameRule(bilingualNameSchema.shape.zh)]} required>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('people.nameEn')} name={['name', 'en']} rules={[nameRule(bilingualNameSchema.shape.en)]} required>
              <Input maxLength={160} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('people.roles')} name="roles">
              <Select mode="multiple" maxCount={8} options={personRoles.map((role) => ({ value: role, label: t(`personRole.${role}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('people.bornOn')} name="bornOn">
              <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(new Date(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('people.talentTier')} name="talentTier">
              <Select allowClear options={talentTiers.map((tier) => ({ value: tier, label: t('people.tierValue', { tier }) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('people.residentId')} name="residentId" rules={[residentIdRule]} extra={t('people.residentIdHint')} hasFeedback>
              <Input maxLength={22} autoComplete="off" spellCheck={false} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
