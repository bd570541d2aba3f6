import type { SpaceHold } from '../api/spaces.api';
import { formatDayRange } from '../i18n/format-date';
import { useLocale } from '../i18n/locale-context';
import { useBilingual } from '../i18n/use-bilingual';

/** What names a hold to the operator: its reference, whom it is for, its space and its days. */
export function useHoldWords(): (h: Pick<SpaceHold, 'ref' | 'organization' | 'nodes' | 'startsOn' | 'endsOn'>) => {
  ref: string;
  org: string;
  units: string;
  range: string;
} {
  const { locale } = useLocale();
  const bilingual = useBilingual();
  return (h) => ({
    ref: h.ref,
    org: bilingual(h.organization.name).primary,
    units: h.nodes.map((n) => n.code).join(locale === 'zh-CN' ? '、' : ', '),
    range: formatDayRange(h.startsOn, h.endsOn, locale),
  });
}
