import type { Locale } from '../../../contracts/error-messages';

/** A choice in a select: the code the server keeps, the name people read. */
export type PlaceOption = { value: string; label: string };

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Two-letter codes with a name that are not a country or region a hub can be in: groupings
 * (EU, EZ, UN, QO "Outlying Oceania"), test and unknown codes (XA, XB, ZZ), the user-assigned
 * X- range (XK), and places reserved only for other standards (Ascension, Clipperton, Sark,
 * Diego Garcia, Ceuta and Melilla, the Canaries, Tristan da Cunha).
 */
const NOT_A_COUNTRY = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA']);

/** Codes of `supportedValuesOf('currency')` that are not money anyone is paid in (drawing rights, the Sucre, metals, tests). */
const NOT_A_CURRENCY = new Set(['XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU', 'XTS', 'XUA', 'XXX']);

const byLabel = (locale: Locale) => (a: PlaceOption, b: PlaceOption) => a.label.localeCompare(b.label, locale);

/** `value` is chosen whatever the platform lists: a hub's own code stays in the list, named by itself. */
function keeping(options: PlaceOption[], value: string | undefined): PlaceOption[] {
  return !value || options.some((o) => o.value === value) ? options : [{ value, label: value }, ...options];
}

const cache = new Map<string, PlaceOption[]>();
function remembered(key: string, make: () => PlaceOption[]): PlaceOption[] {
  let options = cache.get(key);
  if (!options) {
    options = make();
    cache.set(key, options);
  }
  return options;
}

/** ISO 3166-1 codes: every two capitals the platform names, less aliases of another code (UK → GB, SU → RU) and non-countries. */
export function regionCodes(): string[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (const first of LETTERS)
    for (const second of LETTERS) {
      const code = first + second;
      if (first === 'X' || NOT_A_COUNTRY.has(code) || !names.of(code)) continue;
      // A retired or alias code canonicalises to the code now used (BU → MM); only the latter is listed.
      if (new Intl.Locale(`und-${code}`).region !== code) continue;
      codes.push(code);
    }
  return codes;
}

/** Countries and regions named in `locale`, sorted by name there; the value is the ISO 3166-1 alpha-2 code. */
export function countryOptions(locale: Locale, current?: string): PlaceOption[] {
  const options = remembered(`country:${locale}`, () => {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return regionCodes()
      .map((code) => ({ value: code, label: names.of(code) ?? code }))
      .sort(byLabel(locale));
  });
  return keeping(options, current);
}

/** `codes` as currencies named in `locale` with their ISO 4217 code ("人民币 (CNY)"), in the order given. */
export function namedCurrencies(codes: readonly string[], locale: Locale): PlaceOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  return codes.map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }));
}

/** Every currency named in `locale` with its ISO 4217 code, sorted by name there. */
export function currencyOptions(locale: Locale, current?: string): PlaceOption[] {
  const options = remembered(`currency:${locale}`, () =>
    namedCurrencies(
      Intl.supportedValuesOf('currency').filter((code) => !NOT_A_CURRENCY.has(code)),
      locale,
    ).sort(byLabel(locale)),
  );
  return keeping(options, current);
}

/** A zone's name in `locale` ("中国时间", "China Time") and its offset now ("GMT+8"); either may be missing. */
function zoneNames(zone: string, locale: Locale, at: Date): { generic?: string; offset?: string } {
  const part = (timeZoneName: 'longGeneric' | 'shortOffset') => {
    try {
      return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
    } catch {
      return undefined;
    }
  };
  const offset = part('shortOffset');
  const generic = part('longGeneric');
  // A zone without a name of its own is named by its offset again ("GMT+03:00"): said once.
  return { offset, generic: generic && !/^(GMT|UTC)([+-]|$)/.test(generic) ? generic : undefined };
}

/** A zone as people read it: its IANA id, its name in `locale` and its offset now: "Asia/Shanghai · 中国时间 (GMT+8)". */
export function timeZoneLabel(zone: string, locale: Locale, at = new Date()): string {
  const { generic, offset } = zoneNames(zone, locale, at);
  return [zone, generic && ` · ${generic}`, offset && ` (${offset})`].filter(Boolean).join('');
}

/** Every IANA time zone the platform knows, in its order (by id), named in `locale`; the hub's own zone is always there. */
export function timeZoneOptions(locale: Locale, current?: string): PlaceOption[] {
  const options = remembered(`timeZone:${locale}`, () => {
    const at = new Date();
    return Intl.supportedValuesOf('timeZone').map((zone) => ({ value: zone, label: timeZoneLabel(zone, locale, at) }));
  });
  if (!current || options.some((o) => o.value === current)) return options;
  return [{ value: current, label: timeZoneLabel(current, locale) }, ...options];
}

/** The select's search: the typed text anywhere in the name or the code, in any case. */
export function matchesPlace(input: string, option?: PlaceOption): boolean {
  const text = input.trim().toLowerCase();
  return !!option && (option.label.toLowerCase().includes(text) || option.value.toLowerCase().includes(text));
}
