import type { Db } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/audit.js';
import { DEPLOYMENT_CHAIN } from '../audit/deployment-chain.js';

/** The session an act was done from: better-auth's, of which only the ids are read. */
type ActingSession = { session: { id: string }; user: { id: string } };

/** better-auth's account endpoints audited once they succeeded, by the path better-auth names them. */
export const auditedAccountActs = ['/sign-out', '/revoke-other-sessions', '/change-password'] as const;
export type AuditedAccountAct = (typeof auditedAccountActs)[number];

export const isAuditedAccountAct = (path: string): path is AuditedAccountAct => (auditedAccountActs as readonly string[]).includes(path);

/**
 * What an account did to its own sign-in, on the deployment's chain as the sign-ins are: the
 * actor is always the account. Signing out names the session it ended; signing out the other
 * sessions names the account (and the session kept); a changed password names the account
 * (and whether the other sessions ended with it). Never a password, a token or a code.
 */
export async function auditAccountAct(db: Db, act: AuditedAccountAct, acting: ActingSession, body: Record<string, unknown> | undefined): Promise<void> {
  const userId = acting.user.id;
  const event =
    act === '/sign-out'
      ? { action: 'auth.signed_out', subjectType: 'session', subjectId: acting.session.id, payload: {} }
      : act === '/revoke-other-sessions'
        ? { action: 'auth.other_sessions_ended', subjectType: 'user', subjectId: userId, payload: { kept: acting.session.id } }
        : { action: 'auth.password_changed', subjectType: 'user', subjectId: userId, payload: { otherSessionsEnded: body?.revokeOtherSessions === true } };
  await withTransaction(db, (tx) => recordAudit(tx, { hubId: DEPLOYMENT_CHAIN, actorId: userId, ...event }));
}
