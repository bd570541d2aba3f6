import type { Dayjs } from 'dayjs';
import type { StationInput } from '../../../contracts/stays';

/** A room as typed: its name and its beds (text until sent). */
export type RoomRow = { name: string; beds: string };
/** Closed days as picked: the first closed day and the reopening day (the first open day again), and why. */
export type BlackoutRow = { range?: [Dayjs, Dayjs] | null; reason: string };

/** What the new-station form holds: numbers as typed; rooms, closed days and photo links as rows. */
export type StationFormValues = {
  nameZh: string;
  nameEn: string;
  addressZh: string;
  addressEn: string;
  district: string;
  opensOn: string;
  closesOn?: string;
  maxNightsPerStay?: string;
  maxNightsLifetime?: string;
  maxNightsPerYear?: string;
  minDegree: StationInput['rules']['minDegree'];
  graduatedWithinMonths?: string;
  noShowHour?: string;
  rooms: RoomRow[];
  blackouts?: BlackoutRow[];
  /** one URL a row */
  photos?: string[];
};

const whole = (text: string | undefined) => (text?.trim() ? Number(text.trim()) : undefined);
const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The form as the API's StationInput; the server checks ranges and dates again. */
export function stationInputFrom(v: StationFormValues): StationInput {
  return {
    name: { zh: v.nameZh, en: v.nameEn },
    address: { zh: v.addressZh, en: v.addressEn },
    district: v.district,
    photos: (v.photos ?? []).map((url) => url.trim()),
    rules: {
      maxNightsPerStay: whole(v.maxNightsPerStay) ?? 6,
      maxNightsPerYear: whole(v.maxNightsPerYear) ?? null,
      maxNightsLifetime: whole(v.maxNightsLifetime) ?? null,
      minDegree: v.minDegree,
      graduatedWithinMonths: whole(v.graduatedWithinMonths) ?? 24,
      noShowHour: whole(v.noShowHour) ?? 22,
    },
    opensOn: v.opensOn,
    closesOn: v.closesOn?.trim() ? v.closesOn : null,
    rooms: v.rooms.map((r) => ({ name: r.name.trim(), beds: Number(r.beds.trim()) })),
    blackouts: (v.blackouts ?? []).map((b) => ({ startsOn: iso(b.range![0]), endsOn: iso(b.range![1]), reason: b.reason.trim() })),
  };
}

type FieldName = (string | number)[];

const pairs: Record<string, string> = { 'name.zh': 'nameZh', 'name.en': 'nameEn', 'address.zh': 'addressZh', 'address.en': 'addressEn' };
/** A closed-days row's input by the server's part: both days are the one range picker. */
const blackoutParts: Record<string, string> = { startsOn: 'range', endsOn: 'range', reason: 'reason' };

/**
 * The form field that shows a server path ("name.en", "rules.noShowHour"): a row's input for
 * "rooms.2.beds", "blackouts.0.endsOn" or "photos.3"; the list itself for "rooms" (too few, too many).
 */
export function stationFieldFor(path: string): FieldName | null {
  const [head = '', second = '', third = ''] = path.split('.');
  const pair = pairs[`${head}.${second}`];
  if (pair) return [pair];
  if (head === 'rules') return second ? [second] : null;
  const row = /^\d+$/.test(second) ? Number(second) : null;
  if (head === 'rooms') return row === null ? ['rooms'] : ['rooms', row, third === 'beds' ? 'beds' : 'name'];
  if (head === 'blackouts') return row === null ? ['blackouts'] : ['blackouts', row, blackoutParts[third] ?? 'range'];
  if (head === 'photos') return row === null ? ['photos'] : ['photos', row];
  return ['district', 'opensOn', 'closesOn'].includes(head) ? [head] : null;
}
