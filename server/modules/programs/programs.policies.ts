import type { ProgramAction } from '../../../contracts/allowed-actions.js';
import { allow, definePolicy, HUB_STAFF, PERSONAL_DATA_STAFF, permitted, type Actor } from '../../platform/policies.js';
import { matchPolicy } from './matches.policies.js';

/** Program officers and hub admins shape programs; staff read drafts; everyone reads published ones. */
export const programPolicy = definePolicy<{ published: boolean }>([
  allow('anyone', 'read', (_, p) => p.published),
  allow(HUB_STAFF, 'read'),
  allow(HUB_STAFF, 'read_rules'),
  allow(['program_officer', 'hub_admin'], 'write'),
  // What-if runs over the whole ecosystem: the officers who shape programs.
  allow(['program_officer', 'hub_admin'], 'simulate'),
]);

/**
 * Applicants see their own applications; their answers and files are personal data, so the
 * staff who decide, pay and audit them see the hub's (reviewers see what they are assigned,
 * through the reviews module).
 */
export const applicationPolicy = definePolicy<{ own: boolean }>([
  allow('signed_in', 'read', (_, a) => a.own),
  allow(PERSONAL_DATA_STAFF, 'read'),
  allow(PERSONAL_DATA_STAFF, 'list_all'),
  allow('signed_in', 'submit'),
]);

/** The facts of one program the checks need: its status and whether the hub's today is in its window. */
export type ProgramState = { status: string; windowOpen: boolean };

/** What the actor may do with one program (its `allowedActions`): the checks its routes make. */
export function programActionsOf(actor: Actor, program: ProgramState): ProgramAction[] {
  const write = programPolicy.can(actor, 'write', { published: false });
  return permitted<ProgramAction>({
    edit: write,
    publish: write && program.status === 'draft',
    // Submitting also needs a published program open today (PROGRAM_NOT_OPEN, OUTSIDE_WINDOW).
    apply: applicationPolicy.can(actor, 'submit', { own: true }) && program.status === 'published' && program.windowOpen,
    readApplications: applicationPolicy.can(actor, 'list_all', { own: false }),
    // Matching and inviting look for applicants of a published program only.
    runMatching: matchPolicy.can(actor, 'run', { own: false }) && program.status === 'published',
    inviteMatched: matchPolicy.can(actor, 'invite', { own: false }) && program.status === 'published',
  });
}
