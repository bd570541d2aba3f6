import { Form } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { leaseInputSchema } from '../../../contracts/spaces';
import { createLease } from '../api/spaces.api';
import { FormFailure } from '../forms/form-failure';
import { deskField, DeskModal, useDeskForm, type DeskModalProps } from './desk-modal';
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
        <TakeFields hub={hub} nodes={all} rules={leaseInputSchema.shape} />
        <LeaseTermsFields hub={hub} monthly={monthly} />
      </Form>
    </DeskModal>
  );
}
