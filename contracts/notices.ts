import { z } from 'zod';
import { bilingualNameSchema, timestampSchema } from './common.js';
import { fenValue } from './money.js';
import { hubParamsSchema } from './hubs.js';
import { cursorQuerySchema } from './pagination.js';
import { isoDate } from './dates.js';

/** Evidence may be at most this many bytes (before base64). */
export const EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;

/** An award on the hub's notice board (公示), as anyone may read it. */
export const publicNoticeSchema = z
  .object({
    number: z.string().meta({ description: 'The application’s short number', example: 'HZ-2026-000123' }),
    program: z.object({ id: z.uuid(), name: bilingualNameSchema }),
    recipient: z
      .object({ name: bilingualNameSchema, uscc: z.string() })
      .nullable()
      .meta({ description: 'The organisation; null for an award to an individual (never named)' }),
    amount: fenValue('Awarded'),
    reason: z.string().meta({ description: 'Why it was awarded (the decision’s reason); empty for a rule-only award, which its published criteria decided' }),
    startsOn: isoDate(),
    endsOn: isoDate().meta({ description: 'Last day of the notice period; objections are taken until then' }),
    open: z.boolean().meta({ description: 'Objections are still taken (the period has not ended)' }),
    dismissals: z
      .array(z.object({ reason: z.string(), at: timestampSchema }))
      .meta({ description: 'Objections dismissed, with the published reason (never who objected)' }),
  })
  .meta({ id: 'PublicNotice' });
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

export const noticeParamsSchema = hubParamsSchema.extend({ number: z.string().regex(/^[A-Z]{2,4}-\d{4}-\d{6}$/) });

/** An objection anyone may lodge against an award on notice. */
export const objectionInputSchema = z
  .strictObject({
    contact: z.string().trim().min(3).max(200).meta({ description: 'How the officer can reach you (phone or e-mail); never published' }),
    reason: z.string().trim().min(10).max(4000).meta({ description: 'What is wrong with the award' }),
    evidence: z
      .strictObject({
        name: z.string().trim().min(1).max(200),
        content: z
          .string()
          .max(Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 4)
          .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64')
          .meta({ description: `The file as base64, at most ${EVIDENCE_MAX_BYTES} bytes` }),
      })
      .optional(),
  })
  .meta({ id: 'NewObjection', description: 'An objection to an award on public notice' });
export type ObjectionInput = z.infer<typeof objectionInputSchema>;

export const objectionReceiptSchema = z
  .object({ reference: z.string().meta({ description: 'Quote it if you contact the hub' }), status: z.literal('received') })
  .meta({ id: 'ObjectionReceipt' });

export const objectionStatuses = ['open', 'upheld', 'dismissed', 'moot'] as const;

/** An objection as the hub's officers see it. */
export const objectionSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    number: z.string().meta({ description: 'The award’s application number' }),
    program: bilingualNameSchema,
    recipient: bilingualNameSchema.nullable(),
    amount: fenValue('Awarded'),
    endsOn: isoDate(),
    contact: z.string(),
    reason: z.string(),
    evidence: z.object({ name: z.string(), mediaType: z.string() }).nullable(),
    status: z.enum(objectionStatuses),
    resolution: z.string().nullable(),
    createdAt: timestampSchema,
    resolvedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'Objection' });
export type Objection = z.infer<typeof objectionSchema>;

export const objectionListQuerySchema = cursorQuerySchema.extend({ status: z.enum(objectionStatuses).optional() });

export const resolutionInputSchema = z
  .strictObject({
    outcome: z.enum(['upheld', 'dismissed']).meta({ description: 'upheld: the decision is reopened; dismissed: the reason is published' }),
    reason: z.string().trim().min(5).max(2000),
  })
  .meta({ id: 'ObjectionResolution' });
