import { useQuery } from '@tanstack/react-query';
import { Form, InputNumber, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { offerInputSchema } from '../../../contracts/spaces';
import { offerSpace, searchSpaceAvailability, type SpaceRequest } from '../api/spaces.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { zodRule } from '../forms/zod-rule';
import { useFormatArea } from '../i18n/format-area';
import { useBilingual } from '../i18n/use-bilingual';
import { deskField, nodeLabel, useDeskForm, useRentPrograms, type DeskModalProps } from './desk-modal';

type Values = { nodeIds: string[]; hours: number; programId?: string; staff?: number };

const shape = offerInputSchema.shape;
const fieldFor = deskField(['nodeIds', 'hours', 'programId', 'staff']);

/** Offer free units that fit a waiting request, held for it until a time limit. */
export function OfferModal({ hub, request, onClose, onDone }: DeskModalProps & { request: SpaceRequest }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const area = useFormatArea();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const rentPrograms = useRentPrograms(hub);
  const org = bilingual(request.organization.name).primary;
  const from = request.startsOn;
  const to = dayjs(request.startsOn).add(request.months, 'month').format('YYYY-MM-DD');
  const free = useQuery({
    queryKey: ['spaces', hub, 'free', request.id],
    queryFn: () =>
      searchSpaceAvailability(hub, {
        from,
        to,
        ...(request.areaM2 ? { minAreaM2: request.areaM2 } : {}),
        ...(request.seats ? { seats: request.seats } : {}),
        ...(request.parkId ? { parkId: request.parkId } : {}),
      }),
  });
  const chosen: string[] = Form.useWatch('nodeIds', form) ?? [];
  const offer = useDeskForm({
    form,
    fieldFor,
    onClose,
    onDone,
    send: (v: Values, key) => offerSpace(hub, request.id, { nodeIds: v.nodeIds, hours: v.hours, programId: v.programId ?? null, staff: v.staff ?? null }, key),
    said: () => t('spaces.desk.offered', { org }),
  });

  const units = free.data?.units ?? [];
  return (
    <FormModal
      title={t('spaces.desk.offerTitle', { org })}
      onClose={onClose}
      form={form}
      mutation={offer}
      name="space-offer"
      initialValues={{ hours: 72 }}
      okText={t('spaces.desk.submit')}
      okDisabled={chosen.length === 0}
      intro={units.length === 0 && !free.isPending && <Typography.Paragraph type="secondary">{t('spaces.desk.noFree')}</Typography.Paragraph>}
    >
      <Form.Item
        name="nodeIds"
        label={t('spaces.desk.units')}
        rules={[zodRule(shape.nodeIds, fieldText)]}
        required
        hidden={units.length === 0 && !free.isPending}
      >
        <Select
          mode="multiple"
          options={units.map((u) => ({ value: u.id, label: nodeLabel(u, t(`spaces.kinds.${u.kind}`), bilingual(u.name).primary, area(u.areaM2)) }))}
        />
      </Form.Item>
      <Form.Item name="hours" label={t('spaces.desk.offerHours')} rules={[zodRule(shape.hours, fieldText)]} required>
        <InputNumber min={1} max={336} />
      </Form.Item>
      <Form.Item name="programId" label={t('spaces.desk.program')}>
        <Select allowClear placeholder={t('spaces.desk.noProgram')} options={rentPrograms} />
      </Form.Item>
      <Form.Item name="staff" label={t('spaces.desk.staff')} rules={[zodRule(shape.staff, fieldText, { optional: true })]}>
        <InputNumber min={1} max={100000} />
      </Form.Item>
    </FormModal>
  );
}
