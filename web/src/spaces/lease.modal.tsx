import { Form, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { leaseInputSchema } from '../../../contracts/spaces';
import { createLease, type SpaceNode } from '../api/spaces.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { zodRule } from '../forms/zod-rule';
import { Money } from '../money/money';
import { deskField, DeskModal, useDeskForm, useRentPrograms, type DeskModalProps } from './desk-modal';
import { TakeFields } from './take-fields';
import { useSpaceTree } from './use-space-tree';

type Values = { organizationId: string; nodeIds: string[]; range: [Dayjs, Dayjs]; staff?: number; programId?: string };

const shape = leaseInputSchema.shape;
const fieldFor = deskField(['organizationId', 'nodeIds', 'range', 'staff', 'programId']);

function isUnder(unit: SpaceNode, node: SpaceNode, all: SpaceNode[]): boolean {
  for (let p = all.find((n) => n.id === unit.parentId); p; p = all.find((n) => n.id === p!.parentId)) if (p.id === node.id) return true;
  return false;
}

/** Sign a lease at the units' list rent, with a rent-subsidy program splitting each step when one is chosen. */
export function LeaseModal({ hub, onClose, onDone }: DeskModalProps) {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const nodes = useSpaceTree(hub);
  const rentPrograms = useRentPrograms(hub);
  const chosen: string[] = Form.useWatch('nodeIds', form) ?? [];
  // List rent of the chosen units, in fen a month (area × rent per m², rounded down).
  const all = nodes.data?.items ?? [];
  const units = all.filter((u) => u.kind === 'unit' && chosen.some((id) => id === u.id || all.find((n) => n.id === id && isUnder(u, n, all))));
  const monthly = units.reduce((a, u) => a + Math.floor(u.areaM2 * Number(u.listRent ?? 0)), 0);

  const lease = useDeskForm({
    form,
    fieldFor,
    onClose,
    onDone,
    send: (v: Values, key) => {
      const startsOn = v.range[0].format('YYYY-MM-DD');
      const endsOn = v.range[1].format('YYYY-MM-DD');
      return createLease(
        hub,
        {
          organizationId: v.organizationId,
          nodeIds: v.nodeIds,
          startsOn,
          endsOn,
          steps: [{ startsOn, endsOn, monthlyRent: String(monthly) }],
          staff: v.staff ?? null,
          programId: v.programId ?? null,
        },
        key,
      );
    },
    said: (made) => t('spaces.desk.signed', { ref: made.ref }),
  });

  return (
    <DeskModal title={t('spaces.desk.newLease')} onClose={onClose} onOk={() => form.submit()} busy={lease.submitting}>
      <FormFailure failure={lease.failure} />
      <Form<Values>
        name="space-lease"
        form={form}
        layout="vertical"
        onValuesChange={lease.onValuesChange}
        onFinish={lease.submit}
        initialValues={{ range: [dayjs().startOf('day'), dayjs().startOf('day').add(3, 'year')] }}
      >
        <TakeFields hub={hub} nodes={all} rules={shape} />
        <Typography.Paragraph>
          {t('spaces.desk.monthlyRent')}: <Money value={String(monthly)} strong />
        </Typography.Paragraph>
        <Form.Item name="programId" label={t('spaces.desk.program')}>
          <Select allowClear placeholder={t('spaces.desk.noProgram')} options={rentPrograms} />
        </Form.Item>
        <Form.Item name="staff" label={t('spaces.desk.staff')} rules={[zodRule(shape.staff, fieldText, { optional: true })]}>
          <InputNumber min={1} max={100000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </DeskModal>
  );
}
