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
 * One more failure in a row; the one that reaches the rule's count locks the address (and
 * answers true, so the lockout itself is audited). A lock that has run out starts a fresh count.
 */
export async function recordFailure(db: Db, email: string, rule: LockoutRule): Promise<boolean> {
  const { rows } = await db.execute<{ failures: number; locked: boolean }>(sql`
    INSERT INTO sign_in_lockouts AS l (email, failures, locked_until, updated_at)
    VALUES (${email.toLowerCase()}, 1, CASE WHEN ${rule.failures} <= 1 THEN now() + make_interval(mins => ${rule.minutes}) END, now())
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN l.locked_until <= now() THEN 1 ELSE l.failures + 1 END,
      locked_until = CASE
        WHEN l.locked_until > now() THEN l.locked_until
        WHEN (CASE WHEN l.locked_until <= now() THEN 1 ELSE l.failures + 1 END) >= ${rule.failures} THEN now() + make_interval(mins => ${rule.minutes})
        ELSE NULL END,
      updated_at = now()
    RETURNING failures, locked_until > now() AS locked`);
  return rows[0]?.locked === true && rows[0].failures === rule.failures;
}

/** A successful sign-in clears the count. */
export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.execute(sql`DELETE FROM sign_in_lockouts WHERE email = ${email.toLowerCase()}`);
}
