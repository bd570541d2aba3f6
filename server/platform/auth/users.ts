import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connection.js';
import { AppError } from '../errors.js';
import { users } from './auth.tables.js';

export type UserRef = { id: string; name: string; email: string };

export async function findUserByEmail(db: Db | Tx, email: string): Promise<UserRef | null> {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row ?? null;
}

export async function findUsers(db: Db | Tx, ids: string[]): Promise<Map<string, UserRef>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Whether the user's address is confirmed, as an expression for a caller's own statement; judge it with `requireVerified`. */
export function emailVerifiedSql(userId: string): SQL<boolean | null> {
  return sql<boolean | null>`(SELECT u.email_verified FROM users u WHERE u.id = ${userId})`;
}

/** Money is applied for only from a confirmed address (EMAIL_NOT_VERIFIED otherwise). */
export function requireVerified(verified: boolean | null | undefined): void {
  if (!verified) throw new AppError('EMAIL_NOT_VERIFIED');
}
