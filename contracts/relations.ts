import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';
import { cursorPageOf, cursorQuerySchema } from './pagination.js';
import { isoDate } from './dates.js';

/**
 * The kinds of tie the ecosystem records. `from` is a person or an organisation; `to`
 * is always an organisation (founded X, works at X, alumnus of X, invested in X, …).
 */
export const relationKinds = ['founded', 'works_at', 'alumnus_of', 'invested_in', 'partners_with', 'supplies_to', 'spun_out_of'] as const;
export type RelationKind = (typeof relationKinds)[number];

/** Which kind of `from` end each relation takes. */
export const relationFrom: Record<RelationKind, readonly ('person' | 'organization')[]> = {
  founded: ['person', 'organization'],
  works_at: ['person'],
  alumnus_of: ['person'],
  invested_in: ['person', 'organization'],
  partners_with: ['organization'],
  supplies_to: ['organization'],
  spun_out_of: ['organization'],
};

export const degrees = ['bachelor', 'master', 'doctorate', 'other'] as const;
export const fundingRounds = ['angel', 'seed', 'pre_a', 'a', 'b', 'c', 'd', 'e_plus', 'strategic', 'ipo', 'other'] as const;

/** Money in minor units (fen, cents) as a decimal string; never a float. */
export const moneySchema = z.object({
  amountMinor: z
    .string()
    .regex(/^\d{1,18}$/, 'whole minor units')
    .meta({ description: 'Whole minor units of `currency` (fen for CNY, cents for USD) as a decimal string, never a float' }),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type Money = z.infer<typeof moneySchema>;

const endSchema = z.object({ type: z.enum(['person', 'organization']), id: idSchema });
/** Where a fact or a relation was learnt: a web page, a note (a filing, a press release), or both. */
export const sourceInputSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: 'INVALID_URL' })
    .max(500)
    .optional(),
  note: z.string().trim().max(500).optional(),
});
export const sourceSchema = z.object({ url: z.string().nullable(), note: z.string().nullable() });
/** A relation must say where it was learnt. */
const relationSourceSchema = sourceInputSchema.refine((s) => s.url || s.note, { params: { code: 'REQUIRED' }, message: 'a source URL or note' });

export const relationInputSchema = z
  .strictObject({
    kind: z.enum(relationKinds),
    from: endSchema,
    to: z.object({ type: z.literal('organization'), id: idSchema }),
    startsOn: isoDate().optional(),
    endsOn: isoDate().optional(),
    title: z.string().trim().max(120).optional().meta({ description: 'works_at: job title; partners_with: what the partner provides' }),
    degree: z.enum(degrees).optional().meta({ description: 'alumnus_of' }),
    round: z.enum(fundingRounds).optional().meta({ description: 'invested_in' }),
    amount: moneySchema.optional().meta({ description: 'invested_in' }),
    source: relationSourceSchema,
  })
  .refine((r) => !r.startsOn || !r.endsOn || r.endsOn >= r.startsOn, {
    path: ['endsOn'],
    params: { code: 'ENDS_BEFORE_START' },
    message: 'ends before it starts',
  })
  .refine((r) => relationFrom[r.kind].includes(r.from.type), {
    path: ['from', 'type'],
    params: { code: 'INVALID_OPTION' },
    message: 'this kind of relation cannot start here',
  })
  .meta({ description: 'A new relation' });
export type RelationInput = z.input<typeof relationInputSchema>;

const endOutSchema = z.object({ type: z.enum(['person', 'organization']), id: idSchema, name: z.object({ zh: z.string(), en: z.string() }) });

export const relationSchema = z
  .object({
    id: idSchema,
    kind: z.enum(relationKinds),
    from: endOutSchema,
    to: endOutSchema,
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    title: z.string().nullable(),
    degree: z.enum(degrees).nullable(),
    round: z.enum(fundingRounds).nullable(),
    amount: moneySchema.nullable(),
    source: sourceSchema,
    createdAt: timestampSchema,
  })
  .meta({ id: 'Relation' });
export type Relation = z.infer<typeof relationSchema>;

export const relationListQuerySchema = cursorQuerySchema.extend({
  kind: z.enum(relationKinds).optional(),
  organization: idSchema.optional().meta({ description: 'Relations touching this organisation' }),
  person: idSchema.optional().meta({ description: 'Relations of this person' }),
});

export const relationPageSchema = cursorPageOf(relationSchema).meta({ id: 'RelationPage' });
