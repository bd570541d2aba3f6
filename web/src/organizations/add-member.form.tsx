import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgRoles, type OrgRole } from '../../../contracts/auth';
import { addOrganizationMember } from '../api/organizations.api';
import { useErrorText } from '../errors/use-error-text';
import { useFieldErrorText } from '../errors/use-field-error-text';
import { organizationsKey } from './use-organizations';

type AddMemberValues = { email: string; role: OrgRole };

/** Adds an existing account to the organisation by email (owners and hub staff). */
export function AddMemberForm({ hub, organizationId }: { hub: string; organizationId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddMemberValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const describe = useErrorText();
  const fieldText = useFieldErrorText();
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: AddMemberValues) => {
    setSubmitting(true);
    try {
      const detail = await addOrganizationMember(hub, organizationId, { email: values.email.trim(), role: values.role });
      queryClient.setQueryData([...organizationsKey(hub), 'detail', organizationId], detail);
      form.resetFields();
      message.success(t('org.memberAdded'));
    } catch (error) {
      form.setFields([{ name: 'email', errors: [describe(error)] }]);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<AddMemberValues> form={form} layout="inline" initialValues={{ role: 'member' }} onFinish={(values) => void onFinish(values)}>
      <Form.Item
        label={t('org.addMemberEmail')}
        name="email"
        rules={[
          { required: true, message: fieldText('REQUIRED') },
          { type: 'email', message: t('auth.emailInvalid') },
        ]}
      >
        <Input type="email" style={{ width: 260 }} />
      </Form.Item>
      <Form.Item label={t('org.memberRole')} name="role">
        <Select style={{ width: 120 }} options={orgRoles.map((role) => ({ value: role, label: t(`orgRole.${role}`) }))} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('org.addMember')}
        </Button>
      </Space>
    </Form>
  );
}
