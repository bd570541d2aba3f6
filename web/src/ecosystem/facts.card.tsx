import { LinkOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { factMetrics, type Fact, type FactMetric } from '../../../contracts/facts';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { PartError } from '../layout/page-states';
import { FactFormModal } from './fact-form.modal';
import { FactHistoryChart } from './fact-history.chart';
import { formatFactValue } from './fact-value';
import { useFacts } from './use-ecosystem';

export function FactSource({ source }: { source: Fact['source'] }) {
  const { t } = useTranslation();
  if (source.url) {
    return (
      <a href={source.url} target="_blank" rel="noreferrer noopener">
        <LinkOutlined /> {source.note ?? t('facts.source')}
      </a>
    );
  }
  return <Typography.Text type="secondary">{source.note ?? t('facts.noSource')}</Typography.Text>;
}

/** Dated, sourced facts: the latest value per metric, with its history as a line. */
export function FactsCard({ hub, organizationId, canEdit }: { hub: string; organizationId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const facts = useFacts(hub, organizationId);
  const [adding, setAdding] = useState(false);

  const byMetric = new Map<FactMetric, Fact[]>();
  for (const fact of facts.data ?? []) byMetric.set(fact.metric, [...(byMetric.get(fact.metric) ?? []), fact]);
  const metrics = factMetrics.filter((metric) => byMetric.has(metric));

  return (
    <Card title={t('facts.title')} extra={canEdit && <Button onClick={() => setAdding(true)}>{t('facts.add')}</Button>}>
      {facts.isError && <PartError error={facts.error} onRetry={() => void facts.refetch()} />}
      {facts.isSuccess && metrics.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('facts.empty')} />}
      <Row gutter={[16, 16]}>
        {metrics.map((metric) => {
          const history = [...byMetric.get(metric)!].sort((a, b) => b.asOf.localeCompare(a.asOf));
          const latest = history[0]!;
          return (
            <Col key={metric} xs={24} lg={12}>
              <Card size="small" type="inner">
                <Statistic title={`${t(`metric.${metric}`)}${latest.label ? ` · ${latest.label}` : ''}`} value={formatFactValue(latest, locale)} />
                <Typography.Text type="secondary">{t('facts.asOf', { date: formatDay(latest.asOf, locale) })} · </Typography.Text>
                <FactSource source={latest.source} />
                {history.length > 1 && <FactHistoryChart metric={metric} facts={history} />}
                <Flex vertical gap={2} style={{ marginTop: 8 }}>
                  {history.slice(1).map((fact) => (
                    <Typography.Text key={fact.id} type="secondary" style={{ fontSize: 12 }}>
                      {t('punct.labelledValue', { label: formatDay(fact.asOf, locale), value: formatFactValue(fact, locale) })} ·{' '}
                      <FactSource source={fact.source} />
                    </Typography.Text>
                  ))}
                </Flex>
              </Card>
            </Col>
          );
        })}
      </Row>
      {canEdit && <FactFormModal hub={hub} organizationId={organizationId} open={adding} onClose={() => setAdding(false)} />}
    </Card>
  );
}
