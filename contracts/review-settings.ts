import { z } from 'zod';
import { fenAmount } from './money.js';
import { bilingualNameSchema } from './common.js';

const slug = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lowercase letters, digits, _ and -');

/** One rubric criterion: a score from 1 to `scale`, counted with `weight`. */
export const rubricCriterionSchema = z.strictObject({
  key: slug,
  name: bilingualNameSchema,
  weight: z.number().int().min(1).max(100),
  scale: z.number().int().min(2).max(10),
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

/** A report the awardee owes, due some months after the award. */
export const milestoneSchema = z.strictObject({
  key: slug,
  name: bilingualNameSchema,
  dueAfterMonths: z.number().int().min(0).max(120),
});
export type Milestone = z.infer<typeof milestoneSchema>;

/** The longest public notice (公示) a program may ask for, in working days; the editor's limit too. */
export const NOTICE_WORKING_DAYS_MAX = 30;

/** The rubric of a reviewed program that names none: one overall score out of 5. */
const overallRubric = (): RubricCriterion[] => [{ key: 'overall', name: { zh: '总体', en: 'Overall' }, weight: 1, scale: 5 }];

/**
 * How a program is judged and paid out: reviewers, rubric, conflicts, the two-person rule
 * (reviewed programs), reports and the public notice (any program). Every part has a
 * default, so a rule-only program may carry only what it uses, e.g. `{ noticeWorkingDays: 5 }`.
 */
export const reviewSettingsSchema = z
  .strictObject({
    reviewersPerApplication: z.number().int().min(1).max(10).default(2),
    rubric: z.array(rubricCriterionSchema).min(1).max(20).default(overallRubric).meta({ description: 'Absent: one overall score out of 5' }),
    conflictYears: z.number().int().min(1).max(50).default(5).meta({ description: 'Ties older than this many years are no conflict' }),
    twoPersonThreshold: fenAmount('Awards above it need a second, different approver').nullable().default(null),
    scoresVisibleToApplicant: z.boolean().default(false),
    milestones: z.array(milestoneSchema).max(20).default([]),
    noticeWorkingDays: z
      .number()
      .int()
      .min(0)
      .max(NOTICE_WORKING_DAYS_MAX)
      .default(0)
      .meta({ description: 'Public notice (公示) before payment: working days in the hub’s calendar on the notice board; 0: none' }),
  })
  .superRefine((s, ctx) => {
    const dup = (keys: string[]) => keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup(s.rubric.map((c) => c.key)))
      ctx.addIssue({ code: 'custom', path: ['rubric'], params: { code: 'DUPLICATE' }, message: 'a criterion key appears twice' });
    if (dup(s.milestones.map((m) => m.key)))
      ctx.addIssue({ code: 'custom', path: ['milestones'], params: { code: 'DUPLICATE' }, message: 'a milestone key appears twice' });
  })
  .meta({
    description:
      'Reviewed programs: reviewers per application, rubric, conflicts window, two-person threshold; any program: milestone reports and the public notice period',
  });
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;
export type ReviewSettingsInput = z.input<typeof reviewSettingsSchema>;

/** What a reviewed program without settings uses. */
export const defaultReviewSettings: ReviewSettings = {
  reviewersPerApplication: 2,
  rubric: overallRubric(),
  conflictYears: 5,
  twoPersonThreshold: null,
  scoresVisibleToApplicant: false,
  milestones: [],
  noticeWorkingDays: 0,
};
