import { APIError } from 'better-auth/api';
import { symmetricDecrypt } from 'better-auth/crypto';
import { eq, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { Db } from '../../db/connection.js';
import { twoFactors } from './auth.tables.js';

type SecretKey = Parameters<typeof symmetricDecrypt>[0]['key'];

/**
 * Checks a current TOTP code of an enrolled account, for re-authentication (changing the
 * password, making an API token). The secret is stored as better-auth's two-factor plugin
 * stores it: encrypted with the auth secret, its UTF-8 bytes the HMAC key (±1 period).
 */
export async function verifyTotpOf(db: Db, key: SecretKey, userId: string, code: string): Promise<void> {
  const [row] = await db.select({ secret: twoFactors.secret, verified: twoFactors.verified }).from(twoFactors).where(eq(twoFactors.userId, userId));
  if (!row?.verified) throw new APIError('FORBIDDEN', { code: 'REAUTH_REQUIRED', message: 'no second factor enrolled' });
  const stored = await symmetricDecrypt({ key, data: row.secret });
  const secret = stored.startsWith('base32:') ? Secret.fromBase32(stored.slice(7).toUpperCase()) : Secret.fromUTF8(stored);
  const valid = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).validate({ token: code, window: 1 }) !== null;
  if (!valid) throw new APIError('UNAUTHORIZED', { code: 'TWO_FACTOR_CODE_WRONG', message: 'the code is wrong' });
}

/** Whether the account has a confirmed second factor. */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ verified: twoFactors.verified }).from(twoFactors).where(eq(twoFactors.userId, userId));
  return row?.verified === true;
}

/** How long the account's codes stay locked after repeated wrong ones (0: not locked). */
export async function codeLockSeconds(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ seconds: sql<number | null>`ceil(extract(epoch FROM ${twoFactors.lockedUntil} - now()))::int` })
    .from(twoFactors)
    .where(eq(twoFactors.userId, userId));
  return Math.max(0, row?.seconds ?? 0);
}
