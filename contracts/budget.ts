import { z } from 'zod';
import { fenAmount, fenBalance } from './money.js';
import { cursorQuerySchema } from './pagination.js';
import { bilingualNameSchema, idSchema, timestampSchema } from './common.js';
import { isoDateTime } from './dates.js';

/** Money: see contracts/money.ts (fen as a decimal string; bigint in code; never a float). */
export const amountSchema = fenAmount();
export const balanceAmountSchema = fenBalance();

export const accountKinds = ['treasury', 'envelope', 'budget_line', 'award'] as const;
export type AccountKind = (typeof accountKinds)[number];

export const transferKinds = ['posted', 'pending', 'post_pending', 'void_pending'] as const;
export const reasonCodes = [
  'allocate_envelope',
  'fund_line',
  'line_transfer',
  'commit',
  'disburse',
  'release',
  'claw_back',
  'year_close',
  'recovery',
  'repayment',
  'write_off',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

export const fiscalYearInputSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    revenue: fenAmount('General budget revenue'),
    techShareBasisPoints: z.number().int().min(1).max(10_000).default(1500).meta({ description: '1500 = 15%' }),
  })
  .meta({ description: 'Open a fiscal year' });

export const budgetLineInputSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'lowercase letters, digits and dashes'),
    name: bilingualNameSchema,
    amount: fenAmount('Moved from the envelope to the line'),
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
    available: fenBalance('Credits posted - debits posted - debits pending'),
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

/** What caused a transfer or holds an award account, in words where its module names it. */
export const causeSchema = z
  .object({
    type: z.string(),
    id: z.string(),
    name: bilingualNameSchema.nullable().meta({ description: 'e.g. an application: its program and applicant' }),
    number: z.string().nullable().meta({ description: 'e.g. an application’s short number' }),
  })
  .meta({ id: 'LedgerCause' });
export type LedgerCause = z.infer<typeof causeSchema>;

/** An account as a transfer names it: budget line, envelope, treasury, or an award with what it is for. */
export const transferAccountSchema = z
  .object({
    id: idSchema,
    code: z.string(),
    kind: z.enum(accountKinds),
    name: bilingualNameSchema,
    cause: causeSchema.nullable().meta({ description: 'Award accounts: the award’s cause' }),
  })
  .meta({ id: 'LedgerTransferAccount' });
export type LedgerTransferAccount = z.infer<typeof transferAccountSchema>;

export const transferSchema = z
  .object({
    id: idSchema,
    kind: z.enum(transferKinds),
    reason: z.enum(reasonCodes),
    debitAccount: transferAccountSchema,
    creditAccount: transferAccountSchema,
    amount: balanceAmountSchema,
    pendingId: idSchema.nullable(),
    cause: causeSchema.nullable(),
    note: z.string().nullable(),
    createdAt: timestampSchema,
  })
  .meta({
    id: 'LedgerTransfer',
    examples: [
      {
        id: '01938a7d-0b1c-7d2e-9f30-5a6b7c8d9e0f',
        kind: 'pending',
        reason: 'commit',
        debitAccount: {
          id: '01938a70-1111-7222-8333-444455556666',
          code: 'compute-vouchers',
          kind: 'budget_line',
          name: { zh: '算力券', en: 'Compute vouchers' },
          cause: null,
        },
        creditAccount: {
          id: '01938a7d-2222-7333-8444-555566667777',
          code: 'award:HZ-2026-000123',
          kind: 'award',
          name: { zh: '算力券 · 深度求索 HZ-2026-000123', en: 'Compute voucher · DeepSeek HZ-2026-000123' },
          cause: {
            type: 'application',
            id: '01938a7d-3333-7444-8555-666677778888',
            name: { zh: '算力券 · 深度求索', en: 'Compute voucher · DeepSeek' },
            number: 'HZ-2026-000123',
          },
        },
        amount: '30000000',
        pendingId: null,
        cause: {
          type: 'application',
          id: '01938a7d-3333-7444-8555-666677778888',
          name: { zh: '算力券 · 深度求索', en: 'Compute voucher · DeepSeek' },
          number: 'HZ-2026-000123',
        },
        note: null,
        createdAt: '2026-03-02T09:30:00.000Z',
      },
    ],
  });
export type LedgerTransfer = z.infer<typeof transferSchema>;

export const transferListQuerySchema = cursorQuerySchema.extend({
  account: idSchema.optional(),
  reason: z.enum(reasonCodes).optional(),
  from: isoDateTime({ offset: true }).optional(),
  to: isoDateTime({ offset: true }).optional(),
});

export const balanceSchema = z
  .object({
    account: z.object({ id: idSchema, code: z.string() }),
    asOf: timestampSchema,
    debitsPending: balanceAmountSchema,
    debitsPosted: balanceAmountSchema,
    creditsPending: balanceAmountSchema,
    creditsPosted: balanceAmountSchema,
  })
  .meta({
    id: 'AccountBalance',
    examples: [
      {
        account: { id: '01938a70-1111-7222-8333-444455556666', code: 'compute-vouchers' },
        asOf: '2026-06-30T16:00:00.000Z',
        debitsPending: '30000000',
        debitsPosted: '120000000',
        creditsPending: '0',
        creditsPosted: '1000000000',
      },
    ],
  });
