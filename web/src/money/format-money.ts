import { groupThousands, minorDigits, type Money } from './money-math';

/**
 * The web's one money format.
 * - zh-CN: in 元 (other currencies by their Chinese name, 美元), large figures in 万 / 亿:
 *   exact "2,500亿元", "2.497亿元", "4,913.138万元", "123,456.78元" (with 角 or 分: in full);
 *   short "2.35亿元" for cards and axes.
 * - en-US: "CNY" with separators, exact "CNY 8,000,000" / "CNY 1,234.50"; short "CNY 8m",
 *   "CNY 2.5bn", "CNY 12k" for cards and axes.
 * Amounts are minor units (fen) as decimal strings; all arithmetic is BigInt, never a float.
 */
export type MoneyStyle = 'exact' | 'short';

const ZH_UNITS = [
  { power: 8, name: '亿' },
  { power: 4, name: '万' },
];
const EN_UNITS = [
  { power: 9, name: 'bn' },
  { power: 6, name: 'm' },
  { power: 3, name: 'k' },
];

const isChinese = (locale: string) => locale.toLowerCase().startsWith('zh');
const pow10 = (n: number) => 10n ** BigInt(n);

/** abs / divisor with up to `decimals` decimals, rounded half away from zero, trailing zeros trimmed. */
function scaled(abs: bigint, divisor: bigint, decimals: number): { whole: bigint; text: string } {
  const factor = pow10(decimals);
  const rounded = (abs * factor * 2n + divisor) / (divisor * 2n);
  const whole = rounded / factor;
  const fraction = decimals > 0 ? (rounded % factor).toString().padStart(decimals, '0').replace(/0+$/, '') : '';
  return { whole, text: fraction ? `${groupThousands(whole.toString())}.${fraction}` : groupThousands(whole.toString()) };
}

/** The plain amount in major units: fraction shown only when there is one, then always all its digits. */
function exactMajor(abs: bigint, digits: number): string {
  const divisor = pow10(digits);
  const whole = groupThousands((abs / divisor).toString());
  const fraction = abs % divisor;
  return fraction === 0n ? whole : `${whole}.${fraction.toString().padStart(digits, '0')}`;
}

function zhCurrencyName(currency: string): string {
  if (currency === 'CNY') return '元';
  try {
    return new Intl.DisplayNames(['zh-CN'], { type: 'currency' }).of(currency) ?? currency;
  } catch {
    return currency;
  }
}

function zhAmount(abs: bigint, digits: number, style: MoneyStyle): string {
  for (const unit of ZH_UNITS) {
    const divisor = pow10(unit.power + digits);
    if (abs < divisor) continue;
    if (style === 'short') return `${scaled(abs, divisor, 2).text}${unit.name}`;
    // Exact: in 亿 when that needs at most four decimals (whole 万), else in 万 when whole 元
    // (2.497亿元, 4,913.138万元), so one column never mixes 万/亿 with full figures of
    // whole 元; an amount with 角 or 分 is written in full.
    if (abs % pow10(unit.power + digits - 4) === 0n) return `${scaled(abs, divisor, 4).text}${unit.name}`;
  }
  if (style === 'short') {
    const { whole, text } = scaled(abs, pow10(digits), 0);
    // 9,999.6 rounds to 10,000: say 1万.
    return whole >= 10_000n ? `${scaled(abs, pow10(4 + digits), 2).text}万` : text;
  }
  return exactMajor(abs, digits);
}

function enAmount(abs: bigint, digits: number, style: MoneyStyle): string {
  if (style === 'exact') return exactMajor(abs, digits);
  for (const [index, unit] of EN_UNITS.entries()) {
    const divisor = pow10(unit.power + digits);
    if (abs < divisor) continue;
    const { whole, text } = scaled(abs, divisor, 2);
    const bigger = EN_UNITS[index - 1];
    // 999.999k rounds to 1,000k: say 1m.
    if (whole >= 1000n && bigger) return `${scaled(abs, pow10(bigger.power + digits), 2).text}${bigger.name}`;
    return `${text}${unit.name}`;
  }
  const { whole, text } = scaled(abs, pow10(digits), 0);
  return whole >= 1000n ? `${scaled(abs, pow10(3 + digits), 2).text}k` : text;
}

/** Formats money: a CNY amount in fen (decimal string) or `{ amountMinor, currency }`. */
export function formatMoney(amount: string | Money, locale: string, style: MoneyStyle = 'exact'): string {
  const { amountMinor, currency } = typeof amount === 'string' ? { amountMinor: amount, currency: 'CNY' } : amount;
  const minor = BigInt(amountMinor);
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  const digits = minorDigits(currency);
  if (isChinese(locale)) return `${sign}${zhAmount(abs, digits, style)}${zhCurrencyName(currency)}`;
  return `${sign}${currency} ${enAmount(abs, digits, style)}`;
}

/** A chart axis or tooltip value (major units, as plotted) in the short format. */
export function formatMoneyAxis(major: number, locale: string, currency = 'CNY'): string {
  const minor = BigInt(Math.round(major * 10 ** minorDigits(currency)));
  return formatMoney({ amountMinor: minor.toString(), currency }, locale, 'short');
}
