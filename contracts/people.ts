import { z } from 'zod';
import { bilingualNameSchema, idSchema, pageOf, pageQuerySchema } from './common.js';
import { isValidResidentId, normalizeResidentId } from './resident-id.js';

export const personRoles = ['founder', 'executive', 'engineer', 'researcher', 'professor', 'investor', 'student', 'official'] as const;
export type PersonRole = (typeof personRoles)[number];

/** High-level talent classes (A top global … E senior), assessed by the talent module. */
export const talentTiers = ['A', 'B', 'C', 'D', 'E'] as const;
export type TalentTier = (typeof talentTiers)[number];

export const residentIdSchema = z
  .string()
  .transform(normalizeResidentId)
  .refine(isValidResidentId, { params: { code: 'INVALID_RESIDENT_ID' }, message: 'invalid resident identity number' });

const pastDate = z.iso.date().refine((d) => d <= new Date().toISOString().slice(0, 10), { params: { code: 'INVALID_DATE' }, message: 'in the future' });

export const personInputSchema = z
  .strictObject({
    name: bilingualNameSchema,
    roles: z.array(z.enum(personRoles)).max(8).default([]),
    bornOn: pastDate.optional(),
    talentTier: z.enum(talentTiers).optional(),
    residentId: residentIdSchema.optional().meta({ description: 'GB 11643-1999; stored encrypted, shown masked' }),
  })
  .meta({ description: 'A new person' });
export type PersonInput = z.input<typeof personInputSchema>;

export const personSchema = z
  .object({
    id: idSchema,
    name: z.object({ zh: z.string(), en: z.string() }),
    roles: z.array(z.enum(personRoles)),
    bornOn: z.string().nullable(),
    talentTier: z.enum(talentTiers).nullable(),
    residentIdMasked: z.string().nullable().meta({ description: 'e.g. 330106********123X' }),
    createdAt: z.string(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof personSchema>;

export const personListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(personRoles).optional(),
  university: idSchema.optional().meta({ description: 'Only alumni of this university (organisation id)' }),
});

export const personPageSchema = pageOf(personSchema).meta({ id: 'PersonPage' });

export { idSchema as personIdSchema };
