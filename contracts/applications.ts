import { z } from 'zod';
import { allowedActionsSchema, applicationActions, programActions } from './allowed-actions.js';
import { fenBalance } from './money.js';
import { bilingualNameSchema, idSchema, timestampSchema } from './common.js';
import { applicationStatuses } from './reviews.js';
import {
  benefitExplanationSchema,
  benefitFormulaSchema,
  criterionErrorSchema,
  criterionResultSchema,
  formFieldSchema,
  programInputSchema,
  programKinds,
  programModes,
  applicantTypes,
  programRulesSchema,
} from './programs.js';
import { fieldKeySchema, PROGRAM_LIMITS } from './programs.js';

/** What an officer sends to create or update a program. */
export const programDraftSchema = programInputSchema.extend({
  fiscalYear: z.number().int().min(2000).max(2100),
  claimField: fieldKeySchema
    .optional()
    .meta({ description: 'The form field naming the claim (e.g. a contract number): stacking and duplicate rules work per claim' }),
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
    milestones: z
      .array(z.object({ key: z.string(), name, dueAfterMonths: z.number().int() }))
      .meta({ description: 'The reports an awardee owes, by name: a tranche may wait for one to be accepted (public, like the benefit)' }),
    budgetLeft: fenBalance('Still free on the program’s budget line').nullable(),
    allowedActions: allowedActionsSchema(programActions),
  })
  .meta({
    id: 'Program',
    examples: [
      {
        id: '01938a70-4c1d-7e2f-8a3b-9c0d1e2f3a4b',
        hub: 'hangzhou',
        kind: 'compute_voucher',
        name: { zh: '算力券', en: 'Compute voucher' },
        description: { zh: '按算力合同金额的 30% 补助，每家每年最多 500 万元。', en: '30% of a compute contract, at most CNY 5 m a company a year.' },
        sectors: ['ai'],
        status: 'published',
        window: { opensOn: '2026-01-01', closesOn: '2026-12-31' },
        fiscalYear: 2026,
        budgetLine: 'compute-vouchers',
        claimField: 'contract_number',
        onePerApplicant: false,
        version: 3,
        applicantType: 'organization',
        mode: 'rule_only',
        criteria: [
          {
            key: 'registered',
            name: { zh: '在杭注册', en: 'Registered in Hangzhou' },
            reason: { zh: '申请单位须在杭州注册', en: 'The company must be registered in Hangzhou' },
          },
        ],
        form: [
          { key: 'contract_number', label: { zh: '合同编号', en: 'Contract number' }, required: true, type: 'text', maxLength: 100 },
          { key: 'contract_amount', label: { zh: '合同金额', en: 'Contract amount' }, required: true, type: 'money', max: null },
        ],
        benefit: {
          type: 'percentage',
          of: 'contract_amount',
          basisPoints: 3000,
          byChoice: null,
          smallClaim: null,
          cap: null,
          tranches: [{ shareBasisPoints: 10000, condition: null }],
          coFunding: null,
          caps: { perApplicantPerYear: '500000000' },
          stacking: null,
        },
        milestones: [],
        budgetLeft: '12500000000',
        allowedActions: ['apply'],
      },
    ],
  });
export type Program = z.infer<typeof programSchema>;

/** The form field types, as `formFieldSchema` declares them. */
export const formFieldTypes = ['text', 'number', 'money', 'date', 'choice', 'file'] as const;

/**
 * What the criteria check needs: the applicant type, the form's keys and types, and each
 * criterion's key and expression. Names, reasons and the rest of the rules may be missing
 * (an officer is still typing them); other keys of a whole program's rules are ignored.
 */
export const criteriaCheckInputSchema = z
  .object({
    rules: z.object({
      applicantType: z.enum(applicantTypes),
      form: z.array(z.object({ key: fieldKeySchema, type: z.enum(formFieldTypes) })).max(PROGRAM_LIMITS.formFieldsMax),
      criteria: z
        .array(z.object({ key: z.string().trim().min(1).max(60), expression: z.string().max(PROGRAM_LIMITS.expressionMax) }))
        .min(1)
        .max(PROGRAM_LIMITS.criteriaMax),
    }),
  })
  .meta({ id: 'CriteriaCheckInput', description: 'CEL criteria to type-check against the facts and the program form' });
export type CriteriaCheckInput = z.infer<typeof criteriaCheckInputSchema>;

export const criteriaValidationSchema = z
  .object({ ok: z.boolean(), errors: z.array(criterionErrorSchema), wouldQualify: z.array(z.object({ id: idSchema, name })).optional() })
  .meta({ id: 'CriteriaValidation' });

export const applicationInputSchema = z
  .strictObject({
    organizationId: idSchema.optional().meta({ description: 'For organisation programs: the applicant organisation (you must belong to it)' }),
    answers: z.record(z.string(), z.union([z.string().max(4000), z.number(), z.boolean()])).default({}),
    draft: z
      .boolean()
      .optional()
      .meta({ description: 'Reviewed programs: save a draft (answers checked for type only; submit it later with submitApplicationDraft)' }),
  })
  .meta({ description: 'An application: the form answers' });

const applicationExample = {
  id: '01938a7d-3333-7444-8555-666677778888',
  number: 'HZ-2026-000123',
  programId: '01938a70-4c1d-7e2f-8a3b-9c0d1e2f3a4b',
  programVersion: 3,
  status: 'approved',
  applicant: { type: 'organization', id: '01938a7c-5e2f-7a31-9b40-2c6f0d8e1a77', name: { zh: '深度求索', en: 'DeepSeek' } },
  answers: { contract_number: 'C-2026-0042', contract_amount: '100000000' },
  screening: {
    eligible: true,
    results: [{ key: 'registered', name: { zh: '在杭注册', en: 'Registered in Hangzhou' }, passed: true, reason: null, error: null }],
  },
  benefit: {
    amount: '30000000',
    cityShare: '30000000',
    employerShare: '0',
    tranches: [{ amount: '30000000', shareBasisPoints: 10000, condition: null }],
    lines: [{ key: 'benefit.percentage', params: { basisPoints: 3000, of: '100000000' } }],
    refusal: null,
  },
  refusal: null,
  amount: '30000000',
  createdAt: '2026-03-02T09:30:00.000Z',
};

export const applicationSchema = z
  .object({
    id: idSchema,
    number: z.string().meta({ description: 'The short number people quote', example: 'HZ-2026-000123' }),
    programId: idSchema,
    programVersion: z.number().int(),
    status: z.enum(applicationStatuses),
    applicant: z.object({
      type: z.enum(applicantTypes),
      id: idSchema,
      name: bilingualNameSchema.nullable().meta({ description: 'In lists; null where the caller already knows who applied' }),
    }),
    answers: z.record(z.string(), z.unknown()),
    screening: z.object({ eligible: z.boolean(), results: z.array(criterionResultSchema) }),
    benefit: benefitExplanationSchema.nullable(),
    refusal: z.string().nullable(),
    amount: fenBalance('Awarded, when decided').nullable(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'Application', examples: [applicationExample] });
export type Application = z.infer<typeof applicationSchema>;

export const applicationListItemSchema = applicationSchema
  .extend({
    awaitingSecondApproval: z.boolean().meta({
      description:
        'Approved by one officer above the program’s two-person threshold and waiting for a second officer: `status` is still `approved`, but nothing is awarded yet',
    }),
  })
  .meta({ id: 'ApplicationListItem', description: 'An application in a list', examples: [{ ...applicationExample, awaitingSecondApproval: false }] });
export type ApplicationListItem = z.infer<typeof applicationListItemSchema>;

export const applicationDetailSchema = applicationSchema
  .extend({ allowedActions: allowedActionsSchema(applicationActions) })
  .meta({ id: 'ApplicationDetail', description: 'One application with what the caller may do with it now' });
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;
