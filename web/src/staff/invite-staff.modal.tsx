import { App, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hubRoles, type HubRole } from '../../../contracts/auth';
import { inviteStaffInputSchema } from '../../../contracts/staff';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormModal } from '../forms/form-modal';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';
import { useStaffChanges } from './use-staff';

type Values = { email: string; roles: HubRole[] };

const shape = inviteStaffInputSchema.shape;

/** An admin invites an address with roles; the link goes out by e-mail. */
export function InviteStaffModal({ hub, open, onClose }: { hub: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const { invite } = useStaffChanges(hub);
  const send = useFormMutation({
    form,
    fields: ['email', 'roles'],
    mutationFn: (values: Values) => invite.mutateAsync({ email: values.email.trim(), roles: values.roles }),
    onSuccess: (_sent, values) => {
      message.success(t('staff.invited', { email: values.email.trim() }));
      onClose();
    },
  });

  return (
    <FormModal
      open={open}
      title={t('staff.inviteTitle')}
      okText={t('staff.send')}
      onClose={onClose}
      form={form}
      mutation={send}
      name="invite-staff"
      requiredMark={false}
      intro={<Typography.Paragraph type="secondary">{t('staff.inviteHint')}</Typography.Paragraph>}
    >
      <Form.Item label={t('staff.email')} name="email" rules={[zodRule(shape.email, fieldText, { toInput: (value) => String(value).trim() })]}>
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('staff.roles')} name="roles" rules={[zodRule(shape.roles, fieldText)]}>
        <Select mode="multiple" options={hubRoles.map((role) => ({ value: role, label: t(`staff.role.${role}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
