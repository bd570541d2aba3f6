import { z } from 'zod';

/** Server-generated UUIDv7. */
export const idSchema = z.uuid();

/** A name given in both Chinese and English; both are shown somewhere. */
export const bilingualNameSchema = z.object({
  zh: z.string().trim().min(1).max(120),
  en: z.string().trim().min(1).max(160),
});
export type BilingualName = z.infer<typeof bilingualNameSchema>;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}
