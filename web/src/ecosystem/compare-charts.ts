import type { HubComparison } from '../../../contracts/ecosystem-insights';

type HubRow = HubComparison['hubs'][number];
type Label = (hub: HubRow) => string;

const PALETTE = ['#1677ff', '#52c41a', '#fa8c16', '#722ed1', '#eb2f96'];

const base = (hubs: HubRow[], label: Label) => ({
  color: PALETTE,
  legend: { top: 0, data: hubs.map(label) },
  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
});

/** Organisations per sector, one bar per hub in each sector group. */
export function sectorOption(hubs: HubRow[], label: Label, sectorLabel: (sector: string) => string) {
  const sectors = [...new Set(hubs.flatMap((hub) => hub.bySector.map((row) => row.sector)))];
  return {
    ...base(hubs, label),
    xAxis: { type: 'category', data: sectors.map(sectorLabel), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: hubs.map((hub) => ({
      type: 'bar',
      name: label(hub),
      data: sectors.map((sector) => hub.bySector.find((row) => row.sector === sector)?.organizations ?? 0),
    })),
  };
}

/** Organisations founded per year, one line per hub (years with none read 0). */
export function foundingYearOption(hubs: HubRow[], label: Label) {
  const years = [...new Set(hubs.flatMap((hub) => hub.byFoundingYear.map((row) => row.year)))].sort((a, b) => a - b);
  return {
    ...base(hubs, label),
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', minInterval: 1 },
    series: hubs.map((hub) => ({
      type: 'line',
      name: label(hub),
      data: years.map((year) => hub.byFoundingYear.find((row) => row.year === year)?.organizations ?? 0),
    })),
  };
}

/** Founders per university, one bar per hub. */
export function universityOption(hubs: HubRow[], label: Label, nameOf: (name: { zh: string; en: string }) => string) {
  const universities = new Map<string, string>();
  for (const hub of hubs) for (const row of hub.founderUniversities) universities.set(row.id, nameOf(row.name));
  const ids = [...universities.keys()];
  return {
    ...base(hubs, label),
    xAxis: { type: 'category', data: ids.map((id) => universities.get(id)!), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: hubs.map((hub) => ({
      type: 'bar',
      name: label(hub),
      data: ids.map((id) => hub.founderUniversities.find((row) => row.id === id)?.founders ?? 0),
    })),
  };
}
