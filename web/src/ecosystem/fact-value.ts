import type { Fact } from '../../../contracts/facts';
import { formatMoney } from '../money/format-money';
import { moneyForChart } from '../money/money-math';

/** A fact's value as text: money with its currency, market share in percent, other quantities as numbers. */
export function formatFactValue(fact: Pick<Fact, 'metric' | 'money' | 'quantity'>, locale: string, compact = false): string {
  if (fact.money) return formatMoney(fact.money, locale, compact ? 'short' : 'exact');
  if (fact.quantity === null) return '—';
  if (fact.metric === 'registered_in_hub')
    return fact.quantity === '0' ? (locale.startsWith('zh') ? '已迁出' : 'Moved out') : locale.startsWith('zh') ? '在本地注册' : 'Registered here';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(fact.quantity as `${number}`);
  return fact.metric === 'market_share' ? `${number}%` : number;
}

/** A fact's value for a chart axis. */
export function factChartValue(fact: Fact): number {
  return fact.money ? moneyForChart(fact.money) : Number(fact.quantity ?? 0);
}
