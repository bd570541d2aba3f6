import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { HubRole } from '../../../contracts/auth';
import type { StaffMember } from '../../../contracts/staff';
import { useCapabilities } from '../auth/use-capabilities';
import { revokeStaffInvitation, setSuspended } from '../api/staff.api';
import { ActionForm } from '../forms/action-form';
import { useLocale } from '../i18n/locale-context';
import { LoadMore } from '../layout/load-more';
import { NotFoundPage, PageError, PageLoading } from '../layout/page-states';
import { InviteStaffModal } from './invite-staff.modal';
import { StaffRolesForm } from './staff-roles.form';
import { useRefreshStaff, useStaff, useStaffInvitations } from './use-staff';
import { formatMoment } from '../i18n/format-date';

/** The hub admin's staff desk: roles, suspensions, last sign-in and pending invitations. */
export function StaffPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const capabilities = useCapabilities(hub);
  const canManage = capabilities.data?.actions.staff.manage ?? false;
  const [search, setSearch] = useState('');
  const staff = useStaff(hub, search);
  const invitations = useStaffInvitations(hub, capabilities.data?.actions.staff.read ?? false);
  const refresh = useRefreshStaff(hub);
  const [inviting, setInviting] = useState(false);

  if (capabilities.isPending || staff.isPending) return <PageLoading />;
  if (!capabilities.data?.actions.staff.read) return <NotFoundPage />;
  if (staff.isError) return <PageError error={staff.error} onRetry={() => void staff.refetch()} />;

  const date = (iso: string | null) => (iso ? formatMoment(iso, locale) : t('staff.never'));
  const roleName = (role: HubRole) => t(`staff.role.${role}`);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t('staff.title')}
        </Typography.Title>
        {capabilities.data.actions.staff.invite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setInviting(true)}>
            {t('staff.invite')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t('staff.intro')}</Typography.Paragraph>
      <Input.Search
        aria-label={t('staff.search')}
        placeholder={t('staff.search')}
        allowClear
        enterButton={t('staff.searchButton')}
        onSearch={(value) => setSearch(value.trim())}
        style={{ maxWidth: 420 }}
      />
      <Table<StaffMember>
        rowKey="userId"
        dataSource={staff.items}
        loading={staff.isFetching && !staff.isFetchingNextPage}
        locale={{ emptyText: t('staff.noneFound') }}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('staff.name'), dataIndex: 'name' },
          { title: t('staff.email'), dataIndex: 'email' },
          {
            title: t('staff.roles'),
            render: (_, member) =>
              canManage ? (
                <StaffRolesForm hub={hub} member={member} />
              ) : (
                <Flex wrap gap={4}>
                  {member.roles.map((role) => (
                    <Tag key={role}>{roleName(role)}</Tag>
                  ))}
                </Flex>
              ),
          },
          { title: t('staff.lastSignIn'), render: (_, m) => date(m.lastSignInAt) },
          {
            title: t('staff.status'),
            render: (_, m) => (m.suspended ? <Tag color="red">{t('staff.suspended')}</Tag> : <Tag color="green">{t('staff.active')}</Tag>),
          },
          {
            title: t('staff.twoFactor'),
            render: (_, m) =>
              m.twoFactor ? <Tag color="green">{t('staff.twoFactorOn')}</Tag> : <Typography.Text type="secondary">{t('staff.twoFactorOff')}</Typography.Text>,
          },
          ...(canManage
            ? [
                {
                  title: t('staff.actions'),
                  render: (_: unknown, m: StaffMember) => (
                    <ActionForm
                      name={`suspend-${m.userId}`}
                      label={m.suspended ? t('staff.restore') : t('staff.suspend')}
                      button={{ size: 'small', danger: !m.suspended }}
                      confirm={m.suspended ? undefined : { title: t('staff.suspendConfirm', { name: m.name }), okText: t('staff.suspend'), danger: true }}
                      mutationFn={() => setSuspended(hub, m.userId, !m.suspended)}
                      onSuccess={refresh}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <LoadMore list={staff} />
      <Card title={t('staff.invitations')}>
        <Table
          rowKey="id"
          dataSource={invitations.data ?? []}
          loading={invitations.isPending && invitations.fetchStatus !== 'idle'}
          pagination={false}
          locale={{ emptyText: t('staff.noInvitations') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('staff.email'), dataIndex: 'email' },
            { title: t('staff.roles'), render: (_, i) => i.roles.map((r) => <Tag key={r}>{roleName(r)}</Tag>) },
            { title: t('staff.expires'), render: (_, i) => date(i.expiresAt) },
            ...(canManage
              ? [
                  {
                    title: t('staff.actions'),
                    render: (_: unknown, i: { id: string }) => (
                      <ActionForm
                        name={`withdraw-${i.id}`}
                        label={t('staff.withdraw')}
                        button={{ size: 'small' }}
                        mutationFn={() => revokeStaffInvitation(hub, i.id)}
                        onSuccess={refresh}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <InviteStaffModal hub={hub} open={inviting} onClose={() => setInviting(false)} />
    </Flex>
  );
}
