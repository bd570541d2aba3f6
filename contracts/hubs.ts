import { z } from 'zod';
import { bilingualNameSchema } from './common.js';
import { locales } from './error-messages.js';
import { isoDate } from './dates.js';

export const hubSlugSchema = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'lowercase letters, digits and dashes');

const timeZoneSchema = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone')
  .meta({ example: 'Asia/Shanghai' });

/** A district of the hub (区/县/市): organisations may say which they are in; simulations break down by it. */
export const districtSchema = z
  .strictObject({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes')
      .meta({ description: 'Stable code organisations carry', example: 'xihu' }),
    name: bilingualNameSchema,
  })
  .meta({ id: 'District' });
export type District = z.infer<typeof districtSchema>;

export const HUB_LIMITS = { districtsMax: 100 } as const;

/** What a hub admin may change (everything the operator set but the slug). */
export const hubSettingsSchema = z
  .strictObject({
    name: bilingualNameSchema,
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .meta({ description: 'ISO 3166-1 alpha-2', example: 'CN' }),
    timeZone: timeZoneSchema,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .meta({ description: 'ISO 4217', example: 'CNY' }),
    defaultLocale: z.enum(locales),
    fiscalYearStartMonth: z.number().int().min(1).max(12).meta({ description: 'Month the fiscal year starts (1 = January)' }),
    workingDays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'each weekday once')
      .meta({ description: 'ISO weekdays that are working days (1 = Monday)', example: [1, 2, 3, 4, 5] }),
    holidays: z.array(isoDate()).max(366).meta({ description: 'Public holidays (no work that day)' }),
    makeUpWorkdays: z.array(isoDate()).max(366).meta({ description: 'Days off turned into working days in exchange for a holiday (调休)' }),
    code: z
      .string()
      .regex(/^[A-Z]{2,4}$/)
      .meta({ description: "Starts the hub's reference numbers and open-data ids, e.g. SZ in SZ-2027-000123", example: 'SZ' }),
    openDataPrefix: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,38}[A-Za-z0-9]$/, 'letters, digits and dashes')
      .nullable()
      .optional()
      .meta({
        description: "The hub's registered 360Giving prefix: grant ids are `360G-<prefix>-<number>`; null or absent: `DG-<SLUG>`",
        example: 'DG-HANGZHOU',
      }),
    techShareDefaultBasisPoints: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .meta({ description: 'Default technology share of revenue when opening a fiscal year (1500 = 15%)' }),
    districts: z
      .array(districtSchema)
      .max(HUB_LIMITS.districtsMax)
      .refine((list) => new Set(list.map((d) => d.code)).size === list.length, { params: { code: 'TAKEN' }, message: 'each district code once' })
      .optional()
      .meta({ description: 'The districts organisations choose from (absent: unchanged)' }),
  })
  .meta({ description: 'Settings of a hub' });
export type HubSettings = z.infer<typeof hubSettingsSchema>;

/** A new hub: its settings, its slug, and who is invited as its first admin. */
export const hubInputSchema = hubSettingsSchema
  .extend({
    slug: hubSlugSchema,
    firstAdminEmail: z.email().max(254).optional().meta({ description: 'Invited as the first hub admin (a one-time link by e-mail)' }),
  })
  .meta({ description: 'A new hub' });
export type HubInput = z.infer<typeof hubInputSchema>;

export const hubSchema = z
  .object({
    slug: hubSlugSchema,
    name: bilingualNameSchema,
    country: z.string().length(2).meta({ description: 'ISO 3166-1 alpha-2' }),
    timeZone: z.string().meta({ example: 'Asia/Shanghai' }),
    currency: z.string().length(3).meta({ example: 'CNY' }),
    defaultLocale: z.enum(locales),
    fiscalYearStartMonth: z.number().int(),
    workingDays: z.array(z.number().int()),
    holidays: z.array(z.string()),
    makeUpWorkdays: z.array(z.string()),
    code: z.string().meta({ description: "Starts the hub's reference numbers and open-data ids, e.g. HZ in HZ-2026-000123", example: 'HZ' }),
    techShareDefaultBasisPoints: z.number().int(),
    openDataPrefix: z.string().nullable().meta({ description: 'The registered 360Giving prefix; null: `DG-<SLUG>` is used' }),
    districts: z.array(districtSchema).meta({ description: 'The districts organisations choose from, in the hub’s order' }),
    archived: z.boolean().meta({ description: 'An archived hub is read-only' }),
  })
  .meta({
    id: 'Hub',
    examples: [
      {
        slug: 'hangzhou',
        name: { zh: '杭州', en: 'Hangzhou' },
        country: 'CN',
        timeZone: 'Asia/Shanghai',
        currency: 'CNY',
        defaultLocale: 'zh-CN',
        fiscalYearStartMonth: 1,
        workingDays: [1, 2, 3, 4, 5],
        holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
        makeUpWorkdays: ['2026-09-20', '2026-10-10'],
        code: 'HZ',
        techShareDefaultBasisPoints: 1500,
        openDataPrefix: null,
        districts: [{ code: 'xihu', name: { zh: '西湖区', en: 'Xihu' } }],
        archived: false,
      },
    ],
  });
export type Hub = z.infer<typeof hubSchema>;

/** The fields seeds and older callers give; the rest take the defaults. */
export type HubBasics = Pick<Hub, 'slug' | 'name' | 'country' | 'timeZone' | 'currency' | 'defaultLocale'> & Partial<HubSettings>;

export const hubParamsSchema = z.object({ hub: hubSlugSchema });
