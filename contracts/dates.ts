import { z } from 'zod';

/**
 * Days and moments as every contract takes them. Zod's ISO formats accept year 0000, which
 * PostgreSQL refuses ("date/time field value out of range": a 500 from any date field), and a
 * moment whose offset carries it past 9999 is written by JavaScript with six digits, which it
 * refuses too; so a day is 0001-01-01 to 9999-12-31 and a moment falls between them, else
 * 400 DATE_OUT_OF_RANGE on the field.
 */
const FIRST_DAY = '0001-01-01';
const LAST_DAY = '9999-12-31';
const FIRST_MOMENT = Date.parse('0001-01-02T00:00:00Z');
const LAST_MOMENT = Date.parse('9999-12-30T00:00:00Z');

const outOfRange = { params: { code: 'DATE_OUT_OF_RANGE' }, message: 'out of range' } as const;

// Zod runs a refinement even when the format check failed: the range is judged only on what
// reads as a day or a moment, so a malformed value has one issue (its format), not two.

/** A calendar day, `YYYY-MM-DD`. */
export const isoDate = () => z.iso.date().refine((day) => !/^\d{4}-\d{2}-\d{2}$/.test(day) || (day >= FIRST_DAY && day <= LAST_DAY), outOfRange);

/** A moment, ISO 8601 (with `{ offset: true }`, any offset; else UTC). */
export const isoDateTime = (params?: Parameters<typeof z.iso.datetime>[0]) =>
  z.iso.datetime(params).refine((moment) => {
    const at = Date.parse(moment);
    return Number.isNaN(at) || (at >= FIRST_MOMENT && at <= LAST_MOMENT);
  }, outOfRange);
