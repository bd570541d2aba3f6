import type { Money } from '../../../contracts/relations';

/** How many minor units a currency has (USD 2, JPY 0), as Intl knows it. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "140000000000" minor USD -> "1400000000.00": string math, so 18-digit amounts stay exact. */
export function minorToDecimal(money: Money): `${number}` {
  const digits = minorDigits(money.currency);
  const padded = money.amountMinor.replace(/^0+(?=\d)/, '').padStart(digits + 1, '0');
  const major = padded.slice(0, padded.length - digits);
  return (digits === 0 ? major : `${major}.${padded.slice(padded.length - digits)}`) as `${number}`;
}

/** Formats money with its currency code; `compact` gives "US$1.4B" / "US$14亿" for charts and cards. */
export function formatMoney(money: Money, locale: string, options: { compact?: boolean } = {}): string {
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: 'code',
    notation: options.compact ? 'compact' : 'standard',
    maximumFractionDigits: options.compact ? 1 : minorDigits(money.currency),
  });
  // Intl takes a decimal string exactly (ES2023), so no float ever holds the amount.
  return format.format(minorToDecimal(money));
}

/** The amount as a number of major units, only for plotting (a chart axis may round). */
export function moneyForChart(money: Money): number {
  return Number(minorToDecimal(money));
}

/** "1400000000.5" typed in major units -> "140000000050" minor units, or null when not a plain amount. */
export function majorToMinor(input: string, currency: string): string | null {
  const digits = minorDigits(currency);
  const text = input.replace(/[,\s_]/g, '');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = `${match[1]}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  return /^\d{1,18}$/.test(minor) ? minor : null;
}
