import type { TFunction } from 'i18next';
import type { Locale } from '../../../contracts/error-messages';
import type { BenefitFormulaJson } from '../../../contracts/programs';
import { formatArea } from '../i18n/format-area';
import { formatMoney } from '../money/format-money';
import { basisPointsText } from '../budget/percent';
import { programNames, type ProgramWords } from './program-words';

/**
 * "What it gives", written out from the program's benefit formula for the public page:
 * the same formula that computes every award, so the words cannot drift from the money.
 * One sentence per rule, in the current language; fields, options and reports by the
 * program's own names (`words`).
 */
export function benefitSummary(formula: BenefitFormulaJson, words: ProgramWords, t: TFunction, locale: Locale): string[] {
  const yuan = (fen: string) => formatMoney(fen, locale);
  const rate = basisPointsText;
  const names = programNames(words, locale);
  const pick = names.pick;
  const fieldName = names.field;
  const lines: string[] = [];

  switch (formula.type) {
    case 'fixed':
      lines.push(t('programs.summary.fixed', { amount: yuan(formula.amount) }));
      break;
    case 'percentage': {
      const of = fieldName(formula.of);
      const choice = formula.byChoice;
      if (choice) {
        const options = names.options(choice.field);
        for (const r of choice.rates)
          lines.push(
            t('programs.summary.rateByChoice', {
              rate: rate(r.basisPoints),
              of,
              field: fieldName(choice.field),
              option: names.option(choice.field, r.option),
            }),
          );
        if (options.some((o) => !choice.rates.some((r) => r.option === o.value)))
          lines.push(t('programs.summary.rateOtherwise', { rate: rate(formula.basisPoints), of }));
      } else {
        lines.push(t('programs.summary.percentage', { rate: rate(formula.basisPoints), of }));
      }
      if (formula.smallClaim)
        lines.push(t('programs.summary.smallClaim', { rate: rate(formula.smallClaim.basisPoints), atMost: yuan(formula.smallClaim.atMost), of }));
      if (formula.cap) lines.push(t('programs.summary.capPerClaim', { cap: yuan(formula.cap) }));
      break;
    }
    case 'rent': {
      formula.years.forEach((y, i) => lines.push(t('programs.summary.rentYear', { year: i + 1, rate: rate(y.basisPoints) })));
      if (formula.capPerSquareMetreMonth) lines.push(t('programs.summary.rentCapPerM2', { cap: yuan(formula.capPerSquareMetreMonth) }));
      if (formula.capArea) lines.push(t('programs.summary.rentCapArea', { area: formatArea(formula.capArea, locale) }));
      if (formula.areaPerPerson) lines.push(t('programs.summary.rentAreaPerPerson', { area: formatArea(formula.areaPerPerson, locale) }));
      const ext = formula.extension;
      if (ext)
        lines.push(
          t('programs.summary.rentExtension', {
            years: ext.years.length,
            rates: ext.years.map((y) => rate(y.basisPoints)).join(' / '),
            criterion: pick(ext.criterion.name),
            months: ext.withinMonths,
          }),
        );
      lines.push(t('programs.summary.rentByLease'));
      break;
    }
    case 'table':
      lines.push(
        t('programs.summary.table', {
          by: t(formula.by === 'degree' ? 'programs.lines.by.degree' : 'programs.lines.by.talentTier'),
          rows: formula.rows
            .map(
              (r) =>
                `${t(`programs.${formula.by === 'degree' ? 'degrees' : 'tiers'}.${r.key}` as 'programs.tiers.none', { defaultValue: r.key })} ${yuan(r.amount)}`,
            )
            .join(locale === 'zh-CN' ? '；' : '; '),
        }),
      );
      break;
  }

  if (formula.caps.perApplicantPerYear) lines.push(t('programs.summary.capPerYear', { cap: yuan(formula.caps.perApplicantPerYear) }));
  if (formula.stacking) lines.push(t('programs.summary.stacking', { rate: rate(formula.stacking.maxCombinedBasisPoints) }));
  else if (formula.type === 'percentage') lines.push(t('programs.summary.noStacking'));
  if (formula.coFunding)
    lines.push(t('programs.summary.coFunding', { city: rate(formula.coFunding.cityBasisPoints), employer: rate(10_000 - formula.coFunding.cityBasisPoints) }));

  const [only] = formula.tranches;
  if (formula.type === 'rent') return lines;
  if (formula.tranches.length === 1 && only && !only.condition) lines.push(t('programs.summary.paidAtOnce'));
  else
    formula.tranches.forEach((tr, i) =>
      lines.push(
        !tr.condition
          ? t('programs.summary.trancheNow', { index: i + 1, rate: rate(tr.shareBasisPoints) })
          : tr.condition.kind === 'date'
            ? t('programs.summary.trancheDate', { index: i + 1, rate: rate(tr.shareBasisPoints), months: tr.condition.monthsAfterAward })
            : tr.condition.kind === 'milestone_accepted'
              ? t('programs.summary.trancheReport', { index: i + 1, rate: rate(tr.shareBasisPoints), milestone: names.milestone(tr.condition.milestone) })
              : tr.condition.kind === 'metered_usage'
                ? t('programs.summary.trancheUsage', { index: i + 1, rate: rate(tr.shareBasisPoints) })
                : t('programs.summary.trancheAfter', { index: i + 1, rate: rate(tr.shareBasisPoints), months: tr.condition.months }),
      ),
    );
  return lines;
}
