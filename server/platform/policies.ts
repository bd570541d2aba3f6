import type { HubRole } from '../../contracts/auth.js';
import { AppError } from './errors.js';

/** Who is acting, as far as one hub is concerned. */
export type Actor = { userId: string | null; hubRoles: readonly HubRole[] };

/** A hub role, or one of the two relations everybody may have. */
export type Principal = 'anyone' | 'signed_in' | HubRole;

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

export function definePolicy<S>(rules: readonly Rule<S>[]): Policy<S> {
  const can = (actor: Actor, action: string, subject: S) =>
    rules.some((r) => r.action === action && r.principals.some((p) => holds(actor, p)) && (!r.condition || r.condition(actor, subject)));
  return {
    rules,
    can,
    authorize(actor, action, subject, readAction = 'read') {
      if (can(actor, action, subject)) return;
      if (!actor.userId) throw new AppError('UNAUTHENTICATED');
      throw new AppError(action !== readAction && can(actor, readAction, subject) ? 'FORBIDDEN' : 'NOT_FOUND');
    },
  };
}

export const HUB_STAFF: readonly HubRole[] = [
  'hub_admin',
  'program_officer',
  'reviewer',
  'finance_officer',
  'station_manager',
  'space_manager',
  'compute_operator',
  'auditor',
];
