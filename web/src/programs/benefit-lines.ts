import type { TFunction } from 'i18next';
import type { BenefitExplanation } from '../../../contracts/programs';
import type { Locale } from '../../../contracts/error-messages';
import { formatMoney } from '../money/format-money';
import { basisPointsText } from '../budget/percent';
import { noProgramWords, programNames, type ProgramWords } from './program-words';

type Line = BenefitExplanation['lines'][number];

// Params that hold fen (server/modules/programs/benefits.ts sends them as decimal strings).
const moneyParams = new Set(['amount', 'atMost', 'claimed', 'result', 'cap', 'limit', 'otherAwards', 'remaining', 'previous', 'cityShare', 'employerShare']);

/**
 * One explanation line of an award in the current language. The keys and params are the
 * ones computeBenefit (server/modules/programs/benefits.ts) writes; form fields, options and
 * reports are named by the program's own words when the program is at hand.
 */
export function benefitLineText(line: Line, t: TFunction, locale: Locale, words: ProgramWords = noProgramWords): string {
  const p = line.params;
  const money = Object.fromEntries(
    Object.entries(p)
      .filter(([k]) => moneyParams.has(k))
      .map(([k, v]) => [k, formatMoney(String(v), locale)]),
  );
  const m = (key: string): string => money[key] ?? '';
  const names = programNames(words, locale);
  const rate = (bp: unknown) => basisPointsText(Number(bp));
  const rowText = (by: unknown, value: unknown) =>
    by === 'degree'
      ? t(`programs.degrees.${String(value)}` as 'programs.degrees.none', { defaultValue: String(value) })
      : t(`programs.tiers.${String(value)}` as 'programs.tiers.none', { defaultValue: String(value) });
  const byText = (by: unknown) => t(by === 'degree' ? 'programs.lines.by.degree' : 'programs.lines.by.talentTier');
  switch (line.key) {
    case 'fixed':
      return t('programs.lines.fixed', { amount: m('amount') });
    case 'rent_by_lease':
      return t('programs.lines.rentByLease');
    case 'table_row':
      return t('programs.lines.tableRow', { ...money, by: byText(p.by), row: rowText(p.by, p.row) });
    case 'no_table_row':
      return t('programs.lines.noTableRow', { by: byText(p.by), value: rowText(p.by, p.value) });
    case 'small_claim_rate':
      return t('programs.lines.smallClaimRate', { ...money, rate: rate(p.basisPoints) });
    case 'rate_by_choice': {
      return t('programs.lines.rateByChoice', {
        field: names.field(String(p.field)),
        option: names.option(String(p.field), String(p.option)),
        rate: rate(p.basisPoints),
      });
    }
    case 'percentage':
      return t('programs.lines.percentage', { ...money, rate: rate(p.basisPoints) });
    case 'cap_applied':
      return t('programs.lines.capApplied', { cap: m('cap') });
    case 'duplicate_claim':
      return t('programs.lines.duplicateClaim');
    case 'already_awarded_this_year':
      return t('programs.lines.alreadyAwardedThisYear', { previous: m('previous'), cap: m('cap'), remaining: m('remaining') });
    case 'annual_cap_applied':
      return t('programs.lines.annualCapApplied', { cap: m('cap'), remaining: m('remaining') });
    case 'total':
      return t('programs.lines.total', { amount: m('amount') });
    case 'stacking_limit':
      return t('programs.lines.stackingLimit', { ...money, rate: rate(p.maxCombinedBasisPoints) });
    case 'co_funding':
      return t('programs.lines.coFunding', { ...money, rate: rate(p.cityBasisPoints) });
    case 'tranche':
      return t(
        p.condition === 'date'
          ? 'programs.lines.trancheDate'
          : p.condition === 'report'
            ? 'programs.lines.trancheReport'
            : p.condition === 'usage'
              ? 'programs.lines.trancheUsage'
              : Number(p.months) > 0
                ? 'programs.lines.trancheLater'
                : 'programs.lines.trancheNow',
        {
          ...money,
          index: p.index,
          rate: rate(p.shareBasisPoints),
          months: p.months,
          monthsAfterAward: p.monthsAfterAward,
          milestone: names.milestone(String(p.milestone)),
        },
      );
    default:
      // A line this page does not know yet (a newer server): its key, never nothing.
      return t('programs.lines.unknown', { key: line.key });
  }
}
