import type { Fact } from '../../../contracts/facts';
import { formatMoney, moneyForChart } from './money';

/** A fact's value as text: money with its currency, market share in percent, other quantities as numbers. */
export function formatFactValue(fact: Pick<Fact, 'metric' | 'money' | 'quantity'>, locale: string, compact = false): string {
  if (fact.money) return formatMoney(fact.money, locale, { compact });
  if (fact.quantity === null) return '—';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(fact.quantity as `${number}`);
  return fact.metric === 'market_share' ? `${number}%` : number;
}

/** A fact's value for a chart axis. */
export function factChartValue(fact: Fact): number {
  return fact.money ? moneyForChart(fact.money) : Number(fact.quantity ?? 0);
}
