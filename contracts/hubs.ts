import { z } from 'zod';
import { bilingualNameSchema } from './common.js';
import { locales } from './error-messages.js';

export const hubSlugSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'lowercase letters, digits and dashes');

export const hubSchema = z
  .object({
    slug: hubSlugSchema,
    name: bilingualNameSchema,
    country: z.string().length(2).meta({ description: 'ISO 3166-1 alpha-2' }),
    timeZone: z.string().meta({ example: 'Asia/Shanghai' }),
    currency: z.string().length(3).meta({ example: 'CNY' }),
    defaultLocale: z.enum(locales),
  })
  .meta({ id: 'Hub' });
export type Hub = z.infer<typeof hubSchema>;

export const hubParamsSchema = z.object({ hub: hubSlugSchema });
