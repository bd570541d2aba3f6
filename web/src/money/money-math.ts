import type { Money } from '../../../contracts/relations';

/** Money in minor units (fen, cents) as a decimal string, with its currency. */
export type { Money };

/** How many minor units a currency has (CNY 2, JPY 0), as Intl knows it. */
export function minorDigits(currency: string): number {
  if (currency === 'CNY') return 2;
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "-12345" fen -> "-123.45" yuan: string math, so 18-digit amounts stay exact. */
export function minorToDecimal(amountMinor: string, currency = 'CNY'): `${number}` {
  const digits = minorDigits(currency);
  const negative = amountMinor.startsWith('-');
  const padded = (negative ? amountMinor.slice(1) : amountMinor).replace(/^0+(?=\d)/, '').padStart(digits + 1, '0');
  const major = padded.slice(0, padded.length - digits);
  const text = digits === 0 ? major : `${major}.${padded.slice(padded.length - digits)}`;
  return `${negative ? '-' : ''}${text}` as `${number}`;
}

/** A decimal amount for a form field: "500000" fen -> "5,000" (no ".00" when whole). */
export function minorToInputText(amountMinor: string, currency = 'CNY'): string {
  const [whole, fraction] = minorToDecimal(amountMinor, currency).split('.');
  const grouped = groupThousands(whole!);
  return fraction && /[1-9]/.test(fraction) ? `${grouped}.${fraction}` : grouped;
}

/** "1,400,000,000.5" typed in major units -> "140000000050" minor units, or null when not a plain amount >= 0. */
export function majorToMinor(input: string, currency = 'CNY'): string | null {
  const digits = minorDigits(currency);
  const text = input.replace(/[,\s_，]/g, '');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = `${match[1]}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  return /^\d{1,18}$/.test(minor) ? minor : null;
}

/** Typed yuan -> fen, or null when not a plain positive amount. */
export function yuanToFen(input: string): string | null {
  const fen = majorToMinor(input, 'CNY');
  return fen && fen !== '0' ? fen : null;
}

/** The amount in major units as a number, only for plotting (a chart axis may round). */
export function moneyForChart(amount: string | Money): number {
  return typeof amount === 'string' ? Number(minorToDecimal(amount)) : Number(minorToDecimal(amount.amountMinor, amount.currency));
}

/** Signed minor-unit arithmetic on decimal strings, through BigInt. */
export function fenMinus(a: string, ...rest: string[]): string {
  return rest.reduce((total, x) => total - BigInt(x), BigInt(a)).toString();
}

/** "1234567" -> "1,234,567". */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
