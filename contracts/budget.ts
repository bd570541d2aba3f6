import { z } from 'zod';
import { bilingualNameSchema, idSchema } from './common.js';

/** Money in minor units (fen) as a decimal string in JSON; bigint in code; never a float. */
export const amountSchema = z.string().regex(/^[1-9]\d{0,17}$/, 'a positive whole number of fen');
export const balanceAmountSchema = z.string().regex(/^-?\d{1,19}$/);

export const accountKinds = ['treasury', 'envelope', 'budget_line', 'award'] as const;
export type AccountKind = (typeof accountKinds)[number];

export const transferKinds = ['posted', 'pending', 'post_pending', 'void_pending'] as const;
export const reasonCodes = ['allocate_envelope', 'fund_line', 'line_transfer', 'commit', 'disburse', 'release', 'claw_back', 'year_close'] as const;
export type ReasonCode = (typeof reasonCodes)[number];

export const fiscalYearInputSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    revenue: amountSchema.meta({ description: 'General budget revenue in fen' }),
    techShareBasisPoints: z.number().int().min(1).max(10_000).default(1500).meta({ description: '1500 = 15%' }),
  })
  .meta({ description: 'Open a fiscal year' });

export const budgetLineInputSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'lowercase letters, digits and dashes'),
    name: bilingualNameSchema,
    amount: amountSchema.meta({ description: 'Moved from the envelope to the line' }),
    transferId: idSchema.meta({ description: 'Caller-chosen id: a retry applies once' }),
  })
  .meta({ description: 'A budget line funded from the envelope' });

export const lineTransferInputSchema = z
  .strictObject({ transferId: idSchema, fromLine: z.string(), toLine: z.string(), amount: amountSchema, note: z.string().trim().max(300).optional() })
  .refine((t) => t.fromLine !== t.toLine, { path: ['toLine'], params: { code: 'INVALID' }, message: 'a different line' })
  .meta({ description: 'Move money between two lines of one year' });

export const closeYearInputSchema = z
  .strictObject({ decision: z.enum(['void', 'carry_forward']), note: z.string().trim().min(1).max(500) })
  .meta({ description: 'What happens to unspent commitments' });

export const accountSchema = z
  .object({
    id: idSchema,
    kind: z.enum(accountKinds),
    code: z.string(),
    name: z.object({ zh: z.string(), en: z.string() }),
    debitsPending: balanceAmountSchema,
    debitsPosted: balanceAmountSchema,
    creditsPending: balanceAmountSchema,
    creditsPosted: balanceAmountSchema,
    available: balanceAmountSchema.meta({ description: 'credits posted - debits posted - debits pending' }),
  })
  .meta({ id: 'LedgerAccount' });
export type LedgerAccount = z.infer<typeof accountSchema>;

export const envelopeSchema = z
  .object({
    year: z.number().int(),
    status: z.enum(['open', 'closed']),
    revenue: balanceAmountSchema,
    techShareBasisPoints: z.number().int(),
    envelope: balanceAmountSchema,
    unallocated: balanceAmountSchema,
    lines: z.array(accountSchema.extend({ committed: balanceAmountSchema, disbursed: balanceAmountSchema, free: balanceAmountSchema })),
  })
  .meta({ id: 'Envelope' });
export type Envelope = z.infer<typeof envelopeSchema>;

export const transferSchema = z
  .object({
    id: idSchema,
    kind: z.enum(transferKinds),
    reason: z.enum(reasonCodes),
    debitAccount: z.object({ id: idSchema, code: z.string() }),
    creditAccount: z.object({ id: idSchema, code: z.string() }),
    amount: balanceAmountSchema,
    pendingId: idSchema.nullable(),
    cause: z.object({ type: z.string(), id: z.string() }).nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'LedgerTransfer' });
export type LedgerTransfer = z.infer<typeof transferSchema>;

export const transferListQuerySchema = z.object({
  account: idSchema.optional(),
  reason: z.enum(reasonCodes).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: idSchema.optional().meta({ description: 'Cursor: transfers created before this one' }),
});

export const balanceSchema = z
  .object({ account: z.object({ id: idSchema, code: z.string() }), asOf: z.string(), debitsPending: balanceAmountSchema, debitsPosted: balanceAmountSchema, creditsPending: balanceAmountSchema, creditsPosted: balanceAmountSchema })
  .meta({ id: 'AccountBalance' });
