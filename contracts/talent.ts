import { z } from 'zod';
import { bilingualNameSchema } from './common.js';
import { residentIdSchema, talentTiers } from './people.js';
import { stayDegreeLevels } from './stays.js';

/** Graduate verification: who I am and the degree I hold (or will, in my final year). */
export const verifyGraduateInputSchema = z.strictObject({
  name: bilingualNameSchema,
  residentId: residentIdSchema.optional(),
  degree: z.strictObject({
    university: z.string().trim().min(2).max(160),
    level: z.enum(stayDegreeLevels),
    graduatesOn: z.iso.date().meta({ description: 'Graduation date; in the future for a final-year student' }),
  }),
});
export type VerifyGraduateInput = z.infer<typeof verifyGraduateInputSchema>;

export const graduateStandingSchema = z
  .object({
    verified: z.boolean().meta({ description: 'A person record is linked to this account' }),
    eligible: z.boolean(),
    degree: z.object({ level: z.enum(stayDegreeLevels), graduatesOn: z.iso.date(), university: z.string() }).nullable(),
    reasons: z.array(z.object({ key: z.enum(['person', 'degree', 'graduation']), ok: z.boolean(), text: z.object({ zh: z.string(), en: z.string() }) })),
  })
  .meta({ id: 'GraduateStanding' });
export type GraduateStanding = z.infer<typeof graduateStandingSchema>;

export { talentTiers };
