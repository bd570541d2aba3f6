import { useTranslation } from 'react-i18next';

type Catalog = Record<string, Record<string, string>>;

/**
 * Audit codes in the reader's language: an action ("ledger.disbursed") as words from the
 * page's catalog, or, for one it does not know, "{area} event" (the area in words where
 * known), never the raw code; a subject type likewise. Also the known actions by area, for
 * the filter's options.
 */
export function useAuditWords() {
  const { t } = useTranslation();
  const word = (key: string): string | null => {
    const value: unknown = t(key as never, { returnObjects: true, defaultValue: '' });
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const area = (code: string) => word(`audit.areas.${code}`) ?? t('audit.otherArea');
  return {
    action: (code: string) => word(`audit.actions.${code}`) ?? t('audit.fallback', { area: area(code.split('.')[0] ?? '') }),
    subject: (type: string) => word(`audit.subjects.${type}`) ?? t('audit.subjects.other'),
    area,
    /** Every action the catalog names, by area: `[area code, [action code, words][]]`. */
    known: (): [string, [string, string][]][] => {
      const actions = t('audit.actions', { returnObjects: true }) as unknown as Catalog;
      return Object.entries(actions).map(([areaCode, verbs]) => [areaCode, Object.entries(verbs).map(([verb, words]) => [`${areaCode}.${verb}`, words])]);
    },
  };
}
