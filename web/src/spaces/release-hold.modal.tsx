import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { releaseSpaceHold, type SpaceHold } from '../api/spaces.api';
import { FormModal } from '../forms/form-modal';
import { deskField, useDeskForm, type DeskModalProps } from './desk-modal';
import { allNodesOf, HoldNodesField } from './hold-nodes.field';
import { useHoldWords } from './hold-words';

type Values = { nodeIds: string[] };

const fieldFor = deskField(['nodeIds']);

/** Release some (or all) of a hold's units from today; the hold keeps the rest. The title and the toast name whom it was for. */
export function ReleaseHoldModal({ hub, hold, onClose, onDone }: DeskModalProps & { hold: SpaceHold }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const holdWords = useHoldWords();
  const release = useDeskForm({
    form,
    fieldFor,
    onClose,
    onDone,
    send: (v: Values, key) => releaseSpaceHold(hub, hold.id, { nodeIds: v.nodeIds }, key),
    said: (_, v: Values) => t('spaces.desk.released', holdWords({ ...hold, nodes: hold.nodes.filter((n) => v.nodeIds.includes(n.id)) })),
  });

  return (
    <FormModal
      title={t('spaces.desk.releaseTitle', holdWords(hold))}
      onClose={onClose}
      form={form}
      mutation={release}
      name="space-release"
      initialValues={{ nodeIds: allNodesOf(hold) }}
      okText={t('spaces.desk.submit')}
    >
      <HoldNodesField hold={hold} label={t('spaces.desk.releaseUnits')} />
    </FormModal>
  );
}
