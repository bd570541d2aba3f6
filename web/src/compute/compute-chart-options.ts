import type { Locale } from '../../../contracts/error-messages';
import type { ComputeDashboard, FairShare } from '../api/compute.api';
import { formatMonthDay } from '../i18n/format-date';

/**
 * The compute charts' ECharts options, built from the API's data alone (no React, no
 * canvas), so what each chart shows is tested here. Words and number formats come in
 * from the page, in the reader's language.
 */

type Format = (value: number) => string;

/** Text put into a tooltip's HTML (a company's name is anyone's text). */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** "2026-12-06" -> "12月6日" / "Dec 6", the day axis's label. */
const dayLabel = (day: string, locale: Locale) => formatMonthDay(day, locale);

/**
 * Share of each flavor's GPU-hours reserved per day. Days after `today` have no use yet:
 * their points are null, so the lines stop at today, which a vertical line marks.
 */
export function utilisationOption(data: ComputeDashboard['utilisation'], today: string, words: { today: string }, locale: Locale) {
  const days = [...new Set(data.map((u) => u.day))].sort();
  const models = [...new Set(data.map((u) => u.model))];
  const percent = (model: string, day: string): number | null => {
    if (day > today) return null;
    const u = data.find((x) => x.model === model && x.day === day);
    return u && u.capacityGpuHours > 0 ? Math.round((u.reservedGpuHours / u.capacityGpuHours) * 1000) / 10 : 0;
  };
  const marksToday = days.includes(today);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
    legend: { top: 0, data: models },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => dayLabel(d, locale)) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: models.map((m, index) => ({
      name: m,
      type: 'line',
      showSymbol: false,
      connectNulls: false,
      data: days.map((d) => percent(m, d)),
      // One "today" line for the chart, on the first series.
      ...(index === 0 && marksToday
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#8c8c8c' },
              label: { formatter: words.today, position: 'end' },
              data: [{ xAxis: dayLabel(today, locale) }],
            },
          }
        : {}),
    })),
  };
}

/** Hours from submission to start, per day of submission: the average (bars) and the longest (a line). */
export function waitsOption(data: ComputeDashboard['waits'], words: { average: string; longest: string; hours: string }, hours: Format, locale: Locale) {
  const tenth = (v: number) => Math.round(v * 10) / 10;
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${hours(v)} ${words.hours}` },
    legend: { top: 0, data: [words.average, words.longest] },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.map((w) => dayLabel(w.day, locale)) },
    yAxis: { type: 'value', name: words.hours, axisLabel: { formatter: hours } },
    series: [
      { name: words.average, type: 'bar', data: data.map((w) => tenth(w.averageHours)) },
      { name: words.longest, type: 'line', data: data.map((w) => tenth(w.longestHours)) },
    ],
  };
}

/** Pixels per company in the fair-share chart: a bar and its name each get room to be read. */
const ROW = 44;

/** The fair-share chart's height for `companies` rows, axis and margins included. */
export function fairShareHeight(companies: number): number {
  return Math.max(160, 72 + ROW * companies);
}

/**
 * Each company's recent GPU use (decayed GPU-hours) as one bar, one measure on one axis;
 * its share, which decides who goes first (smallest first: the server's order, top down),
 * is the bar's label.
 */
export function fairShareOption(
  items: FairShare['items'],
  words: { name: (item: FairShare['items'][number]) => string; axis: string; label: (hours: string, share: string) => string },
  format: { hours: Format; percent: Format },
) {
  const label = (i: number) => words.label(format.hours(items[i]!.decayedGpuHours), format.percent(items[i]!.dominantShare));
  return {
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number; name: string }) => `${escapeHtml(p.name)}<br/>${escapeHtml(label(p.dataIndex))}` },
    // Room on the right for the label past the longest bar.
    grid: { left: 8, right: 180, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value', name: words.axis, nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: format.hours } },
    yAxis: { type: 'category', inverse: true, data: items.map(words.name), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      {
        name: words.axis,
        type: 'bar',
        barMaxWidth: 24,
        data: items.map((i) => i.decayedGpuHours),
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => label(p.dataIndex) },
      },
    ],
  };
}
