import type { Hub, HubSettings } from '../../../contracts/hubs';

/** The settings form's fields: dates one per line, the technology share in percent. */
export type HubSettingsValues = {
  nameZh: string;
  nameEn: string;
  country: string;
  timeZone: string;
  currency: string;
  defaultLocale: 'zh-CN' | 'en-US';
  fiscalYearStartMonth: number;
  workingDays: number[];
  holidays: string;
  makeUpWorkdays: string;
  code: string;
  techSharePercent: number;
  openDataPrefix: string;
  /** One district a line: `code, 中文名, English name`. */
  districts: string;
};

/** Dates typed one per line (or separated by spaces) as the list the server takes. */
export const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\s+/)
    .map((l) => l.trim())
    .filter(Boolean);

/** `xihu, 西湖区, Xihu` per line (Chinese commas too); a line short of a part keeps it empty, and the server names it. */
export function parseDistricts(text: string | undefined): NonNullable<HubSettings['districts']> {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [code = '', zh = '', en = ''] = line.split(/[,，]/).map((p) => p.trim());
      return { code, name: { zh, en } };
    });
}

export function toHubSettings(v: HubSettingsValues): HubSettings {
  return {
    name: { zh: v.nameZh.trim(), en: v.nameEn.trim() },
    country: v.country.trim().toUpperCase(),
    timeZone: v.timeZone.trim(),
    currency: v.currency.trim().toUpperCase(),
    defaultLocale: v.defaultLocale,
    fiscalYearStartMonth: v.fiscalYearStartMonth,
    workingDays: [...v.workingDays].sort(),
    holidays: lines(v.holidays),
    makeUpWorkdays: lines(v.makeUpWorkdays),
    code: v.code.trim().toUpperCase(),
    techShareDefaultBasisPoints: Math.round(v.techSharePercent * 100),
    openDataPrefix: v.openDataPrefix.trim() || null,
    districts: parseDistricts(v.districts),
  };
}

export function fromHub(hub: Hub): HubSettingsValues {
  return {
    nameZh: hub.name.zh,
    nameEn: hub.name.en,
    country: hub.country,
    timeZone: hub.timeZone,
    currency: hub.currency,
    defaultLocale: hub.defaultLocale,
    fiscalYearStartMonth: hub.fiscalYearStartMonth,
    workingDays: hub.workingDays,
    holidays: hub.holidays.join('\n'),
    makeUpWorkdays: hub.makeUpWorkdays.join('\n'),
    code: hub.code,
    techSharePercent: hub.techShareDefaultBasisPoints / 100,
    openDataPrefix: hub.openDataPrefix ?? '',
    districts: hub.districts.map((d) => `${d.code}, ${d.name.zh}, ${d.name.en}`).join('\n'),
  };
}

export const NEW_HUB_DEFAULTS: HubSettingsValues = {
  nameZh: '',
  nameEn: '',
  country: 'CN',
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
  defaultLocale: 'zh-CN',
  fiscalYearStartMonth: 1,
  workingDays: [1, 2, 3, 4, 5],
  holidays: '',
  makeUpWorkdays: '',
  code: '',
  techSharePercent: 15,
  openDataPrefix: '',
  districts: '',
};

/** Where a server field error goes in the settings form (new hubs add `slug` and `firstAdminEmail`). */
export function hubSettingsField(path: string): string[] | null {
  const [head, sub] = path.split('.');
  if (head === 'name') return sub === 'zh' ? ['nameZh'] : sub === 'en' ? ['nameEn'] : null;
  if (head === 'techShareDefaultBasisPoints') return ['techSharePercent'];
  const direct = [
    'country',
    'timeZone',
    'currency',
    'defaultLocale',
    'fiscalYearStartMonth',
    'workingDays',
    'holidays',
    'makeUpWorkdays',
    'code',
    'openDataPrefix',
  ];
  return head && [...direct, 'slug', 'firstAdminEmail'].includes(head) ? [head] : null;
}
