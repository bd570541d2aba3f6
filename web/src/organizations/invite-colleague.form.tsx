import { App, Button, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgRoles, type OrgRole } from '../../../contracts/auth';
import { inviteColleagueInputSchema } from '../../../contracts/organizations';
import { inviteColleague } from '../api/colleagues.api';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { zodRule } from '../forms/zod-rule';

type Values = { email: string; role: OrgRole };

const shape = inviteColleagueInputSchema.shape;

/** An owner (or a hub admin) invites a colleague by e-mail with a role; the link goes out by e-mail. */
export function InviteColleagueForm({ hub, organizationId }: { hub: string; organizationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldText = useFieldErrorText();
  const [form] = Form.useForm<Values>();
  const invite = useFormMutation({
    form,
    fields: ['email', 'role'],
    mutationFn: (values: Values) => inviteColleague(hub, organizationId, { email: values.email.trim(), role: values.role }),
    onSuccess: (_sent, values) => {
      form.resetFields();
      message.success(t('org.invited', { email: values.email.trim() }));
    },
  });

  return (
    <Form<Values>
      name="invite-colleague"
      form={form}
      layout="vertical"
      initialValues={{ role: 'applicant' }}
      onValuesChange={invite.onValuesChange}
      onFinish={invite.submit}
      style={{ marginTop: 16, maxWidth: 420 }}
    >
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('org.inviteTitle')}
      </Typography.Title>
      <FormFailure failure={invite.failure} />
      <Form.Item label={t('org.addMemberEmail')} name="email" rules={[zodRule(shape.email, fieldText, { toInput: (value) => String(value).trim() })]}>
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('org.memberRole')} name="role" rules={[zodRule(shape.role, fieldText)]}>
        <Select options={orgRoles.map((role) => ({ value: role, label: t(`orgRole.${role}`) }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={invite.submitting} block>
        {t('org.invite')}
      </Button>
    </Form>
  );
}
