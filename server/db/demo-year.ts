import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import dayjs from 'dayjs';
import { localToday } from '../platform/hub-time.js';

/**
 * The demo's programmes, space and stations (seed/programs.json, spaces.json, stays.json) are
 * written for one year, DEMO_YEAR: a fiscal year, windows from 1 January to 31 December, a
 * graduate who finished the year before, a lease and a hold that began in it. Seeded in a later
 * year they would be a closed budget and shut windows, so a seed moves every date and year in
 * them by whole years to the year it runs in, where the demo hub is (Hangzhou). The ecosystem
 * (seed/organizations.json, facts.json, ...) is history and is not moved, but for the rows
 * flagged to move with the demo (placedInYear).
 */
export const DEMO_YEAR = 2026;
const DEMO_TIME_ZONE = 'Asia/Shanghai'; // the demo hub's (seed/hubs.json)

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR_KEYS = new Set(['year', 'fiscalYear']);

/** The year a seed run now is in, where the demo hub is. */
export function seedYear(now = new Date()): number {
  return Number(localToday(DEMO_TIME_ZONE, now).slice(0, 4));
}

/** `seed` with every ISO date and every `year` / `fiscalYear` moved from DEMO_YEAR to `year`. */
export function inYear<T>(seed: T, year: number): T {
  const years = year - DEMO_YEAR;
  const move = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string' && ISO_DATE.test(value)) return dayjs(value).add(years, 'year').format('YYYY-MM-DD');
    if (typeof value === 'number' && key !== undefined && YEAR_KEYS.has(key)) return value + years;
    if (Array.isArray(value)) return value.map((item) => move(item));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, move(v, k)]));
    return value;
  };
  return years === 0 ? seed : (move(seed) as T);
}

/**
 * `value` with every object flagged `movesWithDemoYear` moved to `year` (inYear), and the flags
 * dropped. The demo's programmes, space and stations are flagged whole (at the top of their
 * files); in the ecosystem's files only the fictional demo startup and its investor's stake
 * are, so they stay young enough for the startup programmes while the rest stays history.
 */
export function placedInYear(value: unknown, year: number): unknown {
  if (Array.isArray(value)) return value.map((item) => placedInYear(item, year));
  if (!value || typeof value !== 'object') return value;
  const { movesWithDemoYear, ...rest } = value as Record<string, unknown>;
  const placed = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, placedInYear(v, year)]));
  return movesWithDemoYear ? inYear(placed, year) : placed;
}

const seedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seed');

/** A file of seed/, as the year the seed runs in sees it. Every seed reads its files here. */
export function readSeed<T>(file: string, now = new Date()): T {
  return placedInYear(JSON.parse(readFileSync(path.join(seedDir, file), 'utf8')), seedYear(now)) as T;
}
