import { z } from 'zod';
import { idSchema } from './common.js';
import { moneySchema, sourceInputSchema, sourceSchema } from './relations.js';
import { isoDate } from './dates.js';

/** Facts about an organisation that change over time, each dated and sourced. */
export const factMetrics = ['headcount', 'valuation', 'revenue', 'funding_raised', 'market_share', 'registered_in_hub'] as const;
export type FactMetric = (typeof factMetrics)[number];

/** Which metrics are money (minor units + currency) and which are plain quantities. */
export const moneyMetrics: readonly FactMetric[] = ['valuation', 'revenue', 'funding_raised'];

export const factInputSchema = z
  .strictObject({
    metric: z.enum(factMetrics),
    asOf: isoDate(),
    money: moneySchema.optional(),
    quantity: z
      .string()
      .regex(/^\d{1,15}(\.\d{1,4})?$/, 'a decimal number')
      .optional()
      .meta({ description: 'headcount, or market share in percent' }),
    label: z.string().trim().max(120).optional().meta({ description: 'e.g. "quadruped robots, global"' }),
    source: sourceInputSchema,
  })
  .refine((f) => (moneyMetrics.includes(f.metric) ? f.money && !f.quantity : f.quantity && !f.money), {
    path: ['money'],
    params: { code: 'REQUIRED' },
    message: 'money for valuation, revenue, funding; quantity otherwise',
  })
  // Registered in the hub is a yes/no fact: 1 (registered here) or 0 (moved out).
  .refine((f) => f.metric !== 'registered_in_hub' || f.quantity === '1' || f.quantity === '0', {
    path: ['quantity'],
    params: { code: 'INVALID' },
    message: '1 (registered here) or 0 (moved out)',
  })
  .meta({ description: 'A dated, sourced fact' });
export type FactInput = z.input<typeof factInputSchema>;

export const factSchema = z
  .object({
    id: idSchema,
    organizationId: idSchema,
    metric: z.enum(factMetrics),
    asOf: isoDate(),
    money: moneySchema.nullable(),
    quantity: z.string().nullable(),
    label: z.string().nullable(),
    source: sourceSchema,
  })
  .meta({ id: 'Fact' });
export type Fact = z.infer<typeof factSchema>;
