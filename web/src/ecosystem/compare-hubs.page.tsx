import { Card, Col, Empty, Flex, Row, Select, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem } from '../layout/item-list';
import type { HubComparison } from '../../../contracts/ecosystem-insights';
import { useHubs } from '../hubs/use-hub';
import { useBilingual } from '../i18n/use-bilingual';
import { PageLoading, PartError } from '../layout/page-states';
import { foundingYearOption, sectorOption, universityOption } from './compare-charts';
import { EChart } from './echart';
import { useHubComparison } from './use-ecosystem';
import { Money } from '../money/money';

const DEFAULT_HUBS = ['hangzhou', 'shenzhen', 'beijing'];

/** Hubs side by side: sectors, founding years, founders' universities, funding and dragons. */
export function CompareHubsPage() {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const hubs = useHubs();
  const [chosen, setChosen] = useState<string[]>(DEFAULT_HUBS);
  const comparison = useHubComparison(chosen);
  const rows = useMemo(() => comparison.data?.hubs ?? [], [comparison.data]);

  const options = useMemo(() => {
    const label = (hub: HubComparison['hubs'][number]) => bilingual(hub.name).primary;
    const nameOf = (name: { zh: string; en: string }) => bilingual(name).primary;
    return {
      sector: sectorOption(rows, label, (sector) => t(`sector.${sector}` as 'sector.ai')),
      year: foundingYearOption(rows, label),
      university: universityOption(rows, label, nameOf),
    };
  }, [rows, bilingual, t]);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {t('compare.title')}
        </Typography.Title>
        <Select
          mode="multiple"
          aria-label={t('compare.pickHubs')}
          placeholder={t('compare.pickHubs')}
          value={chosen}
          onChange={setChosen}
          options={(hubs.data ?? []).map((hub) => ({ value: hub.slug, label: bilingual(hub.name).primary }))}
          style={{ minWidth: 320 }}
        />
      </Flex>
      {chosen.length === 0 && <Empty description={t('compare.pickHint')} />}
      {comparison.isError && <PartError error={comparison.error} onRetry={() => void comparison.refetch()} />}
      {chosen.length > 0 && comparison.isPending && <PageLoading />}
      {rows.length > 0 && (
        <>
          <Row gutter={[16, 16]}>
            {rows.map((hub) => (
              <Col key={hub.slug} xs={24} md={24 / Math.min(rows.length, 3)}>
                <Card size="small" title={bilingual(hub.name).primary}>
                  <Row gutter={8}>
                    <Col span={12}>
                      <Statistic title={t('compare.organizations')} value={hub.organizations} />
                    </Col>
                    <Col span={12}>
                      <Statistic title={t('compare.dragons')} value={hub.dragons.length} />
                    </Col>
                  </Row>
                  <Typography.Text type="secondary">{t('punct.labelled', { label: t('compare.fundingRaised') })}</Typography.Text>
                  {hub.fundingRaised.length === 0 ? (
                    <Typography.Text type="secondary">{t('compare.noFunding')}</Typography.Text>
                  ) : (
                    hub.fundingRaised.map((money) => (
                      <Tag key={money.currency} color="green">
                        <Money value={money} />
                      </Tag>
                    ))
                  )}
                  <ItemList
                    size="small"
                    header={<Typography.Text strong>{t('compare.dragonList')}</Typography.Text>}
                    items={hub.dragons}
                    empty={t('compare.noDragons')}
                    renderItem={(dragon) => <ListItem>{bilingual(dragon.name).primary}</ListItem>}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('compare.bySector')}>
                <EChart option={options.sector} height={320} label={t('compare.bySector')} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('compare.byFoundingYear')}>
                <EChart option={options.year} height={320} label={t('compare.byFoundingYear')} />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('compare.founderUniversities')}>
                <EChart option={options.university} height={280} label={t('compare.founderUniversities')} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
