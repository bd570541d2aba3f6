import { AppError } from '../errors.js';
import { eq } from 'drizzle-orm';
import { withoutVerificationEmail, type Auth } from './auth.js';
import { users } from './auth.tables.js';
import { checkPassword } from './passwords.js';
import { findUserByEmail } from './users.js';
import type { Db } from '../../db/connection.js';

/** Creates a verified email + password account (CLI and seed; the web signs up through better-auth). */
export async function createAccount(db: Db, auth: Auth, input: { email: string; name: string; password: string }): Promise<string> {
  const problem = checkPassword(input.password);
  if (problem)
    throw new AppError('PASSWORD_REJECTED', [
      { path: 'password', code: problem === 'TOO_LONG' ? 'TOO_LONG' : problem === 'TOO_SHORT' ? 'TOO_SHORT' : 'INVALID' },
    ]);
  const existing = await findUserByEmail(db, input.email);
  if (existing) return existing.id;
  // Whoever runs this (the CLI, the seed) vouches for the address: verified, no message.
  await withoutVerificationEmail(input.email, () => auth.api.signUpEmail({ body: { email: input.email, name: input.name, password: input.password } }));
  const created = await findUserByEmail(db, input.email);
  await db.update(users).set({ emailVerified: true }).where(eq(users.id, created!.id));
  return created!.id;
}
