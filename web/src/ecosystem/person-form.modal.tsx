import { useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeFont } from '../theme/use-code-font';
import { personInputSchema, personRoles, talentTiers, type PersonRole, type TalentTier } from '../../../contracts/people';
import { normalizeResidentId } from '../../../contracts/resident-id';
import { createPerson, type PersonInput } from '../api/people.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useLocale } from '../i18n/locale-context';
import { ecosystemKey } from './use-ecosystem';

type Values = { name?: { zh?: string; en?: string }; roles?: PersonRole[]; bornOn?: Dayjs | null; talentTier?: TalentTier; residentId?: string };

const fields = ['name.zh', 'name.en', 'roles', 'bornOn', 'talentTier', 'residentId'];
const shape = personInputSchema.shape;
const day = (value: unknown) => (value as Dayjs).format('YYYY-MM-DD');

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
  const codeFont = useCodeFont();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const { locale } = useLocale();

  // Messages are made when a field is checked: check the failing ones again in the new language.
  useEffect(() => {
    const failing = form
      .getFieldsError()
      .filter((field) => field.errors.length > 0)
      .map((field) => field.name);
    if (failing.length > 0) form.validateFields(failing).catch(() => undefined);
  }, [locale, form]);

  const save = useFormMutation({
    form,
    idempotent: true,
    fields,
    mutationFn: (values: Values, idempotencyKey) => createPerson(hub, toInput(values), idempotencyKey),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ecosystemKey(hub) });
      message.success(t('people.created'));
      onClose();
    },
  });

  return (
    <FormModal
      title={t('people.addTitle')}
      open={open}
      onClose={onClose}
      form={form}
      mutation={save}
      name="person"
      initialValues={{ roles: [] }}
      okText={t('people.submit')}
      width={720}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('people.nameZh')} name={['name', 'zh']} rules={[zodRule(shape.name.shape.zh, fieldText)]} required>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('people.nameEn')} name={['name', 'en']} rules={[zodRule(shape.name.shape.en, fieldText)]} required>
            <Input maxLength={160} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={t('people.roles')} name="roles">
            <Select mode="multiple" maxCount={8} options={personRoles.map((role) => ({ value: role, label: t(`personRole.${role}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('people.bornOn')} name="bornOn" rules={[zodRule(shape.bornOn, fieldText, { optional: true, toInput: day })]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(new Date(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('people.talentTier')} name="talentTier">
            <Select allowClear options={talentTiers.map((tier) => ({ value: tier, label: t('people.tierValue', { tier }) }))} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            label={t('people.residentId')}
            name="residentId"
            rules={[zodRule(shape.residentId, fieldText, { optional: true })]}
            extra={t('people.residentIdHint')}
            hasFeedback
          >
            <Input maxLength={22} autoComplete="off" spellCheck={false} style={codeFont} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
