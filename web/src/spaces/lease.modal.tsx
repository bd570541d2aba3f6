import { Form } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { leaseInputSchema } from '../../../contracts/spaces';
import { createLease } from '../api/spaces.api';
import { FormModal } from '../forms/form-modal';
import { deskField, useDeskForm, type DeskModalProps } from './desk-modal';
import { LeaseTermsFields, leaseTermsOf, monthlyListRent, type LeaseTermValues } from './lease-terms';
import { TakeFields } from './take-fields';
import { useSpaceTree } from './use-space-tree';

type Values = LeaseTermValues & { organizationId: string; nodeIds: string[] };

const fieldFor = deskField(['organizationId', 'nodeIds', 'range', 'staff', 'programId']);

/** Sign a lease at the units' list rent, with a rent-subsidy program splitting each step when one is chosen. */
export function LeaseModal({ hub, onClose, onDone }: DeskModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const nodes = useSpaceTree(hub);
  const all = nodes.data?.items ?? [];
  const monthly = monthlyListRent(Form.useWatch('nodeIds', form) ?? [], all);

  const lease = useDeskForm({
    form,
    fieldFor,
    onClose,
    onDone,
    send: (v: Values, key) => createLease(hub, { organizationId: v.organizationId, nodeIds: v.nodeIds, ...leaseTermsOf(v, monthly) }, key),
    said: (made) => t('spaces.desk.signed', { ref: made.ref }),
  });

  return (
    <FormModal
      title={t('spaces.desk.newLease')}
      onClose={onClose}
      form={form}
      mutation={lease}
      name="space-lease"
      initialValues={{ range: [dayjs().startOf('day'), dayjs().startOf('day').add(3, 'year')] }}
      okText={t('spaces.desk.submit')}
    >
      <TakeFields hub={hub} nodes={all} rules={leaseInputSchema.shape} />
      <LeaseTermsFields hub={hub} monthly={monthly} />
    </FormModal>
  );
}
