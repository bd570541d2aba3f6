import { useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, Radio, Row, Select, type FormRule } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { degrees, fundingRounds, moneySchema, relationFrom, relationInputSchema, relationKinds } from '../../../contracts/relations';
import { createRelation } from '../api/relations.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { EntitySelect } from './entity-select';
import { CurrencySelect, SourceFields } from './record-fields';
import { relationFieldForPath, toRelationInput, type RelationFormValues } from './relation-form-values';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { ecosystemKey } from './use-ecosystem';
import { majorToMinor } from '../money/money-math';

type Props = { hub: string; organization: { id: string; label: string }; open: boolean; onClose: () => void };

/** Records a tie (founded, works at, alumnus of, …) between a person or organisation and an organisation. */
export function RelationFormModal({ hub, organization, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RelationFormValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const kind = Form.useWatch('kind', form) ?? 'founded';
  const fromType = Form.useWatch('fromType', form) ?? 'person';
  const allowedFrom = relationFrom[kind];

  // A kind that cannot start at the chosen type of end switches the end.
  useEffect(() => {
    if (!allowedFrom.includes(fromType)) form.setFieldsValue({ fromType: allowedFrom[0], fromId: undefined });
  }, [allowedFrom, fromType, form]);

  const shape = relationInputSchema.shape;
  const required = zodRule(shape.from.shape.id, fieldText);
  const endsRule: FormRule = ({ getFieldValue }) => ({
    validator: async (_rule, value: RelationFormValues['endsOn']) => {
      const starts = getFieldValue('startsOn') as RelationFormValues['startsOn'];
      if (value && starts && value.isBefore(starts, 'day')) throw new Error(fieldText('ENDS_BEFORE_START'));
    },
  });
  // The amount is typed in major units: the rule checks the minor units the server will get.
  const toMinor = (value: unknown) => majorToMinor(String(value), form.getFieldValue('currency') as string) ?? String(value);

  const save = useFormMutation({
    form,
    idempotent: true,
    fieldFor: relationFieldForPath,
    mutationFn: (values: RelationFormValues, idempotencyKey) => createRelation(hub, toRelationInput(values), idempotencyKey),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ecosystemKey(hub) });
      message.success(t('relations.added'));
      onClose();
    },
  });

  return (
    <FormModal
      title={t('relations.addTitle')}
      open={open}
      onClose={onClose}
      form={form}
      mutation={save}
      name="relation"
      initialValues={{ kind: 'founded', fromType: 'person', toId: organization.id, currency: 'CNY' }}
      okText={t('relations.submit')}
      width={760}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('relations.kind')} name="kind" rules={[zodRule(shape.kind, fieldText)]}>
            <Select options={relationKinds.map((value) => ({ value, label: t(`relationKind.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('relations.fromType')} name="fromType">
            <Radio.Group
              options={(['person', 'organization'] as const).map((value) => ({
                value,
                label: t(`relations.${value}`),
                disabled: !allowedFrom.includes(value),
              }))}
              onChange={() => form.setFieldsValue({ fromId: undefined })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('relations.from')} name="fromId" rules={[required]} required>
            <EntitySelect
              type={fromType}
              placeholder={t('relations.searchPlaceholder')}
              initial={fromType === 'organization' ? [{ value: organization.id, label: organization.label }] : []}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('relations.to')} name="toId" rules={[required]} required>
            <EntitySelect
              type="organization"
              placeholder={t('relations.searchPlaceholder')}
              initial={[{ value: organization.id, label: organization.label }]}
            />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item label={t('relations.startsOn')} name="startsOn">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item label={t('relations.endsOn')} name="endsOn" dependencies={['startsOn']} rules={[endsRule]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {(kind === 'works_at' || kind === 'partners_with') && (
          <Col xs={24}>
            <Form.Item
              label={t(kind === 'works_at' ? 'relations.jobTitle' : 'relations.provides')}
              name="title"
              rules={[zodRule(shape.title, fieldText, { optional: true })]}
            >
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        )}
        {kind === 'alumnus_of' && (
          <Col xs={24} md={12}>
            <Form.Item label={t('relations.degree')} name="degree">
              <Select allowClear options={degrees.map((value) => ({ value, label: t(`degree.${value}`) }))} />
            </Form.Item>
          </Col>
        )}
        {kind === 'invested_in' && (
          <>
            <Col xs={24} md={8}>
              <Form.Item label={t('relations.round')} name="round">
                <Select allowClear options={fundingRounds.map((value) => ({ value, label: t(`round.${value}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={16} md={10}>
              <Form.Item
                label={t('relations.amount')}
                name="amount"
                rules={[zodRule(moneySchema.shape.amountMinor, fieldText, { optional: true, toInput: toMinor })]}
                dependencies={['currency']}
                extra={t('facts.amountHint')}
              >
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={8} md={6}>
              <Form.Item label={t('facts.currency')} name="currency">
                <CurrencySelect />
              </Form.Item>
            </Col>
          </>
        )}
        <SourceFields required />
      </Row>
    </FormModal>
  );
}
