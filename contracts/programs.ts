import { z } from 'zod';
import { amountSchema } from './budget.js';
import { fenAmount, fenValue } from './money.js';
import { bilingualNameSchema } from './common.js';
import { sectors } from './organizations.js';
import { talentTiers } from './people.js';
import { reviewSettingsSchema } from './review-settings.js';
import { obligationSchema } from './obligations.js';
import { isoDate } from './dates.js';

/**
 * Programs: the catalog's rules as data. Money is a decimal string of fen here (JSON);
 * the engines in server/modules/programs turn it into bigint once, at the edge.
 */

export const programKinds = ['subsidy', 'tax_relief', 'talent_allowance', 'housing_supplement', 'compute_voucher', 'rent_subsidy'] as const;
export type ProgramKind = (typeof programKinds)[number];

export const applicantTypes = ['organization', 'person'] as const;
export type ApplicantType = (typeof applicantTypes)[number];

/** rule_only decides instantly (Qinqing Online's "zero approvals"); reviewed waits for reviewers. */
export const programModes = ['rule_only', 'reviewed'] as const;
export type ProgramMode = (typeof programModes)[number];

/** Highest degree, lowest first: the order is what `degreeRank()` in criteria returns. */
export const degrees = ['none', 'junior_college', 'bachelor', 'master', 'doctorate'] as const;
export type Degree = (typeof degrees)[number];

export const PROGRAM_LIMITS = {
  expressionMax: 2000,
  criteriaMax: 30,
  formFieldsMax: 40,
  choiceOptionsMax: 50,
  tranchesMax: 12,
  tableRowsMax: 20,
  fileBytesMax: 50 * 1024 * 1024,
} as const;

/** 10_000 basis points = 100%. */
export const basisPointsSchema = z.number().int().min(1).max(10_000).meta({ description: '10000 = 100%' });

// Words CEL reserves: a form key becomes `form.<key>` in an expression, so it may not be one.
const celReserved = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

/** A form field key is read in CEL as `form.<key>`: a CEL identifier, lower camel or snake case. */
export const fieldKeySchema = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'letters, digits and _; starts with a lowercase letter')
  .refine((k) => !celReserved.has(k), { params: { code: 'INVALID' }, message: 'a reserved word' });

/** Criterion and option keys: stable slugs (translations and versions refer to them). */
export const slugSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lowercase letters, digits, _ and -');

const textSchema = z.object({ zh: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) });

export const criterionSchema = z
  .strictObject({
    key: slugSchema,
    name: bilingualNameSchema,
    expression: z.string().trim().min(1).max(PROGRAM_LIMITS.expressionMax).meta({ description: 'CEL, must yield bool; see docs/criteria.md' }),
    reason: textSchema.meta({ description: 'Shown to the applicant when the criterion fails' }),
  })
  .meta({ description: 'One CEL rule with its reason' });
export type Criterion = z.infer<typeof criterionSchema>;

const fieldBase = { key: fieldKeySchema, label: bilingualNameSchema, required: z.boolean().default(true) };

export const formFieldSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ ...fieldBase, type: z.literal('text'), maxLength: z.number().int().min(1).max(10_000).default(500) }),
    z.strictObject({ ...fieldBase, type: z.literal('number'), max: z.number().finite().nullable().default(null) }),
    z.strictObject({ ...fieldBase, type: z.literal('money'), max: fenAmount('A claim above it is a 400').nullable().default(null) }),
    z.strictObject({ ...fieldBase, type: z.literal('date') }),
    z.strictObject({
      ...fieldBase,
      type: z.literal('choice'),
      options: z
        .array(z.strictObject({ value: slugSchema, label: bilingualNameSchema }))
        .min(1)
        .max(PROGRAM_LIMITS.choiceOptionsMax),
    }),
    z.strictObject({
      ...fieldBase,
      type: z.literal('file'),
      accept: z
        .array(z.string().regex(/^[a-z]+\/[a-z0-9.+*-]+$/, 'a MIME type'))
        .min(1)
        .max(10),
      maxBytes: z.number().int().min(1).max(PROGRAM_LIMITS.fileBytesMax),
    }),
  ])
  .meta({ description: 'One field of the application form' });
export type FormField = z.infer<typeof formFieldSchema>;
export type FormFieldType = FormField['type'];

/**
 * When a conditional tranche is paid: some months after the award (a date), once a
 * milestone report is accepted, once months of local social insurance are recorded, or
 * (compute vouchers) share by share as the provider's metered usage comes in.
 */
export const trancheConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('social_insurance_months'), months: z.number().int().min(1).max(120) }),
  z.strictObject({ kind: z.literal('date'), monthsAfterAward: z.number().int().min(1).max(120) }),
  z.strictObject({ kind: z.literal('milestone_accepted'), milestone: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/) }),
  // A compute voucher's money: paid by the compute module as usage is metered, never by the award job.
  z.strictObject({ kind: z.literal('metered_usage') }),
]);
export type TrancheCondition = z.infer<typeof trancheConditionSchema>;

export const trancheSchema = z.strictObject({
  shareBasisPoints: basisPointsSchema,
  condition: trancheConditionSchema.nullable().meta({ description: 'null: paid with the award' }),
});

/**
 * Stacking on one claim (e.g. one compute contract). Awards of programs in the same group
 * may together pay at most maxCombinedBasisPoints of the claimed amount; an award on the
 * claim from outside the group, or from this same program, blocks the claim ("never two
 * subsidies for one claim"). A formula without stacking never shares a claim.
 */
export const stackingSchema = z.strictObject({ group: slugSchema, maxCombinedBasisPoints: basisPointsSchema });

const formulaCommon = {
  tranches: z
    .array(trancheSchema)
    .min(1)
    .max(PROGRAM_LIMITS.tranchesMax)
    .default([{ shareBasisPoints: 10_000, condition: null }]),
  coFunding: z
    .strictObject({ cityBasisPoints: basisPointsSchema })
    .nullable()
    .default(null)
    .meta({ description: 'e.g. 7000: the city pays 70%, the employer 30%' }),
  caps: z.strictObject({ perApplicantPerYear: amountSchema.nullable() }).default({ perApplicantPerYear: null }),
  stacking: stackingSchema.nullable().default(null),
};

/** A share of rent for one lease year: 10000 = all of it, 0 = none. */
const yearShareSchema = z.strictObject({ basisPoints: z.number().int().min(0).max(10_000).meta({ description: '10000 = 100% of the rent' }) });

/**
 * Rent subsidy (program kind rent_subsidy): not paid on an application but on a lease. It
 * turns the lease's rent steps into subsidy steps: a share per lease year, capped per m²
 * per month and on the area, the area limited per person (Dream Town: 10 m² a head), and
 * more years when an extension criterion (CEL over the organisation's facts) holds within
 * some months of the lease's start (Dream Town: raised CNY 5 m within a year).
 */
const rentFormulaFields = {
  years: z.array(yearShareSchema).min(1).max(10).meta({ description: 'subsidy share of the rent in lease year 1, 2, ...' }),
  capPerSquareMetreMonth: fenAmount('Per m² per month the subsidy never exceeds').nullable().default(null),
  capArea: z.number().positive().max(1_000_000).nullable().default(null).meta({ description: 'm² subsidised at most' }),
  areaPerPerson: z.number().positive().max(1_000).nullable().default(null).meta({ description: 'm² subsidised per person on staff' }),
  extension: z
    .strictObject({
      years: z.array(yearShareSchema).min(1).max(10),
      withinMonths: z.number().int().min(1).max(60),
      criterion: criterionSchema,
    })
    .nullable()
    .default(null)
    .meta({ description: 'more subsidised years once the criterion holds within withinMonths of the lease start' }),
};

export const benefitFormulaSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ ...formulaCommon, type: z.literal('fixed'), amount: amountSchema }),
    z.strictObject({
      ...formulaCommon,
      type: z.literal('percentage'),
      of: fieldKeySchema.meta({ description: 'a money field of the form: the claimed amount' }),
      basisPoints: basisPointsSchema,
      byChoice: z
        .strictObject({
          field: fieldKeySchema,
          rates: z
            .array(z.strictObject({ option: slugSchema, basisPoints: basisPointsSchema }))
            .min(1)
            .max(20),
        })
        .nullable()
        .default(null)
        .meta({ description: 'Rate by a choice answer (e.g. domestic chips 30%); basisPoints when no row matches' }),
      smallClaim: z
        .strictObject({ atMost: amountSchema, basisPoints: basisPointsSchema })
        .nullable()
        .default(null)
        .meta({ description: 'Claims up to atMost get this rate instead (Hangzhou 2025: <= CNY 0.5 m, 50%)' }),
      cap: fenAmount('Per claim').nullable().default(null),
    }),
    z.strictObject({
      ...formulaCommon,
      type: z.literal('rent'),
      ...rentFormulaFields,
    }),
    z.strictObject({
      ...formulaCommon,
      type: z.literal('table'),
      by: z.enum(['talentTier', 'degree']),
      rows: z
        .array(z.strictObject({ key: z.string().min(1).max(40), amount: amountSchema }))
        .min(1)
        .max(PROGRAM_LIMITS.tableRowsMax),
    }),
  ])
  .superRefine((f, ctx) => {
    const total = f.tranches.reduce((s, t) => s + t.shareBasisPoints, 0);
    if (total !== 10_000) ctx.addIssue({ code: 'custom', path: ['tranches'], params: { code: 'INVALID' }, message: `shares sum to ${total}, not 10000` });
    if (f.stacking && f.type !== 'percentage')
      ctx.addIssue({ code: 'custom', path: ['stacking'], params: { code: 'INVALID' }, message: 'stacking needs a claimed amount: percentage formulas only' });
    if (f.type === 'table') {
      const allowed: readonly string[] = f.by === 'talentTier' ? talentTiers : degrees;
      f.rows.forEach((r, i) => {
        if (!allowed.includes(r.key))
          ctx.addIssue({ code: 'custom', path: ['rows', i, 'key'], params: { code: 'INVALID' }, message: `one of ${allowed.join(', ')}` });
      });
      if (new Set(f.rows.map((r) => r.key)).size !== f.rows.length)
        ctx.addIssue({ code: 'custom', path: ['rows'], params: { code: 'DUPLICATE' }, message: 'a key appears twice' });
    }
  })
  .meta({ description: 'How much an approved applicant gets' });
export type BenefitFormulaJson = z.infer<typeof benefitFormulaSchema>;
export type BenefitFormulaInput = z.input<typeof benefitFormulaSchema>;

/** Everything that decides who qualifies and for how much; checked across its parts. */
export const programRulesSchema = z
  .strictObject({
    applicantType: z.enum(applicantTypes),
    mode: z.enum(programModes),
    form: z.array(formFieldSchema).max(PROGRAM_LIMITS.formFieldsMax),
    criteria: z.array(criterionSchema).max(PROGRAM_LIMITS.criteriaMax),
    benefit: benefitFormulaSchema,
    review: reviewSettingsSchema.nullable().default(null).meta({
      description:
        'Reviewed programs: how they are judged (defaults when null). Rule-only programs use only milestones and noticeWorkingDays, e.g. { "noticeWorkingDays": 5 }',
    }),
    obligations: z.array(obligationSchema).max(10).default([]).meta({ description: 'What awardees owe after the award, checked daily' }),
  })
  .superRefine((p, ctx) => {
    const milestones = p.review?.milestones.map((m) => m.key) ?? [];
    p.benefit.tranches.forEach((t, i) => {
      if (t.condition?.kind === 'milestone_accepted' && !milestones.includes(t.condition.milestone))
        ctx.addIssue({
          code: 'custom',
          path: ['benefit', 'tranches', i, 'condition', 'milestone'],
          params: { code: 'INVALID' },
          message: 'not a milestone of review.milestones',
        });
    });
    const dup = (keys: string[]) => keys.find((k, i) => keys.indexOf(k) !== i);
    const dupField = dup(p.form.map((f) => f.key));
    if (dupField) ctx.addIssue({ code: 'custom', path: ['form'], params: { code: 'DUPLICATE' }, message: `field ${dupField} twice` });
    const dupObligation = dup(p.obligations.map((o) => o.key));
    if (dupObligation) ctx.addIssue({ code: 'custom', path: ['obligations'], params: { code: 'DUPLICATE' }, message: `obligation ${dupObligation} twice` });
    p.obligations.forEach((o, i) => {
      if (o.supplierField !== null && p.form.find((f) => f.key === o.supplierField)?.type !== 'text')
        ctx.addIssue({ code: 'custom', path: ['obligations', i, 'supplierField'], params: { code: 'INVALID' }, message: 'not a text field of the form' });
    });
    const dupCriterion = dup(p.criteria.map((c) => c.key));
    if (dupCriterion) ctx.addIssue({ code: 'custom', path: ['criteria'], params: { code: 'DUPLICATE' }, message: `criterion ${dupCriterion} twice` });
    const b = p.benefit;
    if (b.type === 'percentage') {
      const of = p.form.find((f) => f.key === b.of);
      if (of?.type !== 'money')
        ctx.addIssue({ code: 'custom', path: ['benefit', 'of'], params: { code: 'INVALID' }, message: 'not a money field of the form' });
      if (b.byChoice) {
        const field = p.form.find((f) => f.key === b.byChoice?.field);
        const options = field?.type === 'choice' ? field.options.map((o) => o.value) : null;
        if (!options)
          ctx.addIssue({ code: 'custom', path: ['benefit', 'byChoice', 'field'], params: { code: 'INVALID' }, message: 'not a choice field of the form' });
        else if (b.byChoice.rates.some((r) => !options.includes(r.option)))
          ctx.addIssue({ code: 'custom', path: ['benefit', 'byChoice', 'rates'], params: { code: 'INVALID' }, message: 'an option the field does not offer' });
      }
    }
    if (b.type === 'rent' && p.applicantType !== 'organization')
      ctx.addIssue({ code: 'custom', path: ['benefit', 'type'], params: { code: 'INVALID' }, message: 'rent is leased by organisations' });
    if (b.type === 'table' && b.by === 'talentTier' && p.applicantType !== 'person')
      ctx.addIssue({ code: 'custom', path: ['benefit', 'by'], params: { code: 'INVALID' }, message: 'talent tiers belong to people' });
    if (b.type === 'table' && b.by === 'degree' && p.applicantType !== 'person')
      ctx.addIssue({ code: 'custom', path: ['benefit', 'by'], params: { code: 'INVALID' }, message: 'degrees belong to people' });
  })
  .meta({ description: 'Who qualifies and for how much' });
export type ProgramRules = z.infer<typeof programRulesSchema>;
export type ProgramRulesInput = z.input<typeof programRulesSchema>;

/** A program as an officer drafts it: the rules plus what the catalog shows. */
export const programInputSchema = z
  .strictObject({
    name: bilingualNameSchema,
    description: z.object({ zh: z.string().trim().max(4000), en: z.string().trim().max(4000) }),
    kind: z.enum(programKinds),
    sectors: z.array(z.enum(sectors)).max(10).default([]),
    window: z
      .strictObject({ opensOn: isoDate(), closesOn: isoDate() })
      .refine((w) => w.opensOn <= w.closesOn, { path: ['closesOn'], params: { code: 'INVALID' }, message: 'before opensOn' }),
    budgetLine: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,39}$/)
      .meta({ description: 'budget line code of the fiscal year' }),
    rules: programRulesSchema,
  })
  .meta({ description: 'A program as an officer drafts it' });
export type ProgramInput = z.input<typeof programInputSchema>;

/** Where a criterion went wrong, for the 400 of createProgram / validateCriteria. */
export const criterionErrorSchema = z
  .object({
    criterion: z.string(),
    code: z.string().meta({ description: 'e.g. unexpected_token, unknown_variable, no_such_key, no_such_overload, not_bool' }),
    position: z
      .object({ offset: z.number().int(), line: z.number().int(), column: z.number().int() })
      .nullable()
      .meta({ description: '1-based line and column' }),
    message: z.string(),
  })
  .meta({ id: 'CriterionError' });
export type CriterionError = z.infer<typeof criterionErrorSchema>;

export const criterionResultSchema = z
  .object({
    key: z.string(),
    name: z.object({ zh: z.string(), en: z.string() }),
    passed: z.boolean(),
    reason: z.object({ zh: z.string(), en: z.string() }).nullable().meta({ description: 'Present when it failed' }),
    error: z.string().nullable().meta({ description: 'An evaluation error (the criterion then counts as failed)' }),
  })
  .meta({ id: 'CriterionResult' });
export type CriterionResult = z.infer<typeof criterionResultSchema>;

export const benefitRefusals = ['CAP_REACHED', 'STACKING_LIMIT', 'DUPLICATE_CLAIM', 'NO_TABLE_ROW', 'NOTHING_CLAIMED'] as const;
export type BenefitRefusal = (typeof benefitRefusals)[number];

const fen = fenValue();

/** computeBenefit's answer in JSON; `lines` are i18n keys with params for the explanation. */
export const benefitExplanationSchema = z
  .object({
    amount: fen,
    cityShare: fen,
    employerShare: fen,
    tranches: z.array(z.object({ amount: fen, shareBasisPoints: z.number().int(), condition: trancheConditionSchema.nullable() })),
    lines: z.array(z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })),
    refusal: z.enum(benefitRefusals).nullable(),
  })
  .meta({ id: 'BenefitExplanation' });
export type BenefitExplanation = z.infer<typeof benefitExplanationSchema>;
