import { Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { spaceHoldInputSchema } from '../../../contracts/spaces';
import { createSpaceHold } from '../api/spaces.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { zodRule } from '../forms/zod-rule';
import { useBilingual } from '../i18n/use-bilingual';
import { deskField, useDeskForm, type DeskModalProps } from './desk-modal';
import { TakeFields } from './take-fields';
import { useSpaceTree } from './use-space-tree';

type Values = { organizationId: string; nodeIds: string[]; range: [Dayjs, Dayjs]; reason: string; decidedBy: string };

const shape = spaceHoldInputSchema.shape;
const fieldFor = deskField(['organizationId', 'nodeIds', 'range', 'reason', 'decidedBy']);

/** Hold space (up to whole buildings) for an organisation until a date. */
export function HoldModal({ hub, onClose, onDone }: DeskModalProps) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const nodes = useSpaceTree(hub);
  const hold = useDeskForm({
    form,
    fieldFor,
    onClose,
    onDone,
    send: (v: Values, key) =>
      createSpaceHold(
        hub,
        {
          organizationId: v.organizationId,
          nodeIds: v.nodeIds,
          startsOn: v.range[0].format('YYYY-MM-DD'),
          endsOn: v.range[1].format('YYYY-MM-DD'),
          reason: v.reason.trim(),
          decidedBy: v.decidedBy.trim(),
        },
        key,
      ),
    said: (made) => t('spaces.desk.held2', { units: made.nodes.map((n) => n.code).join(', '), org: bilingual(made.organization.name).primary }),
  });

  return (
    <FormModal
      title={t('spaces.desk.newHold')}
      onClose={onClose}
      form={form}
      mutation={hold}
      name="space-hold"
      initialValues={{ range: [dayjs(), dayjs().add(3, 'year')] }}
      okText={t('spaces.desk.submit')}
    >
      <TakeFields hub={hub} nodes={nodes.data?.items ?? []} rules={shape} />
      <Form.Item name="reason" label={t('spaces.desk.reason')} rules={[zodRule(shape.reason, fieldText)]} required>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="decidedBy" label={t('spaces.desk.decidedBy')} rules={[zodRule(shape.decidedBy, fieldText)]} required>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
