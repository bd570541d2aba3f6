import { z } from 'zod';
import { bilingualNameSchema, idSchema, pageOf, pageQuerySchema } from './common.js';
import { orgRoles } from './auth.js';
import { isValidUscc, normalizeUscc } from './uscc.js';

export const organizationKinds = [
  'startup',
  'company',
  'university',
  'investor',
  'compute_provider',
  'government',
] as const;
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

const isoDate = z.iso.date();

export const foundedOnSchema = isoDate.refine((d) => d <= new Date().toISOString().slice(0, 10), {
  params: { code: 'INVALID_DATE' },
  message: 'founded in the future',
});

export const websiteSchema = z
  .url({ protocol: /^https?$/, error: 'INVALID_URL' })
  .max(ORG_LIMITS.websiteMax);

export const organizationInputSchema = z
  .strictObject({
    kind: z.enum(organizationKinds),
    name: bilingualNameSchema,
    uscc: usccSchema,
    foundedOn: foundedOnSchema.optional(),
    sectors: z.array(z.enum(sectors)).max(ORG_LIMITS.sectorsMax).default([]),
    headcount: z.number().int().min(0).max(ORG_LIMITS.headcountMax).optional(),
    website: websiteSchema.optional(),
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
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof organizationSchema>;

export const organizationDetailSchema = organizationSchema
  .extend({ members: z.array(organizationMemberSchema) })
  .meta({ id: 'OrganizationDetail' });
export type OrganizationDetail = z.infer<typeof organizationDetailSchema>;

export const publicOrganizationSchema = organizationSchema
  .pick({ id: true, kind: true, name: true, sectors: true })
  .meta({ id: 'PublicOrganization' });

export const organizationListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(organizationKinds).optional(),
  sector: z.enum(sectors).optional(),
  q: z.string().trim().max(100).optional(),
});
export type OrganizationListQuery = z.input<typeof organizationListQuerySchema>;

export const organizationPageSchema = pageOf(organizationSchema).meta({ id: 'OrganizationPage' });
export type OrganizationPage = z.infer<typeof organizationPageSchema>;
export const publicOrganizationPageSchema = pageOf(publicOrganizationSchema).meta({ id: 'PublicOrganizationPage' });

export const addMemberInputSchema = z
  .strictObject({ email: z.email(), role: z.enum(orgRoles).default('member') })
  .meta({ description: 'An existing account to add' });
export type AddMemberInput = z.input<typeof addMemberInputSchema>;
