import { z } from 'zod';
import { idSchema } from './common.js';
import { cursorPageOf, cursorQuerySchema } from './pagination.js';
import { isoDateTime } from './dates.js';

/** An action's code ("ledger.disbursed") or a prefix ending in a dot ("ledger.") for every action of that area. */
const actionFilterSchema = z
  .string()
  .max(80)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.?$/, 'INVALID_FORMAT')
  .meta({ description: 'One action ("ledger.disbursed"), or a prefix ending in a dot ("ledger.") for every action that starts with it' });

/** What the auditor reads of the hub's audit log, newest first. */
export const auditEventsQuerySchema = cursorQuerySchema
  .extend({
    from: isoDateTime({ offset: true }).optional().meta({ description: 'Events that occurred at or after this instant' }),
    to: isoDateTime({ offset: true }).optional().meta({ description: 'Events that occurred before this instant' }),
    action: actionFilterSchema.optional(),
    actor: idSchema.optional().meta({ description: 'Events of this account only (a user id)' }),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { path: ['to'], params: { code: 'INVALID' }, message: 'after from' });
export type AuditEventsQuery = z.output<typeof auditEventsQuerySchema>;

export const auditEventSchema = z
  .object({
    seq: z.number().int().min(1).meta({ description: "The event's place in the hub's hash chain" }),
    occurredAt: isoDateTime({ offset: true }),
    action: z.string().meta({ description: 'What happened, as a code: area and verb, e.g. `ledger.disbursed`' }),
    actor: z
      .object({
        id: idSchema,
        name: z.string().nullable().meta({ description: "The account's display name (null when the account no longer exists)" }),
      })
      .nullable()
      .meta({ description: 'Who did it; null for the system (jobs, sign-ins of unknown addresses)' }),
    subjectType: z.string().meta({ description: 'The kind of thing it happened to, e.g. `application`' }),
    subjectId: z.string().meta({ description: 'Which one (an id, never a name)' }),
    payload: z.record(z.string(), z.unknown()).meta({ description: 'The facts of the event as recorded: ids and values, never personal data or secrets' }),
  })
  .meta({ id: 'AuditEvent', description: 'One event of the audit log' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditEventListSchema = cursorPageOf(auditEventSchema).meta({ description: 'A page of audit events, newest first' });

export const auditVerificationSchema = z
  .object({
    ok: z.boolean().meta({ description: 'Every event hashes to the next and the head matches the last' }),
    events: z.number().int().min(0).meta({ description: 'How many events verified: all of them, or those before the first break' }),
    brokenAt: z
      .object({
        seq: z.number().int().min(1),
        reason: z.enum(['prev_hash_mismatch', 'hash_mismatch', 'gap', 'unknown_hash_alg']),
      })
      .nullable()
      .meta({ description: 'The first event that does not verify, and why; null when the chain is whole' }),
    checkedAt: isoDateTime({ offset: true }),
  })
  .meta({ id: 'AuditVerification', description: "The result of recomputing the hub's audit hash chain" });
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
