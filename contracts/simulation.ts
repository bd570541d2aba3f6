import { z } from 'zod';
import { bilingualNameSchema } from './common.js';
import { fenValue, fenBalance } from './money.js';
import { applicantTypes, programRulesSchema } from './programs.js';

/** What an officer asks: "what if this program's rules were these?" Nothing is written. */
export const simulationInputSchema = z
  .strictObject({
    rules: programRulesSchema.meta({ description: 'The draft rules to try: criteria (CEL) and benefit formula' }),
    assumedAnswers: z
      .record(z.string().max(40), z.union([z.string().max(200), z.number()]))
      .default({})
      .meta({ description: 'Form answers assumed for every applicant (e.g. the claimed amount of a percentage benefit); checked against the draft form' }),
    takeUpBasisPoints: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .default(10_000)
      .meta({ description: 'The share of those who qualify expected to apply (10000 = all)' }),
  })
  .meta({ description: 'Draft rules to try, with assumed answers and a take-up rate' });
export type SimulationInput = z.input<typeof simulationInputSchema>;

/** Breakdowns: organisation programs by sector, size and district (a code of the hub's list), person programs by talent tier and degree. */
export const simulationGroupings = ['sector', 'size', 'district', 'talentTier', 'degree'] as const;

const tallySchema = z.object({
  qualify: z.number().int().meta({ description: 'Applicants who pass every criterion decidable before applying' }),
  cost: fenValue('What the budget line would pay if every one of them applied (the city’s share)'),
});

const changeSchema = z.object({
  count: z.number().int(),
  sample: z.array(z.object({ id: z.uuid(), name: bilingualNameSchema })).meta({ description: 'Up to 20 of them, by name' }),
});

export const simulationSchema = z
  .object({
    program: z.uuid(),
    version: z.number().int().meta({ description: 'The current version the draft is compared with' }),
    applicantType: z.enum(applicantTypes),
    evaluated: z.number().int().meta({ description: 'Organisations (or people with an account) of the hub evaluated' }),
    draft: tallySchema,
    current: tallySchema,
    takeUpBasisPoints: z.number().int(),
    expectedCost: fenValue('The draft’s cost under the take-up rate'),
    budgetLeft: fenBalance('Still free on the program’s budget line').nullable(),
    shareOfBudgetLeftBasisPoints: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'expectedCost as a share of budgetLeft (10000 = all of it; may exceed 10000); null when nothing is left' }),
    amounts: z
      .object({ min: fenValue(), median: fenValue(), max: fenValue() })
      .nullable()
      .meta({ description: 'The distribution of one award under the draft; null when nobody qualifies' }),
    breakdowns: z.array(
      z.object({
        by: z.enum(simulationGroupings),
        rows: z.array(z.object({ key: z.string(), qualify: z.number().int(), cost: fenValue() })),
      }),
    ),
    gained: changeSchema.meta({ description: 'Qualify under the draft, not under the current version' }),
    lost: changeSchema.meta({ description: 'Qualify under the current version, not under the draft' }),
    atApplication: z.array(z.string()).meta({ description: 'Keys of criteria that read the form: decided only when someone applies, so left out' }),
  })
  .meta({ id: 'Simulation' });
export type Simulation = z.infer<typeof simulationSchema>;
