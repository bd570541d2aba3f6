import type { TrancheCondition } from '../../../contracts/programs.js';
import type { SystemReasonCode } from '../../../contracts/reviews.js';

/**
 * The reasons the system writes into an application's history, each stored as this fixed
 * text (the audit log's and older rows' wording) and named by its code when the history is
 * read (`systemReasonCode`), so the page says it in the reader's language. A person's own
 * reason is no code and is shown as typed.
 */
const texts: Record<SystemReasonCode, string> = {
  paid_with_award: 'paid with the award',
  tranches_settled: 'all tranches settled',
  notice_ended: 'public notice ended',
  condition_date: 'condition met: date',
  condition_milestone_accepted: 'condition met: milestone_accepted',
  condition_social_insurance_months: 'condition met: social_insurance_months',
  condition_metered_usage: 'condition met: metered_usage',
};

const codes = new Map(Object.entries(texts).map(([code, text]) => [text, code as SystemReasonCode]));

/** The text the system stores for one of its reasons. */
export const systemReason = (code: SystemReasonCode): string => texts[code];

/** Why the system paid a tranche: its condition met, or (no condition) the public notice ended. */
export const tranchePaidReason = (condition: TrancheCondition | null): string => systemReason(condition ? `condition_${condition.kind}` : 'notice_ended');

/** A stored reason's code when the system wrote it; null for a person's reason. */
export const systemReasonCode = (reason: string | null): SystemReasonCode | null => (reason === null ? null : (codes.get(reason) ?? null));
