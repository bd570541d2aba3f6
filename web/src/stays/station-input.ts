import type { StationInput } from '../../../contracts/stays';

/** What the new-station form holds: numbers and lists as typed (rooms and blackouts one a line). */
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
  /** name=beds, one room a line */
  rooms: string;
  /** YYYY-MM-DD..YYYY-MM-DD reason, one a line (the end day is the first open day again) */
  blackouts?: string;
  /** one URL a line */
  photos?: string;
};

/** A line that does not parse: which list, which line (1-based). */
export class StationLineError extends Error {
  constructor(
    readonly field: 'rooms' | 'blackouts',
    readonly line: number,
  ) {
    super(`${field}: line ${line}`);
  }
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((t, i) => ({ text: t.trim(), line: i + 1 }))
    .filter((l) => l.text);
const whole = (text: string | undefined) => (text?.trim() ? Number(text.trim()) : undefined);

/** `name=beds`, one room a line. */
export const roomsFrom = (text: string | undefined) =>
  lines(text).map(({ text, line }) => {
    const m = /^(.+?)\s*=\s*(\d{1,3})$/.exec(text);
    if (!m) throw new StationLineError('rooms', line);
    return { name: m[1]!.trim(), beds: Number(m[2]) };
  });

/** `YYYY-MM-DD..YYYY-MM-DD reason`, one a line. */
export const blackoutsFrom = (text: string | undefined) =>
  lines(text).map(({ text, line }) => {
    const m = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})\s+(.+)$/.exec(text);
    if (!m) throw new StationLineError('blackouts', line);
    return { startsOn: m[1]!, endsOn: m[2]!, reason: m[3]!.trim() };
  });

export const photosFrom = (text: string | undefined) => lines(text).map((l) => l.text);

/** The form as the API's StationInput; the server checks ranges and dates again. */
export function stationInputFrom(v: StationFormValues): StationInput {
  return {
    name: { zh: v.nameZh, en: v.nameEn },
    address: { zh: v.addressZh, en: v.addressEn },
    district: v.district,
    photos: photosFrom(v.photos),
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
    rooms: roomsFrom(v.rooms),
    blackouts: blackoutsFrom(v.blackouts),
  };
}

const pairs: Record<string, keyof StationFormValues> = { 'name.zh': 'nameZh', 'name.en': 'nameEn', 'address.zh': 'addressZh', 'address.en': 'addressEn' };

/** The form field that shows a server path ("name.en", "rules.noShowHour", "rooms.3.beds"). */
export function stationFieldFor(path: string): string[] | null {
  const [head = '', second = ''] = path.split('.');
  const pair = pairs[`${head}.${second}`];
  if (pair) return [pair];
  if (head === 'rules') return second ? [second] : null;
  return ['district', 'photos', 'opensOn', 'closesOn', 'rooms', 'blackouts'].includes(head) ? [head] : null;
}
