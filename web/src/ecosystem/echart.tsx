import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useReducedMotion } from '../theme/use-reduced-motion';

echarts.use([BarChart, LineChart, GraphChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartClick = { dataType?: string; data?: unknown };

type Props = { option: EChartsCoreOption; height: number; label: string; onClick?: (event: ChartClick) => void };

/** One ECharts instance bound to a div; re-renders on option change, follows the container's width, keeps still for one who asked for less motion. */
export function EChart({ option, height, label, onClick }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const clickRef = useRef(onClick);
  const still = useReducedMotion();
  useEffect(() => {
    clickRef.current = onClick;
  });

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption(still ? { ...option, animation: false } : option);
    chart.on('click', (event) => clickRef.current?.(event as ChartClick));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option, still]);

  return <div ref={element} role="img" aria-label={label} style={{ height, width: '100%' }} />;
}
