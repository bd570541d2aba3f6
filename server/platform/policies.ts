import type { ApiTokenSubject } from '../../contracts/api-tokens.js';
import type { HubRole } from '../../contracts/auth.js';
import { AppError, Refusal } from './errors.js';

/**
 * Who is acting, as far as one hub is concerned. A machine client's API token acts as its
 * own account with the token's roles; `token.subject` (e.g. a compute provider) lets a
 * module limit it further to that subject's own things.
 */
export type Actor = {
  userId: string | null;
  hubRoles: readonly HubRole[];
  token?: { id: string; subject: ApiTokenSubject | null };
  /** A deployment operator (no hub role by being one). */ operator?: boolean;
};

/** A hub role, one of the two relations everybody may have, or the deployment's operator. */
export type Principal = 'anyone' | 'signed_in' | 'operator' | HubRole;

export type Rule<S> = {
  principals: readonly Principal[];
  action: string;
  condition?: (actor: Actor, subject: S) => boolean;
};

/** `allow(who, action, condition?)`: one line of a resource's policy table. */
export function allow<S>(who: Principal | readonly Principal[], action: string, condition?: (actor: Actor, subject: S) => boolean): Rule<S> {
  return { principals: typeof who === 'string' ? [who] : who, action, ...(condition ? { condition } : {}) };
}

function holds(actor: Actor, principal: Principal): boolean {
  if (principal === 'anyone') return true;
  if (principal === 'signed_in') return actor.userId !== null;
  if (principal === 'operator') return actor.operator === true;
  return actor.hubRoles.includes(principal);
}

export type Policy<S> = {
  readonly rules: readonly Rule<S>[];
  can(actor: Actor, action: string, subject: S): boolean;
  /**
   * Throws unless allowed. One who may not even read the subject learns nothing of it
   * (404); one who may read it but not act on it is told so (403).
   */
  authorize(actor: Actor, action: string, subject: S, readAction?: string): void;
};

/** Actions that change nothing, by their names: reading, listing, exporting. */
const READ_ACTION = /^(read|list|export)(_|$)/;

/**
 * `reads`: the policy's actions that change nothing though their names do not say so (a
 * desk's view). An account that is only the hub's auditor may take these and the read-named
 * ones, nothing else, whatever the rules grant (三员分立, as `refuseAuditorWrite` refuses
 * its writes): so no capability or `allowedActions` offers it a button that would answer 403.
 */
export function definePolicy<S>(rules: readonly Rule<S>[], options: { reads?: readonly string[] } = {}): Policy<S> {
  const changesNothing = (action: string) => READ_ACTION.test(action) || (options.reads?.includes(action) ?? false);
  const can = (actor: Actor, action: string, subject: S) =>
    (changesNothing(action) || !onlyAuditor(actor)) &&
    rules.some((r) => r.action === action && r.principals.some((p) => holds(actor, p)) && (!r.condition || r.condition(actor, subject)));
  return {
    rules,
    can,
    authorize(actor, action, subject, readAction = 'read') {
      if (can(actor, action, subject)) return;
      if (!actor.userId) throw new AppError('UNAUTHENTICATED');
      throw new Refusal(action !== readAction && can(actor, readAction, subject) ? 'FORBIDDEN' : 'NOT_FOUND', action);
    },
  };
}

/**
 * The object's actions the actor may take, from a table of checks (each the same `can` the
 * routes authorize with), in the table's order: what responses carry as `allowedActions`.
 */
export function permitted<A extends string>(checks: Record<A, boolean>): A[] {
  return (Object.keys(checks) as A[]).filter((action) => checks[action]);
}

export const HUB_STAFF: readonly HubRole[] = [
  'hub_admin',
  'security_admin',
  'program_officer',
  'reviewer',
  'finance_officer',
  'station_manager',
  'space_manager',
  'compute_operator',
  'auditor',
];

/**
 * The staff who work with people's personal data (the people register, talent assessments,
 * applications' answers and files, the bulk export): those who decide, pay and audit. The
 * desks of stations, space and compute, the security admin and reviewers (who see what they
 * are assigned, through the reviews module) do not.
 */
export const PERSONAL_DATA_STAFF: readonly HubRole[] = ['hub_admin', 'program_officer', 'finance_officer', 'auditor'];

/**
 * The account holds the hub's auditor role and no working role there: it reads and changes
 * nothing in that hub (三员分立), not even what any signed-in person may do (`hubScope`).
 */
export function onlyAuditor(actor: Pick<Actor, 'hubRoles'>): boolean {
  return actor.hubRoles.length > 0 && actor.hubRoles.every((r) => r === 'auditor');
}
