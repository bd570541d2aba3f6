import { useTranslation } from 'react-i18next';
import type { SpaceRequest } from '../api/spaces.api';
import { formatArea } from '../i18n/format-area';
import { formatDay } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';

/** A request for space in words, the same for the company and the operator: "100 m² · 10 个工位 · 2027年1月1日起，租期 36 个月". */
export function useRequestWords(): (r: Pick<SpaceRequest, 'areaM2' | 'seats' | 'startsOn' | 'months'>) => string {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (r) =>
    [
      r.areaM2 ? formatArea(r.areaM2, locale) : null,
      r.seats ? t('spaces.units.seatCount', { count: r.seats }) : null,
      t('spaces.desk.requestTerm', { from: formatDay(r.startsOn, locale), months: r.months }),
    ]
      .filter(Boolean)
      .join(' · ');
}
