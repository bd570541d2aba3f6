import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiRequestError } from '../api/api-request-error';
import { useMe } from '../auth/use-me';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { NotFoundPage, PageError, PageLoading } from '../layout/page-states';
import { FactsCard } from '../ecosystem/facts.card';
import { GraphCard } from '../ecosystem/graph.card';
import { RelationsCard } from '../ecosystem/relations.card';
import { useHubRoles } from '../ecosystem/use-hub-roles';
import { AddMemberForm } from './add-member.form';
import { KindTag, SectorTags } from './organization-tags';
import { useOrganization } from './use-organizations';

export function OrganizationDetailPage() {
  const { hub = '', id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const organization = useOrganization(hub, id);
  const bilingual = useBilingual();
  const { locale } = useLocale();
  const roles = useHubRoles(hub);

  if (organization.isPending) return <PageLoading />;
  if (organization.isError) {
    if (isApiRequestError(organization.error) && organization.error.status === 404) return <NotFoundPage />;
    return <PageError error={organization.error} onRetry={() => void organization.refetch()} />;
  }

  const detail = organization.data;
  const name = bilingual(detail.name);
  const notProvided = <Typography.Text type="secondary">{t('org.notProvided')}</Typography.Text>;
  // The server decides; this only hides a form that would be refused.
  const isOwner = me.data?.organizations.some((o) => o.hub === hub && o.id === id && o.role === 'owner') ?? false;
  const isHubStaff = me.data?.hubs.some((h) => h.slug === hub && h.roles.length > 0) ?? false;

  return (
    <Flex vertical gap={16}>
      <Link to={`/hubs/${hub}/organizations`}>
        <ArrowLeftOutlined /> {t('org.backToList')}
      </Link>
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {name.primary} <Typography.Text type="secondary" style={{ fontSize: 18 }}>{name.secondary}</Typography.Text>
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle">
          <Descriptions.Item label={t('org.kind')}><KindTag kind={detail.kind} /></Descriptions.Item>
          <Descriptions.Item label={t('org.uscc')}><Typography.Text copyable code>{detail.uscc}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label={t('org.sectors')}>{detail.sectors.length ? <SectorTags sectors={detail.sectors} /> : notProvided}</Descriptions.Item>
          <Descriptions.Item label={t('org.foundedOn')}>{detail.foundedOn ?? notProvided}</Descriptions.Item>
          <Descriptions.Item label={t('org.headcount')}>{detail.headcount ?? notProvided}</Descriptions.Item>
          <Descriptions.Item label={t('org.website')}>
            {detail.website ? <a href={detail.website} target="_blank" rel="noreferrer noopener">{detail.website}</a> : notProvided}
          </Descriptions.Item>
          <Descriptions.Item label={t('org.createdAt')}>{new Date(detail.createdAt).toLocaleString(locale)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('org.members')}>
        <Flex vertical gap={16}>
          <Table
            rowKey="userId"
            dataSource={detail.members}
            pagination={false}
            locale={{ emptyText: t('org.membersEmpty') }}
            columns={[
              { title: t('org.memberName'), dataIndex: 'name' },
              { title: t('org.memberEmail'), dataIndex: 'email' },
              {
                title: t('org.memberRole'),
                dataIndex: 'role',
                render: (_, member) => <Tag color={member.role === 'owner' ? 'gold' : undefined}>{t(`orgRole.${member.role}`)}</Tag>,
              },
            ]}
          />
          {(isOwner || isHubStaff) && <AddMemberForm hub={hub} organizationId={id} />}
        </Flex>
      </Card>
      <FactsCard hub={hub} organizationId={id} canEdit={roles.canEdit} />
      {roles.isStaff && <RelationsCard hub={hub} organization={{ id, label: `${name.primary} (${name.secondary})` }} canEdit={roles.canEdit} />}
      <GraphCard hub={hub} organizationId={id} />
    </Flex>
  );
}
