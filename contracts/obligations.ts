import { z } from 'zod';
import { amountSchema } from './budget.js';
import { idSchema } from './common.js';
import { attachedFileSchema, attachmentIdsSchema } from './files.js';
import { fenBalance, fenValue } from './money.js';
import { cursorPageOf, cursorQuerySchema } from './pagination.js';
import { isoDate, isoDateTime } from './dates.js';

/**
 * After the money: what an awardee owes the city once paid (obligations in a program
 * version's rules), what the daily check finds (findings), and what a decided breach
 * recovers (recoveries, repayments, write-offs). Money is a decimal string of fen.
 */

const slug = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lowercase letters, digits, _ and -');

export const obligationKinds = ['stay_registered', 'keep_headcount', 'report_outcomes', 'no_related_party', 'no_double_subsidy'] as const;
export type ObligationKind = (typeof obligationKinds)[number];

/** What proves the obligation kept or broken: a fact of the ecosystem graph, a report, or a document. */
export const evidenceKinds = ['graph_fact', 'report', 'document'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** All that was paid; a share of it pro rata to the time left; or a fixed share. */
export const recoveryRules = ['all', 'pro_rata', 'share'] as const;
export type RecoveryRule = (typeof recoveryRules)[number];

export const evidenceOf: Record<ObligationKind, EvidenceKind> = {
  stay_registered: 'graph_fact',
  keep_headcount: 'graph_fact',
  report_outcomes: 'report',
  no_related_party: 'graph_fact',
  no_double_subsidy: 'graph_fact',
};

export const obligationSchema = z
  .strictObject({
    key: slug,
    kind: z.enum(obligationKinds),
    months: z.number().int().min(1).max(120).meta({ description: 'How long the obligation runs' }),
    from: z.enum(['award', 'last_payment']).default('award').meta({ description: 'It starts on the award date or on the last payment' }),
    minHeadcount: z.number().int().min(1).max(1_000_000).nullable().default(null).meta({ description: 'keep_headcount: the least headcount to keep' }),
    supplierField: slug.nullable().default(null).meta({ description: "no_related_party: the form field holding the supplier's USCC" }),
    exclusivePrograms: z
      .array(idSchema)
      .max(20)
      .default([])
      .meta({ description: 'no_double_subsidy: programs whose awards for the same applicant count as a double subsidy' }),
    recovery: z.strictObject({
      rule: z.enum(recoveryRules),
      shareBasisPoints: z.number().int().min(1).max(10_000).nullable().default(null).meta({ description: 'share: 10000 = all of it' }),
    }),
    appealDays: z.number().int().min(0).max(90).default(15).meta({ description: 'Days the firm has to appeal a decided breach' }),
    repayDays: z.number().int().min(1).max(365).default(30).meta({ description: 'Days the firm has to repay' }),
  })
  .superRefine((o, ctx) => {
    const need = (ok: boolean, path: string, message: string) => ok || ctx.addIssue({ code: 'custom', path: [path], params: { code: 'REQUIRED' }, message });
    if (o.kind === 'keep_headcount') need(o.minHeadcount !== null, 'minHeadcount', 'the least headcount is needed');
    if (o.kind === 'no_related_party') need(o.supplierField !== null, 'supplierField', 'the supplier field is needed');
    if (o.kind === 'no_double_subsidy') need(o.exclusivePrograms.length > 0, 'exclusivePrograms', 'name at least one program');
    if (o.recovery.rule === 'share') need(o.recovery.shareBasisPoints !== null, 'recovery', 'the share is needed');
  })
  .meta({ description: 'What an awardee owes after the award, how it is checked and what a breach recovers' });
export type Obligation = z.infer<typeof obligationSchema>;
export type ObligationInput = z.input<typeof obligationSchema>;

export const findingStatuses = ['open', 'breach', 'dismissed', 'appealed', 'upheld', 'overturned'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

export const recoveryStatuses = ['due', 'part_repaid', 'repaid', 'write_off_requested', 'written_off', 'cancelled'] as const;
export type RecoveryStatus = (typeof recoveryStatuses)[number];

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const recoverySchema = z
  .object({
    id: idSchema,
    amountDue: fenBalance('Due'),
    repaid: fenBalance('Repaid so far'),
    writtenOff: fenBalance('Written off'),
    dueOn: isoDate(),
    status: z.enum(recoveryStatuses),
    writeOffRequestedBy: z.string().nullable(),
    payments: z.array(z.object({ amount: fenBalance(), receivedOn: isoDate(), note: z.string() })),
  })
  .meta({ id: 'Recovery' });
export type Recovery = z.infer<typeof recoverySchema>;

export const findingSchema = z
  .object({
    id: idSchema,
    reference: z.string().meta({ description: 'Short number of the finding' }),
    applicationId: idSchema,
    programName: bilingual,
    applicantName: bilingual,
    obligation: z.object({ key: z.string(), kind: z.enum(obligationKinds), startsOn: isoDate(), endsOn: isoDate(), rule: z.enum(recoveryRules) }),
    foundOn: isoDate(),
    evidence: z.object({ kind: z.enum(evidenceKinds), summary: bilingual, detail: z.record(z.string(), z.unknown()) }),
    status: z.enum(findingStatuses),
    decisionReason: z.string().nullable(),
    appealUntil: isoDate().nullable(),
    appealReason: z.string().nullable(),
    recovery: recoverySchema.nullable(),
    actions: z
      .array(z.enum(['decide', 'appeal', 'decide_appeal', 'record_repayment', 'write_off']))
      .meta({ description: 'What the caller may do with it now' }),
  })
  .meta({ id: 'ObligationFinding' });
export type ObligationFinding = z.infer<typeof findingSchema>;

export const findingListQuerySchema = cursorQuerySchema.extend({
  status: z.enum(findingStatuses).optional(),
  applicationId: idSchema.optional(),
});

export const decideFindingInputSchema = z.strictObject({
  decision: z.enum(['breach', 'dismiss']),
  reason: z.string().trim().min(1).max(2000),
  breachOn: isoDate().optional().meta({ description: 'When the breach happened (defaults to when it was found); pro rata counts the time left from here' }),
});
export type DecideFindingInput = z.infer<typeof decideFindingInputSchema>;

export const appealFindingInputSchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

export const recordRepaymentInputSchema = z.strictObject({
  amount: amountSchema,
  receivedOn: isoDate(),
  note: z.string().trim().max(500).default(''),
});
export type RecordRepaymentInput = z.infer<typeof recordRepaymentInputSchema>;

export const writeOffInputSchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

export const findingListSchema = cursorPageOf(findingSchema);

/** Outcome reports an awardee owes under a report_outcomes obligation: one a year while it runs. */
export const outcomeReportStatuses = ['upcoming', 'due', 'overdue', 'submitted'] as const;
export type OutcomeReportStatus = (typeof outcomeReportStatuses)[number];

export const outcomeFiguresSchema = z
  .strictObject({
    headcount: z.number().int().min(0).max(1_000_000).optional().meta({ description: 'People employed on the report date' }),
    revenue: fenValue('Revenue over the last twelve months').optional(),
    fundingRaised: fenValue('Outside funding raised over the last twelve months').optional(),
  })
  .meta({ id: 'OutcomeFigures', description: 'Dated figures the report gives; they feed the outcome studies' });
export type OutcomeFigures = z.infer<typeof outcomeFiguresSchema>;

export const outcomeReportSchema = z
  .object({
    obligationKey: z.string(),
    dueOn: isoDate(),
    status: z.enum(outcomeReportStatuses).meta({ description: 'upcoming (more than two weeks away), due, overdue, or submitted' }),
    text: z.string().nullable(),
    figures: outcomeFiguresSchema.nullable(),
    attachments: z.array(attachedFileSchema),
    submittedAt: isoDateTime({ offset: true }).nullable(),
    canSubmit: z.boolean().meta({ description: 'The caller may submit this report now' }),
  })
  .meta({ id: 'OutcomeReport' });
export type OutcomeReport = z.infer<typeof outcomeReportSchema>;

export const outcomeReportListSchema = cursorPageOf(outcomeReportSchema);

export const submitOutcomeReportInputSchema = z.strictObject({
  text: z.string().trim().min(1).max(5000).meta({ description: 'What the award achieved since the last report' }),
  figures: outcomeFiguresSchema.default({}),
  attachments: attachmentIdsSchema,
});
export type SubmitOutcomeReportInput = z.infer<typeof submitOutcomeReportInputSchema>;
