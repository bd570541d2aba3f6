import { z } from 'zod';
import { locales } from './error-messages.js';

/** Server-generated UUIDv7. */
export const idSchema = z.uuid();

/** A name given in both Chinese and English; both are shown somewhere. */
export const bilingualNameSchema = z.object({
  zh: z.string().trim().min(1).max(120),
  en: z.string().trim().min(1).max(160),
});
export type BilingualName = z.infer<typeof bilingualNameSchema>;

/** A moment: ISO 8601 date-time in UTC (`2026-03-01T08:00:00.000Z`). Every timestamp field uses it. */
export const timestampSchema = z.string().meta({ format: 'date-time', description: 'ISO 8601 date-time in UTC' });

/** A download's language: its link names the page's, so the file reads as the page does whatever the browser's. */
export const langQuerySchema = z.object({
  lang: z.enum(locales).optional().meta({ description: 'Language of the file’s column titles and names; the Accept-Language header’s when absent' }),
});
