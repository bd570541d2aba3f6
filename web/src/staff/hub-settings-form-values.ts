import dayjs, { type Dayjs } from 'dayjs';
import type { Hub, HubSettings } from '../../../contracts/hubs';

/** A district as a row of the form: its code, its Chinese and its English name. */
export type DistrictRow = { code: string; zh: string; en: string };

/** The settings form's fields: days off picked on a calendar, districts as rows, the technology share in percent. */
export type HubSettingsValues = {
  nameZh: string;
  nameEn: string;
  country: string;
  timeZone: string;
  currency: string;
  defaultLocale: 'zh-CN' | 'en-US';
  fiscalYearStartMonth: number;
  workingDays: number[];
  holidays?: Dayjs[] | null;
  makeUpWorkdays?: Dayjs[] | null;
  code: string;
  techSharePercent: number;
  openDataPrefix: string;
  districts?: DistrictRow[];
};

/** Picked days as the server takes them: ISO dates, each once, in order. */
export const isoDates = (days: readonly Dayjs[] | null | undefined): string[] => [...new Set((days ?? []).map((d) => d.format('YYYY-MM-DD')))].sort();

/** The server's ISO dates as days a picker holds. */
const pickedDays = (dates: readonly string[]): Dayjs[] => dates.map((date) => dayjs(date));

export function toHubSettings(v: HubSettingsValues): HubSettings {
  return {
    name: { zh: v.nameZh.trim(), en: v.nameEn.trim() },
    country: v.country.trim().toUpperCase(),
    timeZone: v.timeZone.trim(),
    currency: v.currency.trim().toUpperCase(),
    defaultLocale: v.defaultLocale,
    fiscalYearStartMonth: v.fiscalYearStartMonth,
    workingDays: [...v.workingDays].sort(),
    holidays: isoDates(v.holidays),
    makeUpWorkdays: isoDates(v.makeUpWorkdays),
    code: v.code.trim().toUpperCase(),
    techShareDefaultBasisPoints: Math.round(v.techSharePercent * 100),
    openDataPrefix: v.openDataPrefix.trim() || null,
    districts: (v.districts ?? []).map((d) => ({ code: (d.code ?? '').trim(), name: { zh: (d.zh ?? '').trim(), en: (d.en ?? '').trim() } })),
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
    holidays: pickedDays(hub.holidays),
    makeUpWorkdays: pickedDays(hub.makeUpWorkdays),
    code: hub.code,
    techSharePercent: hub.techShareDefaultBasisPoints / 100,
    openDataPrefix: hub.openDataPrefix ?? '',
    districts: hub.districts.map((d) => ({ code: d.code, zh: d.name.zh, en: d.name.en })),
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
  holidays: [],
  makeUpWorkdays: [],
  code: '',
  techSharePercent: 15,
  openDataPrefix: '',
  districts: [],
};

const districtParts: Record<string, keyof DistrictRow> = { code: 'code', 'name.zh': 'zh', 'name.en': 'en' };

/**
 * Where a server field error goes in the settings form (new hubs add `slug` and `firstAdminEmail`):
 * "districts.2.name.en" under that row's English name, "districts" (one code twice, too many)
 * under the list, a date of "holidays.3" under its picker.
 */
export function hubSettingsField(path: string): (string | number)[] | null {
  const [head, sub, ...rest] = path.split('.');
  if (head === 'name') return sub === 'zh' ? ['nameZh'] : sub === 'en' ? ['nameEn'] : null;
  if (head === 'techShareDefaultBasisPoints') return ['techSharePercent'];
  if (head === 'districts') {
    if (!sub || !/^\d+$/.test(sub)) return ['districts'];
    return ['districts', Number(sub), districtParts[rest.join('.')] ?? 'code'];
  }
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
