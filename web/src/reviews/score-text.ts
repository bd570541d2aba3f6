import type { Locale } from '../../../contracts/error-messages';

/** A score, a spread or a mean as every score on the page reads: at most two decimals, no trailing zeros ("14", "73.5"). */
export const scoreText = (value: number, locale: Locale): string => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
