import { z } from 'zod';
import { bilingualNameSchema, idSchema, timestampSchema } from './common.js';
import { cursorPageOf, cursorQuerySchema } from './pagination.js';
import { isValidResidentId, normalizeResidentId } from './resident-id.js';
import { isoDate } from './dates.js';

export const personRoles = ['founder', 'executive', 'engineer', 'researcher', 'professor', 'investor', 'student', 'official'] as const;
export type PersonRole = (typeof personRoles)[number];

/** High-level talent classes (A top global … E senior), assessed by the talent module. */
export const talentTiers = ['A', 'B', 'C', 'D', 'E'] as const;
export type TalentTier = (typeof talentTiers)[number];

export const residentIdSchema = z
  .string()
  .transform(normalizeResidentId)
  .refine(isValidResidentId, { params: { code: 'INVALID_RESIDENT_ID' }, message: 'invalid resident identity number' });

const pastDate = isoDate().refine((d) => d <= new Date().toISOString().slice(0, 10), { params: { code: 'INVALID_DATE' }, message: 'in the future' });

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
    createdAt: timestampSchema,
  })
  .meta({
    id: 'Person',
    examples: [
      {
        id: '01938a7c-6a10-7c52-8e11-4b7d2a9f3c05',
        name: { zh: '王兴兴', en: 'Wang Xingxing' },
        roles: ['founder'],
        bornOn: '1990-01-01',
        talentTier: 'B',
        residentIdMasked: '330106********123X',
        createdAt: '2026-03-01T08:00:00.000Z',
      },
    ],
  });
export type Person = z.infer<typeof personSchema>;

export const personListQuerySchema = cursorQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(personRoles).optional(),
  university: idSchema.optional().meta({ description: 'Only alumni of this university (organisation id)' }),
});

export const personPageSchema = cursorPageOf(personSchema).meta({ id: 'PersonPage' });

export { idSchema as personIdSchema };
