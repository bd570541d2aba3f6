import { Card, Col, Empty, Progress, Row, Space, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubDashboard } from '../api/hub-dashboard.api';
import { EChart } from '../ecosystem/echart';
import { formatAreaNumber } from '../i18n/format-area';
import { formatDay, formatDayRange, formatMonth } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { formatMoneyAxis } from '../money/format-money';
import { useFormatMoney } from '../money/money';
import { monthsOption, programsOption } from './dashboard-charts';
import { Section } from './dashboard-section';
import { DashboardTrends } from './dashboard-trends';

/** A share of a whole as a bar with its words; "none yet" when there is no whole. */
function Use({ title, part, whole, detail }: { title: string; part: number; whole: number; detail: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const share = whole > 0 ? part / whole : null;
  return (
    <Col xs={24} md={8}>
      <Card size="small" role="region" aria-label={title}>
        <Statistic
          title={title}
          value={share === null ? t('dashboard.none') : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share)}
        />
        {share !== null && <Progress percent={Math.round(share * 1000) / 10} showInfo={false} aria-hidden />}
        <Typography.Text type="secondary">{detail}</Typography.Text>
      </Card>
    </Col>
  );
}

/** The hub admin's dashboard: the year's money and what it produced, its months and programs, and the use of stays, space and compute. */
export function HubDashboardFigures({ dashboard: d }: { dashboard: HubDashboard }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const format = useFormatMoney();
  const nameOf = (n: { zh: string; en: string }) => (locale === 'zh-CN' ? n.zh : n.en);
  const trend = useMemo(
    () =>
      monthsOption(
        d.months.map((m) => ({ ...m, month: formatMonth(m.month, locale) })),
        { committed: t('dashboard.monthCommitted'), paid: t('dashboard.monthPaid') },
        (v) => formatMoneyAxis(v, locale),
      ),
    [d.months, locale, t],
  );
  const programs = useMemo(
    () =>
      programsOption(
        d.programs.map((p) => ({ name: locale === 'zh-CN' ? p.name.zh : p.name.en, awarded: p.awarded, disbursed: p.disbursed })),
        { awarded: t('dashboard.programAwarded'), paid: t('dashboard.programPaid') },
        (v) => formatMoneyAxis(v, locale),
      ),
    [d.programs, locale, t],
  );
  const m2 = (n: number) => formatAreaNumber(n, locale);
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {d.year === null ? (
        <Empty description={t('dashboard.noYear')} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {(
              [
                ['envelope', format(d.money.envelope, 'short')],
                ['committed', format(d.money.committed, 'short')],
                ['paid', format(d.money.paid, 'short')],
                ['left', format(d.money.left, 'short')],
                ['awards', count(d.awards.count)],
                ['awarded', format(d.awards.amount, 'short')],
              ] as const
            ).map(([key, value]) => (
              <Col xs={12} md={8} lg={4} key={key}>
                <Card size="small">
                  <Statistic title={t(`dashboard.${key}`)} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          {d.money.unallocated !== '0' && (
            <Typography.Text type="secondary">
              {t('punct.labelledValue', { label: t('dashboard.unallocated'), value: format(d.money.unallocated, 'short') })}
            </Typography.Text>
          )}
          <Section title={t('dashboard.trend')}>
            {d.months.length === 0 ? <Empty description={t('dashboard.noMonths')} /> : <EChart option={trend} height={260} label={t('dashboard.trendLabel')} />}
          </Section>
          <Section title={t('dashboard.programs')}>
            {d.programs.length === 0 ? (
              <Empty description={t('dashboard.noPrograms')} />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <EChart option={programs} height={Math.max(180, d.programs.length * 56 + 60)} label={t('dashboard.programsLabel')} />
                <ul className="dashboard-programs" style={{ margin: 0, paddingInlineStart: 20 }}>
                  {d.programs.map((p) => (
                    <li key={p.id}>
                      {t('dashboard.programLine', { name: nameOf(p.name), count: p.awards, awarded: format(p.awarded), paid: format(p.disbursed) })}
                    </li>
                  ))}
                </ul>
              </Space>
            )}
          </Section>
        </>
      )}
      <Section title={t('dashboard.use')}>
        <Row gutter={[16, 16]}>
          <Use
            title={t('dashboard.stays')}
            part={d.stays.occupiedNights}
            whole={d.stays.bedNights}
            detail={t('dashboard.staysDetail', {
              range: formatDayRange(d.stays.from, d.stays.to, locale),
              beds: count(d.stays.beds),
              occupied: count(d.stays.occupiedNights),
              nights: count(d.stays.bedNights),
            })}
          />
          <Use
            title={t('dashboard.spaces')}
            part={d.spaces.leasedM2}
            whole={d.spaces.totalM2}
            detail={t('dashboard.spacesDetail', {
              on: formatDay(d.spaces.on, locale),
              total: m2(d.spaces.totalM2),
              leased: m2(d.spaces.leasedM2),
              held: m2(d.spaces.heldM2),
            })}
          />
          <Use
            title={t('dashboard.compute')}
            part={d.compute.reservedGpuHours}
            whole={d.compute.capacityGpuHours}
            detail={t('dashboard.computeDetail', {
              range: formatDayRange(d.compute.from, d.compute.to, locale),
              capacity: count(d.compute.capacityGpuHours),
              reserved: count(d.compute.reservedGpuHours),
            })}
          />
        </Row>
      </Section>
      <DashboardTrends trends={d.trends} />
    </Space>
  );
}
