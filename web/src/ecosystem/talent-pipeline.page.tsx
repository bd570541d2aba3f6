import { Button, Card, Col, Empty, Flex, Row, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TalentPipeline } from '../../../contracts/ecosystem-insights';
import { useBilingual } from '../i18n/use-bilingual';
import { useLocale } from '../i18n/locale-context';
import { PageError, PageLoading } from '../layout/page-states';
import { EChart } from './echart';
import { useTalentPipeline } from './use-ecosystem';

type UniversityRow = TalentPipeline['universities'][number];

/** Which universities the hub's founders come from, what they founded, and where alumni work. */
export function TalentPipelinePage() {
  const { hub = '' } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bilingual = useBilingual();
  const [selected, setSelected] = useState<string>();
  const pipeline = useTalentPipeline(hub);
  const detail = useTalentPipeline(hub, selected);

  const rows = useMemo(() => [...(pipeline.data?.universities ?? [])].sort((a, b) => b.founders - a.founders), [pipeline.data]);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((row) => bilingual(row.university.name).primary) },
      series: [{ type: 'bar', name: t('pipeline.founders'), data: rows.map((row) => row.founders), itemStyle: { color: '#722ed1' }, barMaxWidth: 24 }],
    }),
    [rows, bilingual, t],
  );

  if (pipeline.isPending) return <PageLoading />;
  if (pipeline.isError) return <PageError error={pipeline.error} onRetry={() => void pipeline.refetch()} />;
  const totalDragons = pipeline.data.dragons;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });

  const columns: TableColumnsType<UniversityRow> = [
    {
      title: t('pipeline.university'),
      key: 'name',
      render: (_, row) => <Link to={`/hubs/${hub}/organizations/${row.university.id}`}>{bilingual(row.university.name).primary}</Link>,
    },
    // On a phone the share says what the two counts do; the table scrolls sideways for the rest.
    { title: t('pipeline.alumni'), dataIndex: 'alumni', width: 100, align: 'right', responsive: ['md'] },
    { title: t('pipeline.founders'), dataIndex: 'founders', width: 100, align: 'right', responsive: ['md'] },
    { title: t('pipeline.founderShare'), dataIndex: 'founderShare', width: 130, align: 'right', render: (value: number) => percent.format(value) },
    {
      title: t('pipeline.dragons'),
      key: 'dragons',
      render: (_, row) => (
        <Tag color={row.dragonsFounded > 0 ? 'volcano' : undefined}>{t('pipeline.dragonsFounded', { count: row.dragonsFounded, total: totalDragons })}</Tag>
      ),
    },
    {
      key: 'employers',
      width: 150,
      render: (_, row) => (
        <Button size="small" type={selected === row.university.id ? 'primary' : 'default'} onClick={() => setSelected(row.university.id)}>
          {t('pipeline.showEmployers')}
        </Button>
      ),
    },
  ];

  const chosen = detail.data?.universities.find((row) => row.university.id === selected);

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {t('pipeline.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('pipeline.summary', { founders: pipeline.data.founders, dragons: totalDragons })}</Typography.Paragraph>
      </div>
      {rows.length === 0 ? (
        <Empty description={t('pipeline.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Table<UniversityRow>
              rowKey={(row) => row.university.id}
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              expandable={{
                rowExpandable: (row) => row.foundedOrganizations.length > 0,
                expandedRowRender: (row) => (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label={t('pipeline.foundedOrganizations')}>
                    {row.foundedOrganizations.map((organization) => (
                      <li key={organization.id}>
                        <Link to={`/hubs/${hub}/organizations/${organization.id}`}>{bilingual(organization.name).primary}</Link>{' '}
                        {organization.dragon && <Tag color="volcano">{t('graph.dragon')}</Tag>}
                        <Typography.Text type="secondary">
                          {t('pipeline.foundedBy', {
                            names: organization.founders.map((founder) => bilingual(founder.name).primary).join(locale === 'zh-CN' ? '、' : ', '),
                          })}
                        </Typography.Text>
                      </li>
                    ))}
                  </ul>
                ),
              }}
            />
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card size="small" title={t('pipeline.chartTitle')}>
                <EChart option={option} height={Math.max(160, rows.length * 40 + 40)} label={t('pipeline.chartTitle')} />
              </Card>
              <Card
                size="small"
                title={chosen ? t('pipeline.employersOf', { name: bilingual(chosen.university.name).primary }) : t('pipeline.employers')}
                loading={Boolean(selected) && detail.isFetching}
              >
                {!chosen ? (
                  <Typography.Text type="secondary">{t('pipeline.selectHint')}</Typography.Text>
                ) : chosen.employers.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pipeline.noEmployers')} />
                ) : (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {chosen.employers.map((employer) => (
                      <li key={employer.id}>
                        <Link to={`/hubs/${hub}/organizations/${employer.id}`}>{bilingual(employer.name).primary}</Link>{' '}
                        <Typography.Text type="secondary">{t('pipeline.alumniCount', { count: employer.alumni })}</Typography.Text>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </Space>
          </Col>
        </Row>
      )}
    </Flex>
  );
}
