import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Form, Input, Popconfirm, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { hubRoles, type HubRole } from '../../../contracts/auth';
import type { StaffMember } from '../../../contracts/staff';
import { grantHubRole, revokeHubRole } from '../api/staff.api';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { useRefreshStaff } from './use-staff';

type Change = 'grant' | 'revoke';
type Values = { role?: HubRole; change: Change };

/**
 * A staff member's roles as the admin changes them: remove one (after a confirm) or add one,
 * one form on the one pattern whose hidden fields say which role and which way; a refusal
 * (the hub's last admin) shows above the roles.
 */
export function StaffRolesForm({ hub, member }: { hub: string; member: StaffMember }) {
  const { t } = useTranslation();
  const refresh = useRefreshStaff(hub);
  const [form] = Form.useForm<Values>();
  const change = useFormMutation({
    form,
    mutationFn: (v: Values) => (v.change === 'grant' ? grantHubRole : revokeHubRole)(hub, member.userId, v.role!),
    onSuccess: refresh,
  });
  const roleName = (role: HubRole) => t(`staff.role.${role}`);
  return (
    <Form<Values>
      name={`roles-${member.userId}`}
      form={form}
      initialValues={{ change: 'grant' }}
      onValuesChange={change.onValuesChange}
      onFinish={change.submit}
    >
      <FormFailure failure={change.failure} />
      <Form.Item name="role" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="change" hidden>
        <Input />
      </Form.Item>
      <Flex wrap gap={4}>
        {member.roles.map((role) => (
          // The × is a real button (keyboard too) that opens the confirm; the tag's text does nothing.
          <Tag key={role}>
            {roleName(role)}
            <Popconfirm
              title={t('staff.removeRoleConfirm', { role: roleName(role), name: member.name })}
              okText={t('staff.removeRole')}
              okButtonProps={{ danger: true }}
              cancelText={t('org.cancel')}
              onConfirm={() => change.submitWith({ change: 'revoke', role })}
            >
              <Button
                type="text"
                size="small"
                icon={<CloseOutlined />}
                aria-label={t('staff.removeRoleLabel', { role: roleName(role), name: member.name })}
                style={{ marginInlineStart: 4, width: 16, minWidth: 16, height: 16 }}
              />
            </Popconfirm>
          </Tag>
        ))}
        <Dropdown
          trigger={['click']}
          menu={{
            items: hubRoles.filter((r) => !member.roles.includes(r)).map((role) => ({ key: role, label: roleName(role) })),
            onClick: ({ key }) => change.submitWith({ change: 'grant', role: key as HubRole }),
          }}
        >
          <Button size="small" type="dashed" icon={<PlusOutlined />} loading={change.submitting} aria-label={`${t('staff.addRole')}: ${member.name}`}>
            {t('staff.addRole')}
          </Button>
        </Dropdown>
      </Flex>
    </Form>
  );
}
