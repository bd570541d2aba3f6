import { PlusOutlined } from '@ant-design/icons';
import { NewHubGuide } from './new-hub-guide';
import { useCapabilities } from '../auth/use-capabilities';
import { Button, Col, Empty, Flex, Row, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Organization } from '../../../contracts/organizations';
import { useBilingual } from '../i18n/use-bilingual';
import { LoadMore } from '../layout/load-more';
import { PartError } from '../layout/page-states';
import { OrganizationFilters } from './organization-filters';
import { ORGANIZATION_PAGE_SIZE, useOrganizationListParams } from './organization-list-params';
import { KindTag, SectorTags } from './organization-tags';
import { SectorChart } from './sector-chart';
import { useOrganizationList } from './use-organizations';
import { useLocale } from '../i18n/locale-context';
import { formatDay } from '../i18n/format-date';

export function OrganizationsListPage() {
  const { hub = '' } = useParams();
  // The server says who may register one (a read-only auditor may not).
  const may = useCapabilities(hub).data?.actions;
  const canRegister = may?.organizations.create ?? false;
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const bilingual = useBilingual();
  const [params, setParams] = useOrganizationListParams();
  const list = useOrganizationList(hub, { ...params, limit: ORGANIZATION_PAGE_SIZE });

  const columns: TableColumnsType<Organization> = [
    {
      title: t('org.name'),
      key: 'name',
      render: (_, organization) => {
        const name = bilingual(organization.name);
        return (
          <div>
            <Link to={`/hubs/${hub}/organizations/${organization.id}`}>{name.primary}</Link>
            <div>
              <Typography.Text type="secondary">{name.secondary}</Typography.Text>
            </div>
          </div>
        );
      },
    },
    { title: t('org.kind'), dataIndex: 'kind', width: 140, render: (_, organization) => <KindTag kind={organization.kind} /> },
    { title: t('org.sectors'), dataIndex: 'sectors', render: (_, organization) => <SectorTags sectors={organization.sectors} /> },
    // On a phone the name, kind and sectors; the table scrolls inside itself for a long name.
    {
      title: t('org.foundedOn'),
      dataIndex: 'foundedOn',
      width: 130,
      responsive: ['md'],
      render: (value: string | null) => (value ? formatDay(value, locale) : '—'),
    },
    { title: t('org.headcount'), dataIndex: 'headcount', width: 110, align: 'right', responsive: ['md'], render: (value: number | null) => value ?? '—' },
  ];

  const emptyState = (
    <Empty description={t('org.empty')}>
      {canRegister && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/hubs/${hub}/organizations/new`)}>
          {t('org.emptyAction')}
        </Button>
      )}
    </Empty>
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {t('org.listTitle')}
        </Typography.Title>
        {canRegister && (
          <Link to={`/hubs/${hub}/organizations/new`}>
            <Button type="primary" icon={<PlusOutlined />}>
              {t('org.register')}
            </Button>
          </Link>
        )}
      </Flex>
      {may?.hub.updateSettings && !list.isError && !params.kind && !params.sector && !params.q && !list.isPending && list.items.length === 0 && (
        <NewHubGuide hub={hub} />
      )}
      <OrganizationFilters value={params} onChange={setParams} />
      {list.isError ? (
        <PartError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={17}>
            <Table<Organization>
              rowKey="id"
              columns={columns}
              dataSource={list.items}
              loading={list.isFetching && !list.isFetchingNextPage}
              locale={{ emptyText: list.isPending ? ' ' : emptyState }}
              pagination={false}
              scroll={{ x: 'max-content' }}
              footer={list.items.length ? () => t('org.shown', { count: list.items.length }) : undefined}
            />
            <LoadMore list={list} />
          </Col>
          <Col xs={24} xl={7}>
            <SectorChart organizations={list.items} />
          </Col>
        </Row>
      )}
    </Flex>
  );
}
