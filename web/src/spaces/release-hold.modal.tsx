import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { releaseSpaceHold, type SpaceHold } from '../api/spaces.api';
import { FormFailure } from '../forms/form-failure';
import { deskField, DeskModal, useDeskForm, type DeskModalProps } from './desk-modal';
import { allNodesOf, HoldNodesField } from './hold-nodes.field';

type Values = { nodeIds: string[] };

const fieldFor = deskField(['nodeIds']);

/** Release some (or all) of a hold's units from today; the hold keeps the rest. */
export function ReleaseHoldModal({ hub, hold, onClose, onDone }: DeskModalProps & { hold: SpaceHold }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const release = useDeskForm({
    form,
    fieldFor,
    onClose,
    onDone,
    send: (v: Values, key) => releaseSpaceHold(hub, hold.id, { nodeIds: v.nodeIds }, key),
    said: () => t('spaces.desk.released', { ref: hold.ref }),
  });

  return (
    <DeskModal title={t('spaces.desk.releaseTitle', { ref: hold.ref })} onClose={onClose} onOk={() => form.submit()} busy={release.submitting}>
      <FormFailure failure={release.failure} />
      <Form<Values>
        name="space-release"
        form={form}
        layout="vertical"
        onValuesChange={release.onValuesChange}
        onFinish={release.submit}
        initialValues={{ nodeIds: allNodesOf(hold) }}
      >
        <HoldNodesField hold={hold} label={t('spaces.desk.releaseUnits')} />
      </Form>
    </DeskModal>
  );
}
