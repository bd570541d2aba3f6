import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgRoles, type OrgRole } from '../../../contracts/auth';
import { removeMember, setMemberRole, transferOwnership } from '../api/colleagues.api';
import { meQueryKey } from '../auth/use-me';
import { useErrorText } from '../errors/use-error-text';
import { InviteColleagueForm } from './invite-colleague.form';
import { organizationsKey } from './use-organizations';

export type Colleague = { userId: string; name: string; email: string; role: OrgRole };

/**
 * The company's people: everyone sees who acts for it; an owner (or a hub admin) invites
 * colleagues by e-mail, changes their role and removes them; an owner hands the company on.
 * A list rather than a table, so it reads on a phone. The server keeps the last owner.
 */
export function ColleaguesCard(props: {
  hub: string;
  organizationId: string;
  members: Colleague[];
  me: string | undefined;
  canManage: boolean;
  canTransfer: boolean;
}) {
  const { hub, organizationId, members, me, canManage, canTransfer } = props;
  const { t } = useTranslation();
  const client = useQueryClient();
  const { message } = App.useApp();
  const describe = useErrorText();
  const [busy, setBusy] = useState<string | null>(null);
  const owners = members.filter((m) => m.role === 'owner').length;

  const run = async (key: string, action: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await action();
      await Promise.all([
        client.invalidateQueries({ queryKey: [...organizationsKey(hub), 'detail', organizationId] }),
        client.invalidateQueries({ queryKey: meQueryKey }),
      ]);
      message.success(done);
    } catch (error) {
      message.error(describe(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('org.members')}>
      <List
        dataSource={members}
        locale={{ emptyText: t('org.membersEmpty') }}
        renderItem={(member) => {
          const lastOwner = member.role === 'owner' && owners <= 1;
          const label = `${member.name} (${member.email})`;
          return (
            <List.Item>
              <Flex vertical gap={8} style={{ width: '100%' }}>
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
                {canManage && (
                  <Flex wrap gap={8} align="center">
                    <Select<OrgRole>
                      aria-label={t('org.roleOf', { name: label })}
                      value={member.role}
                      disabled={lastOwner || busy !== null}
                      style={{ minWidth: 140 }}
                      options={orgRoles.map((role) => ({ value: role, label: t(`orgRole.${role}`) }))}
                      onChange={(role) =>
                        void run(`role:${member.userId}`, () => setMemberRole(hub, organizationId, member.userId, role), t('org.roleChanged'))
                      }
                    />
                    {canTransfer && member.userId !== me && (
                      <Popconfirm
                        title={t('org.transferConfirm', { name: member.name })}
                        okText={t('org.transfer')}
                        cancelText={t('org.cancel')}
                        onConfirm={() => run(`transfer:${member.userId}`, () => transferOwnership(hub, organizationId, member.userId), t('org.transferred'))}
                      >
                        <Button loading={busy === `transfer:${member.userId}`} aria-label={t('org.transferTo', { name: label })}>
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
                        onConfirm={() => run(`remove:${member.userId}`, () => removeMember(hub, organizationId, member.userId), t('org.removed'))}
                      >
                        <Button danger loading={busy === `remove:${member.userId}`} aria-label={t('org.removeMember', { name: label })}>
                          {t('org.remove')}
                        </Button>
                      </Popconfirm>
                    )}
                    {lastOwner && <Typography.Text type="secondary">{t('org.lastOwner')}</Typography.Text>}
                  </Flex>
                )}
              </Flex>
            </List.Item>
          );
        }}
      />
      {canManage && <InviteColleagueForm hub={hub} organizationId={organizationId} />}
    </Card>
  );
}
