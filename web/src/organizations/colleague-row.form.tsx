import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Popconfirm, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgRoles, type OrgRole } from '../../../contracts/auth';
import { removeMember, setMemberRole, transferOwnership } from '../api/colleagues.api';
import { meQueryKey } from '../auth/use-me';
import { FormFailure } from '../forms/form-failure';
import { useFormMutation } from '../forms/use-form-mutation';
import { organizationsKey } from './use-organizations';

export type Colleague = { userId: string; name: string; email: string; role: OrgRole };

/** Which write the row's buttons asked for (a hidden field): a new role, handing the company on, removal. */
type Change = 'role' | 'transfer' | 'remove';
type Values = { role: OrgRole; change: Change };

type Props = {
  hub: string;
  organizationId: string;
  member: Colleague;
  me: string | undefined;
  lastOwner: boolean;
  canManage: boolean;
  canTransfer: boolean;
};

/**
 * One colleague with what an owner may change about them, as one form on the one pattern:
 * a role the server refuses shows under the role, anything else above the row.
 */
export function ColleagueRow({ hub, organizationId, member, me, lastOwner, canManage, canTransfer }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const done: Record<Change, string> = { role: t('org.roleChanged'), transfer: t('org.transferred'), remove: t('org.removed') };
  const change = useFormMutation({
    form,
    fields: ['role'],
    mutationFn: (v: Values) =>
      v.change === 'role'
        ? setMemberRole(hub, organizationId, member.userId, v.role)
        : v.change === 'transfer'
          ? transferOwnership(hub, organizationId, member.userId)
          : removeMember(hub, organizationId, member.userId),
    onSuccess: async (_result, v) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: [...organizationsKey(hub), 'detail', organizationId] }),
        client.invalidateQueries({ queryKey: meQueryKey }),
      ]);
      message.success(done[v.change]);
    },
  });
  const pending = (c: Change) => change.submitting && change.mutation.variables?.change === c;
  const label = `${member.name} (${member.email})`;

  return (
    <Form<Values>
      name={`colleague-${member.userId}`}
      form={form}
      initialValues={{ role: member.role, change: 'role' }}
      onValuesChange={change.onValuesChange}
      onFinish={change.submit}
      style={{ width: '100%' }}
    >
      <Flex vertical gap={8}>
        <Flex wrap gap={8} align="center" justify="space-between">
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>{member.name}</Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
              {member.email}
            </Typography.Text>
          </div>
          {!canManage && <Tag color={member.role === 'owner' ? 'gold' : undefined}>{t(`orgRole.${member.role}`)}</Tag>}
        </Flex>
        <FormFailure failure={change.failure} />
        <Form.Item name="change" hidden>
          <Input />
        </Form.Item>
        {canManage && (
          <Flex wrap gap={8} align="start">
            <Form.Item name="role" style={{ marginBottom: 0 }}>
              <Select<OrgRole>
                aria-label={t('org.roleOf', { name: label })}
                disabled={lastOwner || change.submitting}
                loading={pending('role')}
                style={{ minWidth: 140 }}
                options={orgRoles.map((role) => ({ value: role, label: t(`orgRole.${role}`) }))}
                onChange={() => change.submitWith({ change: 'role' })}
              />
            </Form.Item>
            {canTransfer && member.userId !== me && (
              <Popconfirm
                title={t('org.transferConfirm', { name: member.name })}
                okText={t('org.transfer')}
                cancelText={t('org.cancel')}
                onConfirm={() => change.submitWith({ change: 'transfer' })}
              >
                <Button loading={pending('transfer')} aria-label={t('org.transferTo', { name: label })}>
                  {t('org.transfer')}
                </Button>
              </Popconfirm>
            )}
            {!lastOwner && (
              <Popconfirm
                title={member.userId === me ? t('org.leaveConfirm') : t('org.removeConfirm', { name: member.name })}
                okText={t('org.remove')}
                okButtonProps={{ danger: true }}
                cancelText={t('org.cancel')}
                onConfirm={() => change.submitWith({ change: 'remove' })}
              >
                <Button danger loading={pending('remove')} aria-label={t('org.removeMember', { name: label })}>
                  {t('org.remove')}
                </Button>
              </Popconfirm>
            )}
            {lastOwner && <Typography.Text type="secondary">{t('org.lastOwner')}</Typography.Text>}
          </Flex>
        )}
      </Flex>
    </Form>
  );
}
