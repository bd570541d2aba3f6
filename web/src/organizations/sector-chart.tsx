import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization, Sector } from '../../../contracts/organizations';
import { EChart } from '../ecosystem/echart';

/** How many organisations of the page work in each sector (one organisation may count in several). */
export function SectorChart({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();

  const counts = useMemo(() => {
    const bySector = new Map<Sector, number>();
    for (const organization of organizations) {
      for (const sector of organization.sectors) bySector.set(sector, (bySector.get(sector) ?? 0) + 1);
    }
    return [...bySector.entries()].sort((a, b) => a[1] - b[1]);
  }, [organizations]);

  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: counts.map(([sector]) => t(`sector.${sector}`)) },
      series: [{ type: 'bar', data: counts.map(([, count]) => count), itemStyle: { color: '#1677ff' }, barMaxWidth: 20 }],
    }),
    [counts, t],
  );

  return (
    <Card size="small" title={t('org.chartTitle')}>
      {counts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.chartEmpty')} />
      ) : (
        <EChart option={option} height={Math.max(160, counts.length * 32 + 40)} label={t('org.chartTitle')} />
      )}
    </Card>
  );
}
