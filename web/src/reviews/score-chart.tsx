import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewBoard } from '../api/reviews.api';
import { EChart } from '../ecosystem/echart';
import { useBilingual } from '../i18n/use-bilingual';

/** Each reviewer's score per criterion as grouped bars, so disagreement shows at a glance. */
export function ScoreChart({ board }: { board: ReviewBoard }) {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, bottom: 32, top: 40 },
      xAxis: { type: 'category', data: board.rubric.map((c) => bilingual(c.name).primary) },
      yAxis: { type: 'value', min: 0, max: Math.max(...board.rubric.map((c) => c.scale)) },
      series: board.reviews.map((r, i) => ({ type: 'bar', name: r.reviewer ?? `#${i + 1}`, data: board.rubric.map((c) => r.scores[c.key] ?? 0) })),
    }),
    [board, bilingual],
  );
  return <EChart option={option} height={260} label={t('reviews.board.chart')} />;
}
