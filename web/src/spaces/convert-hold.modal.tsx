import { Form } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { convertHoldToLease, type SpaceHold } from '../api/spaces.api';
import { FormModal } from '../forms/form-modal';
import { useBilingual } from '../i18n/use-bilingual';
import { deskField, useDeskForm, type DeskModalProps } from './desk-modal';
import { allNodesOf, HoldNodesField } from './hold-nodes.field';
import { LeaseTermsFields, leaseTermsOf, monthlyListRent, type LeaseTermValues } from './lease-terms';
import { TakeRange } from './take-fields';
import { useSpaceTree } from './use-space-tree';

type Values = LeaseTermValues & { nodeIds: string[] };

const fieldFor = deskField(['nodeIds', 'range', 'staff', 'programId']);

/** Turn a hold (all of it or some of its units) into a lease for the organisation it was held for, at list rent. */
export function ConvertHoldModal({ hub, hold, onClose, onDone }: DeskModalProps & { hold: SpaceHold }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const [form] = Form.useForm<Values>();
  const nodes = useSpaceTree(hub);
  const monthly = monthlyListRent(Form.useWatch('nodeIds', form) ?? [], nodes.data?.items ?? []);
  const convert = useDeskForm({
    form,
    fieldFor,
    onClose,
    onDone,
    send: (v: Values, key) => convertHoldToLease(hub, hold.id, { nodeIds: v.nodeIds, ...leaseTermsOf(v, monthly) }, key),
    said: (made) => t('spaces.desk.signed', { ref: made.ref }),
  });

  return (
    <FormModal
      title={t('spaces.desk.convertTitle', { ref: hold.ref, org: bilingual(hold.organization.name).primary })}
      onClose={onClose}
      form={form}
      mutation={convert}
      name="space-convert"
      initialValues={{ nodeIds: allNodesOf(hold), range: [dayjs().startOf('day'), dayjs().startOf('day').add(3, 'year')] }}
      okText={t('spaces.desk.submit')}
    >
      <HoldNodesField hold={hold} label={t('spaces.desk.convertUnits')} />
      <TakeRange />
      <LeaseTermsFields hub={hub} monthly={monthly} />
    </FormModal>
  );
}
