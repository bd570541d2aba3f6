import { z } from 'zod';
import { timestampSchema } from './common.js';
import { cursorPageOf, cursorQuerySchema } from './pagination.js';

const label = z.object({ key: z.string(), name: z.object({ zh: z.string(), en: z.string() }) });
const bilingual = z.object({ zh: z.string(), en: z.string() });

/** A program an applicant qualifies for (as the last matching run found) and has not applied to. */
export const matchSchema = z
  .object({
    program: z.object({ id: z.uuid(), name: bilingual, kind: z.string(), closesOn: z.string(), version: z.number().int() }),
    applicant: z.object({ type: z.enum(['organization', 'person']), id: z.uuid(), name: bilingual.nullable() }),
    reasons: z.array(label).meta({ description: 'The criteria the applicant passes' }),
    atApplication: z.array(label).meta({ description: 'Criteria on form answers: decided when applying' }),
    matchedAt: timestampSchema,
  })
  .meta({ id: 'ProgramMatch' });
export type ProgramMatch = z.infer<typeof matchSchema>;

export const matchListQuerySchema = cursorQuerySchema.extend({
  program: z.uuid().optional().meta({ description: 'Staff: who qualifies for this program and has not applied' }),
});

export const matchListSchema = cursorPageOf(matchSchema);

export const runMatchingInputSchema = z.object({ programId: z.uuid().optional() }).default({});

export const matchingCountsSchema = z
  .object({
    programs: z.number().int(),
    applicants: z.number().int(),
    evaluations: z.number().int(),
    matches: z.number().int(),
    removed: z.number().int(),
    seconds: z.number(),
  })
  .meta({ id: 'MatchingCounts' });

export const invitationsSchema = z.object({
  invited: z.number().int().meta({ description: 'Notifications created (users already invited are skipped)' }),
  emailed: z.number().int().meta({ description: 'E-mails queued in the outbox (0 when SMTP is not configured)' }),
});
