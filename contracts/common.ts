import { z } from 'zod';
import { locales } from './error-messages.js';

/** Server-generated UUIDv7. */
export const idSchema = z.uuid();

// C0 and C1 control characters (CR, LF and TAB among them), DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** True for text without control characters or line breaks: fit to be a one-line name (in an e-mail's subject, say). */
export const isOneLineText = (text: string): boolean => !CONTROL_CHARACTERS.test(text);

/** Text made one line: each run of control characters becomes a space (for names stored before they were checked). */
export const asOneLine = (text: string): string => text.replace(new RegExp(CONTROL_CHARACTERS.source + '+', 'g'), ' ').trim();

/** Text of a single line: control characters (line breaks, tabs) are a 400 INVALID_CHARACTERS on the field. */
const oneLine = (schema: z.ZodString) => schema.refine(isOneLineText, { params: { code: 'INVALID_CHARACTERS' }, message: 'control characters or line breaks' });

/** A name given in both Chinese and English; both are shown somewhere, each on one line. */
export const bilingualNameSchema = z.object({
  zh: oneLine(z.string().trim().min(1).max(120)),
  en: oneLine(z.string().trim().min(1).max(160)),
});
export type BilingualName = z.infer<typeof bilingualNameSchema>;

/** A moment: ISO 8601 date-time in UTC (`2026-03-01T08:00:00.000Z`). Every timestamp field uses it. */
export const timestampSchema = z.string().meta({ format: 'date-time', description: 'ISO 8601 date-time in UTC' });

/** A download's language: its link names the page's, so the file reads as the page does whatever the browser's. */
export const langQuerySchema = z.object({
  lang: z.enum(locales).optional().meta({ description: 'Language of the file’s column titles and names; the Accept-Language header’s when absent' }),
});
