import { z } from 'zod';
import { bilingualNameSchema, idSchema, timestampSchema } from './common.js';
import { cursorPageOf, cursorQuerySchema } from './pagination.js';
import { allowedActionsSchema, organizationActions } from './allowed-actions.js';
import { orgRoles } from './auth.js';
import { isValidUscc, normalizeUscc } from './uscc.js';
import { isoDate, isoDateTime } from './dates.js';

export const organizationKinds = ['startup', 'company', 'university', 'investor', 'compute_provider', 'government'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const sectors = [
  'ai',
  'robotics',
  'synthetic_biology',
  'games',
  'brain_computer_interfaces',
  'cloud_computing',
  'semiconductors',
  'ecommerce',
  'education',
  'finance',
] as const;
export type Sector = (typeof sectors)[number];

export const ORG_LIMITS = { headcountMax: 10_000_000, websiteMax: 200, sectorsMax: 10 } as const;

/** Accepts spaces and lower case as a person types them; stores the canonical form. */
export const usccSchema = z
  .string()
  .transform(normalizeUscc)
  .refine(isValidUscc, { params: { code: 'INVALID_USCC' }, message: 'invalid USCC' });

export const foundedOnSchema = isoDate().refine((d) => d <= new Date().toISOString().slice(0, 10), {
  params: { code: 'INVALID_DATE' },
  message: 'founded in the future',
});

/** A district code from the hub's list (hub settings `districts`); checked against it by the server. */
export const districtCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'INVALID_FORMAT')
  .meta({ description: 'A code from the hub’s list of districts', example: 'xihu' });

export const websiteSchema = z.url({ protocol: /^https?$/, error: 'INVALID_URL' }).max(ORG_LIMITS.websiteMax);

export const organizationInputSchema = z
  .strictObject({
    kind: z.enum(organizationKinds),
    name: bilingualNameSchema,
    uscc: usccSchema,
    foundedOn: foundedOnSchema.optional(),
    sectors: z.array(z.enum(sectors)).max(ORG_LIMITS.sectorsMax).default([]),
    headcount: z.number().int().min(0).max(ORG_LIMITS.headcountMax).optional(),
    website: websiteSchema.optional(),
    district: districtCodeSchema.optional(),
  })
  .meta({ description: 'A new organisation' });
export type OrganizationInput = z.input<typeof organizationInputSchema>;

export const organizationUpdateSchema = z
  .strictObject({
    kind: z.enum(organizationKinds),
    name: bilingualNameSchema,
    uscc: usccSchema,
    foundedOn: foundedOnSchema.nullable(),
    sectors: z.array(z.enum(sectors)).max(ORG_LIMITS.sectorsMax),
    headcount: z.number().int().min(0).max(ORG_LIMITS.headcountMax).nullable(),
    website: websiteSchema.nullable(),
    district: districtCodeSchema.nullable(),
  })
  .partial()
  .meta({ description: 'Fields to change; null clears one' });
export type OrganizationUpdate = z.input<typeof organizationUpdateSchema>;

export const organizationMemberSchema = z.object({
  userId: idSchema,
  name: z.string(),
  email: z.email(),
  role: z.enum(orgRoles),
});

export const organizationSchema = z
  .object({
    id: idSchema,
    hub: z.string(),
    kind: z.enum(organizationKinds),
    name: bilingualNameSchema,
    uscc: z.string(),
    foundedOn: z.string().nullable(),
    sectors: z.array(z.enum(sectors)),
    headcount: z.number().int().nullable(),
    website: z.string().nullable(),
    district: z.string().nullable().meta({ description: 'A code from the hub’s list of districts' }),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({
    id: 'Organization',
    examples: [
      {
        id: '01938a7c-5e2f-7a31-9b40-2c6f0d8e1a77',
        hub: 'hangzhou',
        kind: 'startup',
        name: { zh: '深度求索', en: 'DeepSeek' },
        uscc: '91330105MA2H2XXXXX',
        foundedOn: '2023-07-17',
        sectors: ['ai'],
        headcount: 160,
        website: 'https://www.deepseek.com',
        district: 'binjiang',
        createdAt: '2026-03-01T08:00:00.000Z',
        updatedAt: '2026-03-01T08:00:00.000Z',
      },
    ],
  });
export type Organization = z.infer<typeof organizationSchema>;

export const organizationDetailSchema = organizationSchema
  .extend({ members: z.array(organizationMemberSchema), allowedActions: allowedActionsSchema(organizationActions) })
  .meta({ id: 'OrganizationDetail' });
export type OrganizationDetail = z.infer<typeof organizationDetailSchema>;

export const publicOrganizationSchema = organizationSchema.pick({ id: true, kind: true, name: true, sectors: true }).meta({ id: 'PublicOrganization' });

export const organizationListQuerySchema = cursorQuerySchema.extend({
  kind: z.enum(organizationKinds).optional(),
  sector: z.enum(sectors).optional(),
  q: z.string().trim().max(100).optional(),
});
export type OrganizationListQuery = z.input<typeof organizationListQuerySchema>;

export const organizationPageSchema = cursorPageOf(organizationSchema).meta({ id: 'OrganizationPage' });
export type OrganizationPage = z.infer<typeof organizationPageSchema>;
export const publicOrganizationPageSchema = cursorPageOf(publicOrganizationSchema).meta({ id: 'PublicOrganizationPage' });

export const addMemberInputSchema = z
  .strictObject({ email: z.email(), role: z.enum(orgRoles).default('applicant') })
  .meta({ description: 'An existing account to add' });
export type AddMemberInput = z.input<typeof addMemberInputSchema>;

export const inviteColleagueInputSchema = z
  .strictObject({ email: z.email().max(254), role: z.enum(orgRoles) })
  .meta({ id: 'InviteColleagueInput', description: 'owner, applicant (can apply for the company) or viewer (can only look)' });

export const colleagueInvitationSchema = z
  .object({ id: idSchema, organizationId: idSchema, email: z.string(), role: z.enum(orgRoles), expiresAt: isoDateTime() })
  .meta({ id: 'ColleagueInvitation' });

export const colleagueInvitationPreviewSchema = z
  .object({ organization: z.object({ id: idSchema, name: bilingualNameSchema }), email: z.string(), role: z.enum(orgRoles), expiresAt: isoDateTime() })
  .meta({ id: 'ColleagueInvitationPreview' });

export const linkTokenSchema = z.string().min(20).max(200);
export const memberRoleInputSchema = z.strictObject({ role: z.enum(orgRoles) }).meta({ id: 'MemberRoleInput' });
export const transferOwnershipInputSchema = z.strictObject({ userId: idSchema }).meta({ id: 'TransferOwnershipInput' });
