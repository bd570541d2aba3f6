import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Divider, Flex, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getProgramOutcomes, type ProgramOutcomes } from '../../api/simulation.api';
import { EChart } from '../../ecosystem/echart';
import { PageLoading, PartError } from '../../layout/page-states';
import { useFormatMoney } from '../../money/money';
import { outcomeBarsOption } from './outcomes-chart';

type Estimate = ProgramOutcomes['estimates'][number];
const metrics = ['headcount', 'revenue', 'fundingRaised'] as const;

/** The program page's outcome study for hub staff: funded firms against those turned down. */
export function OutcomesCard({ hub, program }: { hub: string; program: string }) {
  const outcomes = useQuery({ queryKey: ['hubs', hub, 'programs', program, 'outcomes'], queryFn: () => getProgramOutcomes(hub, program) });
  if (outcomes.isPending) return <PageLoading />;
  if (outcomes.isError) return <PartError error={outcomes.error} onRetry={() => void outcomes.refetch()} />;
  return <OutcomesFigures outcomes={outcomes.data} />;
}

/** Group sizes, then per measure a chart of both groups' mean change and the difference with its interval (or why none). */
export function OutcomesFigures({ outcomes }: { outcomes: ProgramOutcomes }) {
  const { t } = useTranslation();
  const format = useFormatMoney();
  const show = (e: Estimate, value: string) => (e.unit === 'people' ? t('programs.simulation.outcomes.people', { value }) : format(value));
  const axis = (unit: Estimate['unit']) => (v: number) => (unit === 'people' ? String(v) : format(String(Math.round(v)), 'short'));
  return (
    <Card title={t('programs.simulation.outcomes.title')}>
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('programs.simulation.outcomes.intro')}
        </Typography.Paragraph>
        <Row gutter={[16, 16]}>
          <Col xs={12}>
            <Statistic title={t('programs.simulation.outcomes.fundedSeries')} value={outcomes.awardees} />
          </Col>
          <Col xs={12}>
            <Statistic title={t('programs.simulation.outcomes.comparedSeries')} value={outcomes.comparisons} />
          </Col>
        </Row>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('programs.simulation.outcomes.groups', {
            rejected: outcomes.comparisonGroups.rejectedAtReview,
            narrow: outcomes.comparisonGroups.narrowMisses,
            percent: Math.round(outcomes.narrowMissMaxRelative * 100),
          })}
        </Typography.Paragraph>
        <Row gutter={[16, 16]}>
          {metrics.map((metric) => {
            const rows = outcomes.estimates.filter((e) => e.metric === metric);
            const published = rows.filter((e) => e.withheld === null);
            const name = t(`programs.simulation.outcomes.metric.${metric}`);
            return (
              <Col xs={24} lg={8} key={metric}>
                <section aria-label={name}>
                  <Typography.Title level={5}>{name}</Typography.Title>
                  {published.length > 0 && (
                    <EChart
                      option={outcomeBarsOption(
                        published.map((e) => ({
                          label: t('programs.simulation.outcomes.horizon', { months: e.horizonMonths }),
                          funded: Number(e.awardeeChange),
                          compared: Number(e.comparisonChange),
                        })),
                        { funded: t('programs.simulation.outcomes.fundedSeries'), compared: t('programs.simulation.outcomes.comparedSeries') },
                        axis(published[0]!.unit),
                      )}
                      height={200}
                      label={t('programs.simulation.outcomes.chartOf', { metric: name })}
                    />
                  )}
                  {rows.map((e) => (
                    <div key={e.horizonMonths}>
                      <Divider style={{ margin: '8px 0' }} />
                      <Flex vertical gap={4}>
                        <Typography.Text strong>{t('programs.simulation.outcomes.horizon', { months: e.horizonMonths })}</Typography.Text>
                        {e.withheld === null ? (
                          <Typography.Text>
                            {t('programs.simulation.outcomes.estimate', { value: show(e, e.estimate!), low: show(e, e.low!), high: show(e, e.high!) })}
                          </Typography.Text>
                        ) : (
                          <Alert
                            type="info"
                            showIcon
                            title={t(`programs.simulation.outcomes.withheld.${e.withheld}`, {
                              min: outcomes.minimumGroup,
                              count: e.withheld === 'TOO_FEW_AWARDEES' ? e.awardees : e.comparisons,
                            })}
                          />
                        )}
                        <Typography.Text type="secondary">
                          {t('programs.simulation.outcomes.awardees', { count: e.awardees })} ·{' '}
                          {t('programs.simulation.outcomes.comparisons', { count: e.comparisons })}
                        </Typography.Text>
                      </Flex>
                    </div>
                  ))}
                </section>
              </Col>
            );
          })}
        </Row>
      </Flex>
    </Card>
  );
}
