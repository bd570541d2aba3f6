import { Card, Empty } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization, Sector } from '../../../contracts/organizations';
import { useReducedMotion } from '../theme/use-reduced-motion';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** How many organisations of the page work in each sector (one organisation may count in several). */
export function SectorChart({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const still = useReducedMotion();

  const counts = useMemo(() => {
    const bySector = new Map<Sector, number>();
    for (const organization of organizations) {
      for (const sector of organization.sectors) bySector.set(sector, (bySector.get(sector) ?? 0) + 1);
    }
    return [...bySector.entries()].sort((a, b) => a[1] - b[1]);
  }, [organizations]);

  useEffect(() => {
    if (!element.current || counts.length === 0) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      animation: !still,
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: counts.map(([sector]) => t(`sector.${sector}`)) },
      series: [{ type: 'bar', data: counts.map(([, count]) => count), itemStyle: { color: '#1677ff' }, barMaxWidth: 20 }],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [counts, t, still]);

  return (
    <Card size="small" title={t('org.chartTitle')}>
      {counts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.chartEmpty')} />
      ) : (
        <div ref={element} role="img" aria-label={t('org.chartTitle')} style={{ height: Math.max(160, counts.length * 32 + 40) }} />
      )}
    </Card>
  );
}
