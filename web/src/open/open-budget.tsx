import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Grid, Row, Select, Space, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemList, ListItem, ListItemMeta } from '../layout/item-list';
import { downloads, getPublicBudget } from '../api/open-data.api';
import { EChart } from '../ecosystem/echart';
import { useLocale } from '../i18n/locale-context';
import { PageLoading, PartError } from '../layout/page-states';
import { Money, useFormatMoney } from '../money/money';
import { linesOption } from './open-charts';

/** The envelope of one year and how it is spent, per line (chart) and per program; downloads. */
export function OpenBudget({ hub }: { hub: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const format = useFormatMoney();
  const narrow = Grid.useBreakpoint().md === false;
  const [year, setYear] = useState<number | undefined>();
  const budget = useQuery({ queryKey: ['public-budget', hub, year ?? null], queryFn: () => getPublicBudget(hub, year) });
  const nameOf = (name: { zh: string; en: string }) => (locale === 'zh-CN' ? name.zh : name.en);
  const option = useMemo(
    () =>
      budget.data
        ? linesOption(
            budget.data,
            (n) => (locale === 'zh-CN' ? n.zh : n.en),
            { disbursed: t('open.disbursed'), committed: t('open.committed'), free: t('open.free') },
            locale,
            narrow,
          )
        : null,
    [budget.data, locale, t, narrow],
  );
  if (budget.isPending) return <PageLoading />;
  if (budget.isError) return <PartError error={budget.error} onRetry={() => void budget.refetch()} />;
  const b = budget.data;
  const files = downloads(hub, b.year, locale);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {b.years.length > 0 && (
        <Space wrap>
          <label htmlFor="open-year">{t('open.year')}</label>
          <Select
            id="open-year"
            value={b.year ?? undefined}
            onChange={setYear}
            options={b.years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 120 }}
          />
        </Space>
      )}
      {b.year === null ? (
        <Empty description={t('open.noYear')} />
      ) : (
        <>
          {/* The envelope and the four parts it is made of, in the order they add up. */}
          <Row gutter={[16, 16]}>
            {(
              [
                ['envelope', b.envelope],
                ['unallocated', b.unallocated],
                ['freeOnLines', b.free],
                ['committed', b.committed],
                ['disbursed', b.disbursed],
              ] as const
            ).map(([key, value]) => (
              <Col flex="1 0 150px" key={key}>
                <Card size="small">
                  <Statistic title={t(`open.${key}`)} value={format(value, 'short')} />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Text type="secondary">{t('open.addsUp')}</Typography.Text>
          <Card
            title={
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t('open.lines')}
              </Typography.Title>
            }
            size="small"
          >
            {option && <EChart option={option} height={Math.max(180, b.lines.length * 56 + 60)} label={t('open.chartLabel')} />}
          </Card>
          <Card
            title={
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t('open.programs')}
              </Typography.Title>
            }
            size="small"
          >
            <ItemList
              items={b.programs}
              empty={t('open.noAwards')}
              renderItem={(p) => (
                <ListItem>
                  <ListItemMeta
                    title={nameOf(p.name)}
                    description={
                      p.awards === 0 ? (
                        t('open.noAwardsYet')
                      ) : (
                        <Space wrap size="middle">
                          <span>{t('punct.labelledValue', { label: t('open.awardsCount'), value: p.awards })}</span>
                          <span>
                            {t('punct.labelled', { label: t('open.awarded') })}
                            <Money value={p.awarded} />
                          </span>
                          <span>
                            {t('punct.labelled', { label: t('open.disbursed') })}
                            <Money value={p.disbursed} />
                          </span>
                        </Space>
                      )
                    }
                  />
                </ListItem>
              )}
            />
            {b.individuals.count > 0 && (
              <Typography.Paragraph type="secondary">
                {t('open.individuals', { count: b.individuals.count, amount: format(b.individuals.amount) })}
              </Typography.Paragraph>
            )}
          </Card>
        </>
      )}
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('open.downloads')}
          </Typography.Title>
        }
        size="small"
      >
        <Space wrap>
          {b.year !== null && (
            <a href={files.budgetCsv} download>
              {t('open.budgetCsv')}
            </a>
          )}
          {b.year !== null && (
            <a href={files.budgetXlsx} download>
              {t('open.budgetXlsx')}
            </a>
          )}
          <a href={files.grantsJson} download>
            {t('open.grantsJson')}
          </a>
          <a href={files.grantsCsv} download>
            {t('open.grantsCsv')}
          </a>
          <a href={files.grantsXlsx} download>
            {t('open.grantsXlsx')}
          </a>
        </Space>
      </Card>
    </Space>
  );
}
