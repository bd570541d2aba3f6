import { z } from 'zod';

/** What outcome studies measure, from organisations' dated facts and awardees' outcome reports. */
export const outcomeMetrics = ['headcount', 'revenue', 'fundingRaised'] as const;
export type OutcomeMetric = (typeof outcomeMetrics)[number];
export const outcomeHorizons = [12, 24, 36] as const;
/** Fewer firms than this on either side and no estimate is published. */
export const OUTCOME_MIN_GROUP = 5;
/**
 * A rule-only applicant joins the comparison group as a narrow miss when the rules refused
 * it on one criterion only, a numeric comparison (headcount >= 10, revenue >= 5,000,000
 * yuan ...), missed by at most this share of the threshold: 9 people against "at least
 * 10" is a miss of 10%, in; 7 is 30%, out.
 */
export const NARROW_MISS_MAX_RELATIVE = 0.2;

export const outcomeWithheldReasons = ['TOO_FEW_AWARDEES', 'TOO_FEW_COMPARISONS'] as const;

const figure = (what: string) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .nullable()
    .meta({ description: `${what}: people (one decimal) for headcount, whole fen for revenue and funding raised; null when withheld` });

export const outcomeEstimateSchema = z.object({
  metric: z.enum(outcomeMetrics),
  horizonMonths: z.number().int().meta({ description: 'Months after the application the "after" figure is taken' }),
  unit: z.enum(['people', 'fen']),
  awardees: z.number().int().meta({ description: 'Funded firms with a figure before and after' }),
  comparisons: z.number().int().meta({ description: 'Turned-down applicants with a figure before and after' }),
  awardeeChange: figure('Mean change of the awardees'),
  comparisonChange: figure('Mean change of the comparison group'),
  estimate: figure('Difference in differences: awardees’ mean change minus the comparison group’s'),
  low: figure('95% confidence interval, low end (normal approximation, Welch standard error)'),
  high: figure('95% confidence interval, high end'),
  withheld: z.enum(outcomeWithheldReasons).nullable().meta({ description: 'Why no estimate is published' }),
});
export type OutcomeEstimate = z.infer<typeof outcomeEstimateSchema>;

export const programOutcomesSchema = z
  .object({
    program: z.uuid(),
    awardees: z.number().int().meta({ description: 'Organisations the program funded' }),
    comparisons: z.number().int().meta({ description: 'Organisations in the comparison group: rejected at review, or refused by the rules as a narrow miss' }),
    comparisonGroups: z
      .object({
        rejectedAtReview: z.number().int().meta({ description: 'Reached review and were rejected' }),
        narrowMisses: z.number().int().meta({ description: 'Rule-only applicants that failed one numeric criterion narrowly, all others passed' }),
      })
      .meta({ description: 'The comparison group’s two parts (an organisation in both counts once, as rejected at review)' }),
    narrowMissMaxRelative: z.number().meta({ description: 'A narrow miss falls short of its threshold by at most this share of it (0.2 = 20%)' }),
    minimumGroup: z.number().int(),
    estimates: z.array(outcomeEstimateSchema),
  })
  .meta({ id: 'ProgramOutcomes' });
export type ProgramOutcomes = z.infer<typeof programOutcomesSchema>;
