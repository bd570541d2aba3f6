import { z } from 'zod';
import { allowedActionsSchema, awardActions, trancheActions } from './allowed-actions.js';
import { fenBalance, fenValue } from './money.js';
import { amountSchema } from './budget.js';
import { idSchema, timestampSchema } from './common.js';
import { attachedFileSchema, attachmentIdsSchema } from './files.js';
import { trancheConditionSchema } from './programs.js';
import { isoDate } from './dates.js';

/**
 * Reviewed programs: the application workflow, reviewers and their scores, decisions,
 * awards with tranches, milestone reports and claw-backs. Money is a decimal string of fen.
 */

export const applicationStatuses = [
  'draft',
  'submitted',
  'screening',
  'in_review',
  'approved',
  'rejected',
  'returned',
  'awarded',
  'in_payment',
  'closed',
  'withdrawn',
  'appealed',
  'refused',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const workflowEvents = [
  'submit',
  'refuse',
  'screen',
  'assign',
  'approve',
  'reject',
  'return',
  'award',
  'second_approve',
  'second_reject',
  'resubmit',
  'withdraw',
  'appeal',
  'pay',
  'close',
  'claw_back',
  'reopen',
  'revoke',
] as const;
export type WorkflowEvent = (typeof workflowEvents)[number];

/**
 * What an award's history records beside status changes (issue 19): a decided breach
 * puts a recovery due and holds the tranches still waiting; an overturned appeal cancels
 * it; repayments and write-offs settle it. The status stays as it was.
 */
export const awardHistoryEvents = ['recovery_due', 'recovery_cancelled', 'repaid', 'written_off'] as const;
export type AwardHistoryEvent = (typeof awardHistoryEvents)[number];
export const historyEvents = [...workflowEvents, ...awardHistoryEvents] as const;
export type HistoryEvent = (typeof historyEvents)[number];

const reason = z.string().trim().min(1).max(2000);
const name = z.object({ zh: z.string(), en: z.string() });

export const reasonInputSchema = z.strictObject({ reason }).meta({ description: 'Why (kept in the audit log)' });

export const recommendations = ['approve', 'reject', 'return'] as const;

export const reviewInputSchema = z
  .strictObject({
    scores: z.record(z.string(), z.number().int().min(1).max(10)).meta({ description: 'rubric criterion key -> score (1..scale)' }),
    comment: z.string().trim().max(4000).default(''),
    recommendation: z.enum(recommendations),
  })
  .meta({ description: 'A reviewer’s scores, comment and recommendation' });

export const decisionInputSchema = z
  .strictObject({ outcome: z.enum(['approve', 'reject', 'return']), reason })
  .meta({ description: 'An officer’s decision; on an approved application awaiting a second approver, approve or reject is the second decision' });

export const resubmitInputSchema = z
  .strictObject({ answers: z.record(z.string(), z.union([z.string().max(4000), z.number(), z.boolean()])), reason: z.string().trim().max(2000).default('') })
  .meta({ description: 'Changed answers of a returned application' });

export const draftAnswersInputSchema = z
  .strictObject({ answers: z.record(z.string(), z.union([z.string().max(4000), z.number(), z.boolean()])) })
  .meta({ description: 'A draft’s answers so far (each checked for its type; missing ones are fine)' });

export const clawBackInputSchema = z.strictObject({ amount: amountSchema, reason }).meta({ description: 'Money taken back on breach; no more than was paid' });

export const milestoneReportInputSchema = z
  .strictObject({
    text: z.string().trim().min(1).max(10_000),
    kpis: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.number().finite()).default({}),
    attachments: attachmentIdsSchema,
  })
  .meta({ description: 'What the awardee reports for a milestone, with the files that back it' });

export const milestoneReviewInputSchema = z.strictObject({ outcome: z.enum(['accept', 'return']), note: z.string().trim().max(2000).default('') });

export const socialInsuranceInputSchema = z
  .strictObject({ months: z.number().int().min(0).max(600), asOf: isoDate(), source: z.string().trim().min(1).max(500) })
  .meta({ description: 'Months of local social insurance, as recorded from a source' });

export const conflictReasonSchema = z
  .object({
    kind: z.enum(['member', 'direct', 'investor', 'alumni', 'declared', 'earlier_round']),
    relation: z.string().nullable(),
    organizationId: idSchema.nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ConflictReason' });
export type ConflictReason = z.infer<typeof conflictReasonSchema>;

export const assignmentSchema = z
  .object({
    reviewerId: idSchema,
    reviewerName: z.string(),
    round: z.number().int(),
    status: z.enum(['assigned', 'submitted', 'conflicted']),
    conflict: conflictReasonSchema.nullable(),
  })
  .meta({ id: 'ReviewAssignment' });
export type Assignment = z.infer<typeof assignmentSchema>;

export const reviewSchema = z
  .object({
    reviewer: z.string().nullable().meta({ description: 'Officers only; applicants never see who reviewed' }),
    round: z.number().int(),
    scores: z.record(z.string(), z.number().int()),
    totalPercent: z.number().meta({ description: 'Weighted score, 0-100' }),
    comment: z.string().nullable(),
    recommendation: z.enum(recommendations).nullable(),
    submittedAt: timestampSchema,
  })
  .meta({ id: 'Review' });

export const reviewBoardSchema = z
  .object({
    status: z.enum(applicationStatuses),
    rubric: z.array(z.object({ key: z.string(), name, weight: z.number().int(), scale: z.number().int() })),
    assignments: z.array(assignmentSchema).meta({ description: 'Officers only' }),
    reviews: z.array(reviewSchema),
    spread: z.array(z.object({ key: z.string(), min: z.number(), max: z.number(), mean: z.number() })).meta({ description: 'Per criterion, plus "total"' }),
    decisions: z.array(z.object({ outcome: z.string(), reason: z.string(), decidedBy: z.string().nullable(), at: z.string() })),
    secondApprovalRequired: z.boolean(),
    approval: z
      .object({
        amount: fenBalance('What approving awards now (priced as the decision would price it)'),
        toSecondApprover: z.boolean().meta({ description: 'Above the two-person threshold: approving passes it to a second officer, nothing is awarded yet' }),
        onNotice: z.boolean().meta({ description: 'The award goes on public notice first: nothing is paid with it' }),
        paidNow: z.array(z.object({ seq: z.number().int(), amount: fenBalance() })).meta({ description: 'The tranches approving pays at once' }),
      })
      .nullable()
      .meta({ description: 'What approving would do, for the officers who may decide now; null otherwise' }),
  })
  .meta({ id: 'ReviewBoard' });
export type ReviewBoard = z.infer<typeof reviewBoardSchema>;

export const answerChangeSchema = z.object({ key: z.string(), before: z.unknown(), after: z.unknown() });

export const reviewItemSchema = z
  .object({
    applicationId: idSchema,
    applicationNumber: z.string().meta({ example: 'HZ-2026-000123' }),
    programId: idSchema,
    programName: name,
    applicantName: name,
    status: z.enum(applicationStatuses),
    round: z.number().int(),
    assignment: z.enum(['assigned', 'submitted']),
    answers: z.record(z.string(), z.unknown()),
    changes: z.array(answerChangeSchema).meta({ description: 'What the applicant changed since the previous version' }),
    rubric: z.array(z.object({ key: z.string(), name, weight: z.number().int(), scale: z.number().int() })),
  })
  .meta({ id: 'ReviewItem' });
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/**
 * The reasons the system itself writes into an application's history (a tranche paid with the
 * award, on a condition met, after the public notice; the award closed once all is settled).
 * The history names them by code so a page says them in its language; people's reasons have none.
 */
export const systemReasonCodes = [
  'paid_with_award',
  'tranches_settled',
  'notice_ended',
  'condition_date',
  'condition_milestone_accepted',
  'condition_social_insurance_months',
  'condition_metered_usage',
] as const;
export type SystemReasonCode = (typeof systemReasonCodes)[number];

export const transitionSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    event: z.enum(historyEvents),
    reason: z.string().nullable(),
    reasonCode: z
      .enum(systemReasonCodes)
      .nullable()
      .meta({ description: 'The reason’s code when the system wrote it (shown in the reader’s language); null: a person’s reason, shown as written' }),
    amount: fenValue('Money the event moved or put due, when it did').nullable(),
    at: z.string(),
  })
  .meta({ id: 'Transition' });

/** `held`: a decided breach stopped it until the appeal is decided or its time has passed. */
export const trancheStatuses = ['waiting', 'held', 'paid', 'cancelled'] as const;

export const awardSchema = z
  .object({
    applicationId: idSchema,
    status: z.enum(applicationStatuses),
    amount: fenBalance('Awarded'),
    paid: fenBalance('Paid so far'),
    clawedBack: fenBalance('Taken back'),
    tranches: z.array(
      z.object({
        seq: z.number().int(),
        amount: fenBalance(),
        condition: trancheConditionSchema.nullable(),
        dueOn: z.string().nullable(),
        status: z.enum(trancheStatuses),
        paidAt: timestampSchema.nullable(),
        allowedActions: allowedActionsSchema(trancheActions),
      }),
    ),
    milestones: z.array(
      z.object({
        key: z.string(),
        name,
        dueOn: z.string(),
        status: z.enum(['due', 'submitted', 'accepted', 'returned']),
        text: z.string().nullable(),
        kpis: z.record(z.string(), z.number()),
        attachments: z.array(attachedFileSchema),
        note: z.string().nullable(),
      }),
    ),
    clawbacks: z.array(z.object({ amount: fenBalance(), reason: z.string(), at: timestampSchema })),
    allowedActions: allowedActionsSchema(awardActions),
  })
  .meta({ id: 'Award' });
export type Award = z.infer<typeof awardSchema>;
