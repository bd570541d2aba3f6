import { z } from 'zod';
import { bilingualNameSchema, langQuerySchema } from './common.js';
import { fenBalance, fenValue } from './money.js';
import { cursorQuerySchema } from './pagination.js';
import { isoDate } from './dates.js';

/** Where an award stands, as the public sees it. */
export const publicAwardStatuses = ['approved', 'awarded', 'in_payment', 'closed'] as const;
export type PublicAwardStatus = (typeof publicAwardStatuses)[number];

/** One award to an organisation, as anyone may read it (awards to individuals are never listed). */
export const publicAwardSchema = z
  .object({
    number: z
      .string()
      .meta({ description: 'The award’s short reference: the application’s number, or the lease’s reference for a rent subsidy', example: 'HZ-2026-000123' }),
    grantId: z.string().meta({ description: 'The 360Giving id of the award', example: '360G-DG-HANGZHOU-HZ-2026-000123' }),
    program: z.object({ id: z.uuid(), name: bilingualNameSchema }),
    recipient: z.object({ name: bilingualNameSchema, uscc: z.string().meta({ description: 'Unified social credit code' }) }),
    amount: fenValue('Awarded'),
    awardedOn: isoDate().meta({ description: 'Day of the award in the hub’s time zone' }),
    status: z.enum(publicAwardStatuses),
  })
  .meta({ id: 'PublicAward' });
export type PublicAward = z.infer<typeof publicAwardSchema>;

export const publicAwardsQuerySchema = cursorQuerySchema.extend({
  program: z.uuid().optional().meta({ description: 'Only this program’s awards' }),
});

export const publicLineSchema = z.object({
  code: z.string(),
  name: bilingualNameSchema,
  funded: fenBalance('What the line holds in all: free + committed + disbursed'),
  committed: fenBalance('Awarded and not yet paid'),
  disbursed: fenBalance('Paid'),
  free: fenBalance('Left to award'),
});

export const publicProgramSpendSchema = z.object({
  id: z.uuid(),
  name: bilingualNameSchema,
  line: z.string().meta({ description: 'Code of the budget line it spends' }),
  awards: z.number().int().meta({ description: 'Awards to organisations and individuals' }),
  awarded: fenValue('Awarded in all'),
  disbursed: fenValue('Paid in all'),
});

/** The hub's envelope for one year and how it is spent, live. */
export const publicBudgetSchema = z
  .object({
    years: z.array(z.number().int()).meta({ description: 'Every fiscal year the hub has opened, newest first' }),
    year: z.number().int().nullable().meta({ description: 'The year shown; null when the hub has opened none' }),
    status: z.enum(['open', 'closed']).nullable(),
    envelope: fenBalance('The year’s envelope'),
    unallocated: fenBalance('Envelope not yet given to a line'),
    committed: fenBalance('Awarded and not yet paid, all lines'),
    disbursed: fenBalance('Paid, all lines'),
    free: fenBalance('Left to award on the lines'),
    lines: z.array(publicLineSchema),
    programs: z.array(publicProgramSpendSchema),
    individuals: z
      .object({ count: z.number().int(), amount: fenValue('Awarded to individuals in all') })
      .meta({ description: 'Awards to individuals: counted and summed, never named' }),
  })
  .meta({ id: 'PublicBudget' });
export type PublicBudget = z.infer<typeof publicBudgetSchema>;

export const publicBudgetQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: 'The fiscal year; the newest when absent' }),
});

export const openDataFormats = ['360giving', 'csv', 'xlsx'] as const;
export const budgetExportQuerySchema = publicBudgetQuerySchema.extend({ format: z.enum(['csv', 'xlsx']).default('csv'), ...langQuerySchema.shape });
