import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/audit.js';
import { DEPLOYMENT_CHAIN } from '../audit/deployment-chain.js';

/** How the audit names an address without an account: a short hash, never the address. */
export function addressSubjectId(email: string): string {
  return `address:${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 16)}`;
}

export type SignInOutcome = 'success' | 'failure' | 'locked' | 'lockout' | 'second_factor_asked';

/**
 * Sign-ins, failed ones and lockouts go to the deployment's chain. The subject is the
 * account when the address has one, else a short hash of the address (never the address
 * itself: audit payloads hold no personal data, and a failure must not reveal whether an
 * account exists to anyone reading it, beyond the auditor).
 */
export async function auditSignIn(db: Db, input: { email: string; step: 'password' | 'totp' | 'backup_code'; outcome: SignInOutcome; userId?: string | null }) {
  const email = input.email.toLowerCase();
  let userId = input.userId ?? null;
  if (!userId && email) {
    const { rows } = await db.execute<{ id: string }>(sql`SELECT id FROM users WHERE lower(email) = ${email} LIMIT 1`);
    userId = rows[0]?.id ?? null;
  }
  const subjectId = userId ?? addressSubjectId(email);
  await withTransaction(db, (tx) =>
    recordAudit(tx, {
      hubId: DEPLOYMENT_CHAIN,
      actorId: input.outcome === 'success' ? userId : null,
      action: input.outcome === 'lockout' ? 'auth.locked_out' : 'auth.sign_in',
      subjectType: userId ? 'user' : 'address',
      subjectId,
      payload: { step: input.step, result: input.outcome },
    }),
  );
}
