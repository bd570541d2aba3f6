import { majorToMinor } from '../ecosystem/money';

/** "-12345" fen -> "-123.45" yuan: string math, so 18-digit amounts stay exact. */
export function fenToYuanText(fen: string): `${number}` {
  const negative = fen.startsWith('-');
  const digits = (negative ? fen.slice(1) : fen).replace(/^0+(?=\d)/, '').padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}` as `${number}`;
}

/** Formats fen as yuan ("¥1,234.50", compact "¥2亿" / "CN¥200M" for cards and charts). */
export function formatYuan(fen: string, locale: string, options: { compact?: boolean } = {}): string {
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    notation: options.compact ? 'compact' : 'standard',
    maximumFractionDigits: options.compact ? 1 : 2,
    minimumFractionDigits: options.compact ? 0 : 2,
  });
  // Intl takes a decimal string exactly (ES2023), so no float ever holds the amount.
  return format.format(fenToYuanText(fen));
}

/** Yuan as a number, only for plotting (a chart axis may round). */
export function fenForChart(fen: string): number {
  return Number(fenToYuanText(fen));
}

/** "200,000,000.5" yuan typed by a person -> "20000000050" fen, or null when not a plain positive amount. */
export function yuanToFen(input: string): string | null {
  const fen = majorToMinor(input, 'CNY');
  return fen && fen !== '0' ? fen : null;
}

/** "15" or "15.5" percent -> 1500 / 1550 basis points, string math; null outside 0.01..100. */
export function percentToBasisPoints(input: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(input.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp >= 1 && bp <= 10_000 ? bp : null;
}

/** 1500 -> "15%", 1550 -> "15.5%". */
export function basisPointsText(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}%` : `${whole}%`;
}

/** Signed fen arithmetic on decimal strings, through BigInt. */
export function fenMinus(a: string, ...rest: string[]): string {
  return rest.reduce((total, x) => total - BigInt(x), BigInt(a)).toString();
}
