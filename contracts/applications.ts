import { z } from 'zod';
import { idSchema } from './common.js';
import { applicationStatuses } from './reviews.js';
import { benefitExplanationSchema, benefitFormulaSchema, criterionErrorSchema, criterionResultSchema, formFieldSchema, programInputSchema, programKinds, programModes, applicantTypes, programRulesSchema } from './programs.js';
import { fieldKeySchema } from './programs.js';

/** What an officer sends to create or update a program. */
export const programDraftSchema = programInputSchema.extend({
  fiscalYear: z.number().int().min(2000).max(2100),
  claimField: fieldKeySchema.optional().meta({ description: 'The form field naming the claim (e.g. a contract number): stacking and duplicate rules work per claim' }),
  onePerApplicant: z.boolean().default(true),
});
export type ProgramDraft = z.input<typeof programDraftSchema>;

const name = z.object({ zh: z.string(), en: z.string() });

export const programSchema = z
  .object({
    id: idSchema,
    hub: z.string(),
    kind: z.enum(programKinds),
    name,
    description: name,
    sectors: z.array(z.string()),
    status: z.enum(['draft', 'published', 'closed']),
    window: z.object({ opensOn: z.string(), closesOn: z.string() }),
    fiscalYear: z.number().int(),
    budgetLine: z.string(),
    claimField: z.string().nullable(),
    onePerApplicant: z.boolean(),
    version: z.number().int(),
    applicantType: z.enum(applicantTypes),
    mode: z.enum(programModes),
    rules: programRulesSchema.optional().meta({ description: 'Full rules: staff only' }),
    criteria: z.array(z.object({ key: z.string(), name, reason: name })).meta({ description: 'The criteria in plain words' }),
    form: z.array(formFieldSchema).meta({ description: 'The application form (public: applicants fill it in)' }),
    benefit: benefitFormulaSchema.meta({ description: 'What it gives: the benefit formula (public, like the criteria)' }),
    budgetLeft: z.string().nullable().meta({ description: 'Fen still free on the program’s budget line' }),
  })
  .meta({ id: 'Program' });
export type Program = z.infer<typeof programSchema>;

export const criteriaValidationSchema = z
  .object({ ok: z.boolean(), errors: z.array(criterionErrorSchema), wouldQualify: z.array(z.object({ id: idSchema, name })).optional() })
  .meta({ id: 'CriteriaValidation' });

export const applicationInputSchema = z
  .strictObject({
    organizationId: idSchema.optional().meta({ description: 'For organisation programs: the applicant organisation (you must belong to it)' }),
    answers: z.record(z.string(), z.union([z.string().max(4000), z.number(), z.boolean()])).default({}),
    draft: z.boolean().optional().meta({ description: 'Reviewed programs: save a draft (answers checked for type only; submit it later with submitApplicationDraft)' }),
  })
  .meta({ description: 'An application: the form answers' });

export const applicationSchema = z
  .object({
    id: idSchema,
    programId: idSchema,
    programVersion: z.number().int(),
    status: z.enum(applicationStatuses),
    applicant: z.object({ type: z.enum(applicantTypes), id: idSchema }),
    answers: z.record(z.string(), z.unknown()),
    screening: z.object({ eligible: z.boolean(), results: z.array(criterionResultSchema) }),
    benefit: benefitExplanationSchema.nullable(),
    refusal: z.string().nullable(),
    amount: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Application' });
export type Application = z.infer<typeof applicationSchema>;
