import { z } from 'zod';
import { idSchema } from './common.js';
import { moneySchema, relationKinds } from './relations.js';
import { organizationKinds, sectors } from './organizations.js';

const name = z.object({ zh: z.string(), en: z.string() });

export const graphSchema = z
  .object({
    center: idSchema,
    nodes: z.array(
      z.object({
        id: idSchema,
        type: z.enum(['person', 'organization']),
        name,
        kind: z.enum(organizationKinds).nullable(),
        dragon: z.boolean(),
      }),
    ),
    edges: z.array(
      z.object({ id: idSchema, kind: z.enum(relationKinds), from: idSchema, to: idSchema, startsOn: z.string().nullable(), title: z.string().nullable() }),
    ),
  })
  .meta({ id: 'OrganizationGraph' });
export type OrganizationGraph = z.infer<typeof graphSchema>;

export const universityPipelineSchema = z.object({
  university: z.object({ id: idSchema, name }),
  alumni: z.number().int(),
  founders: z.number().int().meta({ description: 'Alumni who founded an organisation of the hub' }),
  foundedOrganizations: z.array(z.object({ id: idSchema, name, dragon: z.boolean(), founders: z.array(z.object({ id: idSchema, name })) })),
  employers: z.array(z.object({ id: idSchema, name, alumni: z.number().int() })),
  founderShare: z.number().meta({ description: 'Share of the hub’s founders who are alumni, 0..1' }),
  dragonsFounded: z.number().int(),
});

export const talentPipelineSchema = z
  .object({
    hub: z.string(),
    founders: z.number().int(),
    dragons: z.number().int(),
    universities: z.array(universityPipelineSchema),
  })
  .meta({ id: 'TalentPipeline' });
export type TalentPipeline = z.infer<typeof talentPipelineSchema>;

export const dragonRuleSchema = z
  .object({
    minValuation: moneySchema.nullable().meta({ description: 'Latest valuation at least this (same currency)' }),
    foundedFrom: z.number().int().min(1800).max(2200).nullable(),
    designated: z.array(idSchema).max(100).meta({ description: 'Organisations the hub names as dragons outright' }),
  })
  .meta({ id: 'DragonRule' });
export type DragonRule = z.infer<typeof dragonRuleSchema>;

export const hubComparisonSchema = z
  .object({
    hubs: z.array(
      z.object({
        slug: z.string(),
        name,
        organizations: z.number().int(),
        bySector: z.array(z.object({ sector: z.enum(sectors), organizations: z.number().int() })),
        byFoundingYear: z.array(z.object({ year: z.number().int(), organizations: z.number().int() })),
        founderUniversities: z.array(z.object({ id: idSchema, name, founders: z.number().int() })),
        fundingRaised: z.array(moneySchema),
        dragons: z.array(z.object({ id: idSchema, name })),
      }),
    ),
  })
  .meta({ id: 'HubComparison' });
export type HubComparison = z.infer<typeof hubComparisonSchema>;
