import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Flex, Row, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Organization } from '../../../contracts/organizations';
import { useBilingual } from '../i18n/use-bilingual';
import { PageError } from '../layout/page-states';
import { OrganizationFilters } from './organization-filters';
import { ORGANIZATION_PAGE_SIZE, useOrganizationListParams } from './organization-list-params';
import { KindTag, SectorTags } from './organization-tags';
import { SectorChart } from './sector-chart';
import { useOrganizationPage } from './use-organizations';

export function OrganizationsListPage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const bilingual = useBilingual();
  const [params, setParams] = useOrganizationListParams();
  const list = useOrganizationPage(hub, { ...params, pageSize: ORGANIZATION_PAGE_SIZE });

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
    { title: t('org.foundedOn'), dataIndex: 'foundedOn', width: 130, render: (value: string | null) => value ?? '—' },
    { title: t('org.headcount'), dataIndex: 'headcount', width: 110, align: 'right', render: (value: number | null) => value ?? '—' },
  ];

  const emptyState = (
    <Empty description={t('org.empty')}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/hubs/${hub}/organizations/new`)}>
        {t('org.emptyAction')}
      </Button>
    </Empty>
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('org.listTitle')}
        </Typography.Title>
        <Link to={`/hubs/${hub}/organizations/new`}>
          <Button type="primary" icon={<PlusOutlined />}>
            {t('org.register')}
          </Button>
        </Link>
      </Flex>
      <OrganizationFilters value={params} onChange={setParams} />
      {list.isError ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={17}>
            <Table<Organization>
              rowKey="id"
              columns={columns}
              dataSource={list.data?.items ?? []}
              loading={list.isFetching}
              locale={{ emptyText: list.isPending ? ' ' : emptyState }}
              pagination={{
                current: params.page,
                pageSize: ORGANIZATION_PAGE_SIZE,
                total: list.data?.total ?? 0,
                showSizeChanger: false,
                showTotal: (total) => t('org.total', { count: total }),
                onChange: (page) => setParams({ ...params, page }),
              }}
            />
          </Col>
          <Col xs={24} xl={7}>
            <SectorChart organizations={list.data?.items ?? []} />
          </Col>
        </Row>
      )}
    </Flex>
  );
}
