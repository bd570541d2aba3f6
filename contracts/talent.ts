import { z } from 'zod';
import { bilingualNameSchema } from './common.js';
import { residentIdSchema, talentTiers } from './people.js';
import { stayDegreeLevels } from './stays.js';
import { isoDate, isoDateTime } from './dates.js';
import { cursorQuerySchema } from './pagination.js';

/** Graduate verification: who I am and the degree I hold (or will, in my final year). */
export const verifyGraduateInputSchema = z.strictObject({
  name: bilingualNameSchema.meta({
    description:
      '`zh`: the name as on the ID card or passport, in any script (a graduate need not have a Chinese name); `en`: in Latin letters (pinyin for a Chinese name)',
  }),
  residentId: residentIdSchema.optional(),
  degree: z.strictObject({
    university: z.string().trim().min(2).max(160),
    level: z.enum(stayDegreeLevels),
    graduatesOn: isoDate().meta({ description: 'Graduation date; in the future for a final-year student' }),
  }),
});
export type VerifyGraduateInput = z.infer<typeof verifyGraduateInputSchema>;

export const graduateStandingSchema = z
  .object({
    verified: z.boolean().meta({ description: 'A person record is linked to this account' }),
    eligible: z.boolean(),
    degree: z.object({ level: z.enum(stayDegreeLevels), graduatesOn: isoDate(), university: z.string() }).nullable(),
    reasons: z.array(z.object({ key: z.enum(['person', 'degree', 'graduation']), ok: z.boolean(), text: z.object({ zh: z.string(), en: z.string() }) })),
  })
  .meta({ id: 'GraduateStanding' });
export type GraduateStanding = z.infer<typeof graduateStandingSchema>;

export { talentTiers };

const conditionKeySchema = z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'lowercase letters, digits and _');

/** The hub's catalogue: each class A-E with the conditions any one of which qualifies. */
export const talentCatalogueSchema = z
  .array(
    z.strictObject({
      tier: z.enum(talentTiers),
      name: bilingualNameSchema,
      conditions: z
        .array(z.strictObject({ key: conditionKeySchema, zh: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }))
        .min(1)
        .max(30),
    }),
  )
  .max(5)
  .refine((classes) => new Set(classes.map((c) => c.tier)).size === classes.length, { params: { code: 'DUPLICATE_REF' }, message: 'a class twice' })
  .meta({ id: 'TalentCatalogue' });
export type TalentCatalogue = z.infer<typeof talentCatalogueSchema>;

export const assessmentInputSchema = z
  .strictObject({
    tier: z.enum(talentTiers),
    decision: z.enum(['granted', 'refused']),
    conditions: z.array(conditionKeySchema).max(30).default([]).meta({ description: 'Keys of the catalogue conditions the person meets' }),
    evidence: z.array(z.string().trim().min(1).max(300)).max(30).default([]).meta({ description: 'Evidence files or references examined' }),
    note: z.string().trim().max(2000).default(''),
    validFrom: isoDate(),
    validUntil: isoDate(),
  })
  .refine((a) => a.validFrom <= a.validUntil, { path: ['validUntil'], params: { code: 'ENDS_BEFORE_START' }, message: 'ends before it starts' });
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

export const assessmentSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    tier: z.enum(talentTiers),
    decision: z.enum(['granted', 'refused']),
    conditions: z.array(z.string()),
    evidence: z.array(z.string()),
    note: z.string(),
    validFrom: isoDate(),
    validUntil: isoDate(),
    createdAt: isoDateTime({ offset: true }),
  })
  .meta({ id: 'TalentAssessment' });
export type Assessment = z.infer<typeof assessmentSchema>;

export const cardStatuses = ['valid', 'expired', 'revoked'] as const;

/** The holder's card: the signed token the QR carries, and the public link that checks it. */
export const talentCardSchema = z
  .object({ id: z.uuid(), tier: z.enum(talentTiers), expiresOn: isoDate(), status: z.enum(cardStatuses), token: z.string(), verifyPath: z.string() })
  .meta({ id: 'TalentCard' });
export type TalentCard = z.infer<typeof talentCardSchema>;

/** What anyone learns from a card: whether it holds, the class and the hub; nothing personal. */
export const cardVerificationSchema = z
  .object({ status: z.enum(cardStatuses), tier: z.enum(talentTiers), expiresOn: isoDate(), hub: z.object({ slug: z.string(), name: bilingualNameSchema }) })
  .meta({ id: 'TalentCardVerification' });
export type CardVerification = z.infer<typeof cardVerificationSchema>;

/** The rest of a talent profile: employer and evidence files (ids from the file upload). */
export const talentProfileInputSchema = z.strictObject({
  employer: z.string().trim().min(1).max(200).nullable(),
  evidence: z.array(z.uuid()).max(20).default([]),
});
export const talentProfileSchema = z
  .object({
    personId: z.uuid(),
    employer: z.string().nullable(),
    evidence: z.array(z.uuid()),
    degrees: z.array(
      z.object({
        university: z.string().meta({ description: 'as the graduate typed it; for a recorded degree the Chinese name of the university' }),
        universityName: z
          .object({ zh: z.string(), en: z.string() })
          .nullable()
          .meta({ description: 'a recorded degree: the university as the ecosystem names it' }),
        level: z.enum(stayDegreeLevels),
        graduatesOn: isoDate(),
        source: z.enum(['declared', 'recorded']).meta({ description: 'declared by the graduate at verification, or recorded by staff as an alumnus tie' }),
      }),
    ),
    tier: z.enum(talentTiers).nullable(),
  })
  .meta({ id: 'TalentProfile' });
export type TalentProfile = z.infer<typeof talentProfileSchema>;

export const identityClaimStatuses = ['pending', 'approved', 'rejected'] as const;

const declaredDegreeSchema = z.object({ university: z.string(), level: z.enum(stayDegreeLevels), graduatesOn: isoDate() });

/** Staff's list of claims: by status (pending first of all), oldest first. */
export const identityClaimQuerySchema = cursorQuerySchema.extend({ status: z.enum(identityClaimStatuses).default('pending') });

/**
 * A graduate's claim to a person record: the resident id they gave is on that record
 * already. Staff compare the two (names, birth date, degrees) and decide.
 */
export const identityClaimSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(identityClaimStatuses),
    createdAt: isoDateTime({ offset: true }),
    decidedAt: isoDateTime({ offset: true }).nullable(),
    note: z.string(),
    claimant: z.object({
      email: z.string().nullable().meta({ description: 'the account’s address, to ask for proof' }),
      name: z.object({ zh: z.string(), en: z.string() }).nullable().meta({ description: 'as given when verifying (their own record)' }),
      degrees: z.array(declaredDegreeSchema).meta({ description: 'declared when verifying' }),
    }),
    person: z.object({
      id: z.uuid(),
      name: z.object({ zh: z.string(), en: z.string() }),
      bornOn: isoDate().nullable(),
      residentIdMasked: z.string().nullable(),
      usedByAnotherAccount: z.boolean().meta({ description: 'another account verified with this record (approving moves the resident id to the claimant)' }),
      degrees: z.array(declaredDegreeSchema).meta({ description: 'declared on this record' }),
    }),
  })
  .meta({ id: 'TalentIdentityClaim' });
export type IdentityClaim = z.infer<typeof identityClaimSchema>;

export const identityClaimDecisionSchema = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  note: z.string().trim().max(2000).default(''),
});
export type IdentityClaimDecision = z.infer<typeof identityClaimDecisionSchema>;
