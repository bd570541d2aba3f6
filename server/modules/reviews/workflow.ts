import type { ApplicationStatus, WorkflowEvent } from '../../../contracts/reviews.js';

/**
 * The reviewed application's workflow, as one pure table (no I/O): which event moves an
 * application from which state to which, and who may fire it. Services ask `nextState`
 * and then apply the answer with a conditional UPDATE ... WHERE status = <from>, so two
 * concurrent deciders cannot both win. The model test drives this table against the
 * real services.
 *
 *   draft -> submitted -> screening -> in_review -> approved | rejected | returned
 *   draft -> refused (the rules refuse it when it is submitted)
 *   approved -> awarded -> in_payment -> closed
 *   returned -> submitted (resubmitted, answers kept as versions)
 *   rejected -> appealed -> in_review (a different reviewer set)
 *   awarded -> in_review (reopen: an objection to the public notice upheld before payment)
 *   approved -> rejected (revoke: the same for a rule-only award, which has no review to reopen)
 *   draft | submitted | screening | in_review | returned | appealed -> withdrawn
 *
 * `refused` (failed the rules at submission), `withdrawn` and `closed` are terminal
 * (a closed award can still be clawed back, and stays closed);
 * `rejected` is terminal unless appealed; only a reviewed program's is (the routes check the
 * program, as `applicationActions` does): a rule-only application is rejected only when its
 * award is revoked, and stays so. A rule-only program approves at once and its
 * award then moves on with the money events (pay, close, claw_back) like a reviewed one.
 */

/** Who fires an event: the applicant, a program officer, finance, or the system (jobs, rules). */
export type ActorKind = 'applicant' | 'officer' | 'finance' | 'system';

type Edge = { from: readonly ApplicationStatus[]; to: ApplicationStatus; by: readonly ActorKind[] };

export const transitions: Record<WorkflowEvent, Edge> = {
  submit: { from: ['draft'], to: 'submitted', by: ['applicant'] },
  // A draft that fails the program's rules when submitted is refused by them, with reasons.
  refuse: { from: ['draft'], to: 'refused', by: ['system'] },
  screen: { from: ['submitted'], to: 'screening', by: ['officer'] },
  assign: { from: ['screening', 'appealed'], to: 'in_review', by: ['officer'] },
  approve: { from: ['in_review'], to: 'approved', by: ['officer'] },
  reject: { from: ['screening', 'in_review'], to: 'rejected', by: ['officer'] },
  return: { from: ['screening', 'in_review'], to: 'returned', by: ['officer'] },
  // Below the program's two-person threshold the system awards at once; above it a
  // second officer does (second_approve) or refuses (second_reject).
  award: { from: ['approved'], to: 'awarded', by: ['system'] },
  second_approve: { from: ['approved'], to: 'awarded', by: ['officer'] },
  second_reject: { from: ['approved'], to: 'rejected', by: ['officer'] },
  resubmit: { from: ['returned'], to: 'submitted', by: ['applicant'] },
  withdraw: { from: ['draft', 'submitted', 'screening', 'in_review', 'returned', 'appealed'], to: 'withdrawn', by: ['applicant'] },
  appeal: { from: ['rejected'], to: 'appealed', by: ['applicant'] },
  // Money events also start from a rule-only approval (approved at once, never reviewed).
  pay: { from: ['approved', 'awarded', 'in_payment'], to: 'in_payment', by: ['finance', 'system'] },
  close: { from: ['approved', 'awarded', 'in_payment'], to: 'closed', by: ['finance', 'system'] },
  // A breach found after the last payment is still recovered: closed awards too (issue 19).
  claw_back: { from: ['approved', 'awarded', 'in_payment', 'closed'], to: 'closed', by: ['finance'] },
  // An objection to the public notice upheld: the award (not yet paid) is undone and decided again.
  reopen: { from: ['awarded'], to: 'in_review', by: ['officer'] },
  // The same for a rule-only award (approved at once, never reviewed): undone, and the application rejected.
  revoke: { from: ['approved'], to: 'rejected', by: ['officer'] },
};

export const terminalStates: readonly ApplicationStatus[] = ['refused', 'withdrawn', 'closed'];

/** The facts a guard needs besides the state. */
export type TransitionContext = {
  actorId: string | null;
  /** The actor submitted the application or belongs to the applicant organisation. */
  ownApplication: boolean;
  /** Who approved first (two-person rule), when the application is approved. */
  firstApproverId: string | null;
};

export type TransitionRefusal = 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'OWN_APPLICATION' | 'SAME_APPROVER';
export type TransitionResult = { ok: true; to: ApplicationStatus } | { ok: false; refusal: TransitionRefusal };

const deciding: readonly WorkflowEvent[] = ['approve', 'reject', 'return', 'second_approve', 'second_reject'];

/** Where `event` by `actor` takes an application in state `from`, or why it may not. */
export function nextState(from: ApplicationStatus, event: WorkflowEvent, actor: ActorKind, ctx: TransitionContext): TransitionResult {
  const edge = transitions[event];
  if (!edge.from.includes(from)) return { ok: false, refusal: 'ILLEGAL_TRANSITION' };
  if (!edge.by.includes(actor)) return { ok: false, refusal: 'FORBIDDEN' };
  // Nobody decides on their own application, whatever their role.
  if (deciding.includes(event) && ctx.ownApplication) return { ok: false, refusal: 'OWN_APPLICATION' };
  const money = event === 'pay' || event === 'close' || event === 'claw_back';
  // An approval still waiting for its second approver holds no money yet.
  if (money && from === 'approved' && ctx.firstApproverId !== null) return { ok: false, refusal: 'ILLEGAL_TRANSITION' };
  // Only a rule-only approval is revoked; one waiting for its second approver is second_reject's.
  if (event === 'revoke' && ctx.firstApproverId !== null) return { ok: false, refusal: 'ILLEGAL_TRANSITION' };
  if (event === 'second_approve' || event === 'second_reject' || event === 'award') {
    // Only an approval waiting for its second approver (or the system's award below the
    // threshold) moves on from approved; a rule-only approval never does.
    if (ctx.firstApproverId === null) return { ok: false, refusal: 'ILLEGAL_TRANSITION' };
    if (event !== 'award' && (ctx.actorId === null || ctx.actorId === ctx.firstApproverId)) return { ok: false, refusal: 'SAME_APPROVER' };
  }
  return { ok: true, to: edge.to };
}

/** The events that could move an application on from `from` (for the UI and the model test). */
export function eventsFrom(from: ApplicationStatus): WorkflowEvent[] {
  return (Object.keys(transitions) as WorkflowEvent[]).filter((e) => transitions[e].from.includes(from));
}
