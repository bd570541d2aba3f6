import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';

export type LockoutRule = { failures: number; minutes: number };

/**
 * Password lockout (`lockedSeconds`: how long the address stays locked, 0 when it is not), per e-mail address (known or not: a locked unknown address answers
 * exactly like a locked account, so the lockout tells nobody whether an account exists).
 * The TOTP side is the two-factor plugin's own account lockout, set to the same rule.
 */
export async function lockedSeconds(db: Db, email: string): Promise<number> {
  const { rows } = await db.execute<{ seconds: number | null }>(sql`
    SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds FROM sign_in_lockouts WHERE email = ${email.toLowerCase()}`);
  return Math.max(0, rows[0]?.seconds ?? 0);
}

/**
 * What reserving a sign-in attempt answered: `attempt` is this attempt's place in the row of
 * failures (the one at the rule's count locks the address), or the address is locked and the
 * attempt refused (`lockedSeconds`, at least 1).
 */
export type Reservation = { attempt: number } | { lockedSeconds: number };

/**
 * Counts an attempt as a failure before its password is checked, in one statement, so
 * attempts made at the same time cannot all pass an unlocked check: the attempt that reaches
 * the rule's count locks the address at once, and every later one is refused until the lock
 * runs out (a lock that has run out starts a fresh count). A success clears the count
 * (`clearFailures`); an attempt refused for another reason than a wrong password gives its
 * place back (`releaseAttempt`).
 */
export async function reserveAttempt(db: Db, email: string, rule: LockoutRule): Promise<Reservation> {
  const address = email.toLowerCase();
  // The time comes from here, as parameters: Citus refuses a function that is not immutable
  // in DO UPDATE SET, and now() and timestamptz + interval are only stable.
  const now = Date.now();
  const at = new Date(now).toISOString();
  const lockEnds = new Date(now + rule.minutes * 60_000).toISOString();
  const { rows } = await db.execute<{ failures: number }>(sql`
    INSERT INTO sign_in_lockouts AS l (email, failures, locked_until, updated_at)
    VALUES (${address}, 1, CASE WHEN ${rule.failures} <= 1 THEN ${lockEnds}::timestamptz END, ${at}::timestamptz)
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN l.locked_until <= ${at}::timestamptz THEN 1 ELSE l.failures + 1 END,
      locked_until = CASE
        WHEN (CASE WHEN l.locked_until <= ${at}::timestamptz THEN 1 ELSE l.failures + 1 END) >= ${rule.failures}
          THEN ${lockEnds}::timestamptz
        ELSE NULL END,
      updated_at = ${at}::timestamptz
    WHERE l.locked_until IS NULL OR l.locked_until <= ${at}::timestamptz
    RETURNING failures`);
  const attempt = rows[0]?.failures;
  if (attempt !== undefined) return { attempt };
  // Locked: nothing was counted. The lock may run out between the two statements; still refused.
  return { lockedSeconds: Math.max(1, await lockedSeconds(db, address)) };
}

/**
 * An attempt refused for something else than a wrong password (an address not yet verified,
 * a malformed request) is not a failure: its place is given back, and the lock it set with it.
 */
export async function releaseAttempt(db: Db, email: string, rule: LockoutRule): Promise<void> {
  await db.execute(sql`
    UPDATE sign_in_lockouts SET
      failures = greatest(failures - 1, 0),
      locked_until = CASE WHEN failures - 1 < ${rule.failures} THEN NULL ELSE locked_until END,
      updated_at = now()
    WHERE email = ${email.toLowerCase()} AND failures > 0`);
}

/** A successful sign-in clears the count. */
export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.execute(sql`DELETE FROM sign_in_lockouts WHERE email = ${email.toLowerCase()}`);
}
