import { Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubDashboard } from '../api/hub-dashboard.api';
import { EChart } from '../ecosystem/echart';
import { formatHours } from '../compute/format-hours';
import { formatArea } from '../i18n/format-area';
import { formatMonth } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { formatMoneyAxis } from '../money/format-money';
import { useFormatMoney } from '../money/money';
import { Section } from './dashboard-section';
import { computeTrendOption, spacesTrendOption, staysTrendOption } from './trend-charts';

/** A chart of twelve months with its figures in words beneath (what a screen reader and the printed report read). */
function Trend({ title, label, option, words }: { title: string; label: string; option: Parameters<typeof EChart>[0]['option']; words: string }) {
  return (
    <section aria-label={title}>
      <Typography.Title level={3} style={{ fontSize: 14 }}>
        {title}
      </Typography.Title>
      <EChart option={option} height={240} label={label} />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {words}
      </Typography.Paragraph>
    </section>
  );
}

/** The last 12 months of youth-station occupancy, office space let and held, and compute used against quotas. */
export function DashboardTrends({ trends }: { trends: HubDashboard['trends'] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const format = useFormatMoney();
  const options = useMemo(() => {
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const count = (v: number) => number.format(v);
    const named = <T extends { month: string }>(months: T[]) => months.map((m) => ({ ...m, month: formatMonth(m.month, locale) }));
    return {
      stays: staysTrendOption(named(trends.stays), { available: t('dashboard.trendNightsAvailable'), booked: t('dashboard.trendNightsBooked') }, count),
      spaces: spacesTrendOption(
        named(trends.spaces),
        { leased: t('dashboard.trendLeased'), held: t('dashboard.trendHeld'), cost: t('dashboard.trendHeldCost') },
        (v) => formatArea(v, locale),
        (v) => formatMoneyAxis(v, locale),
      ),
      compute: computeTrendOption(named(trends.compute), { quota: t('dashboard.trendQuota'), used: t('dashboard.trendUsed') }, (v) => formatHours(v, locale)),
    };
  }, [trends, locale, t]);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = (part: number, whole: number) =>
    whole > 0 ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(part / whole) : t('dashboard.none');
  const sum = <T,>(rows: T[], pick: (r: T) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const booked = sum(trends.stays, (m) => m.nightsBooked);
  const available = sum(trends.stays, (m) => m.nightsAvailable);
  const used = sum(trends.compute, (m) => m.usedGpuHours);
  const quota = sum(trends.compute, (m) => m.quotaGpuHours);
  const last = trends.spaces.at(-1);
  const heldCost = trends.spaces.reduce((s, m) => s + BigInt(m.heldVacantCost), 0n).toString();
  return (
    <Section title={t('dashboard.trends')}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Trend
          title={t('dashboard.trendStays')}
          label={t('dashboard.trendStaysLabel')}
          option={options.stays}
          words={t('dashboard.trendStaysWords', { booked: number.format(booked), available: number.format(available), share: percent(booked, available) })}
        />
        <Trend
          title={t('dashboard.trendSpaces')}
          label={t('dashboard.trendSpacesLabel')}
          option={options.spaces}
          words={t('dashboard.trendSpacesWords', {
            month: last ? formatMonth(last.month, locale) : '',
            leased: number.format(last?.leasedM2 ?? 0),
            held: number.format(last?.heldM2 ?? 0),
            cost: format(heldCost),
          })}
        />
        <Trend
          title={t('dashboard.trendCompute')}
          label={t('dashboard.trendComputeLabel')}
          option={options.compute}
          words={t('dashboard.trendComputeWords', {
            used: formatHours(Math.round(used), locale),
            quota: formatHours(Math.round(quota), locale),
            share: percent(used, quota),
          })}
        />
      </Space>
    </Section>
  );
}
