import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TestContext, TestUser } from './harness.js';
import { signIn, TEST_PASSWORD } from './harness.js';
import { createAccount } from '../platform/auth/accounts.js';
import { createAuth } from '../platform/auth/auth.js';
import { deploymentOperators } from '../platform/tenancy/tenancy.tables.js';

export const freshEmail = (tag = 'p') => `${tag}-${randomUUID()}@test.example`;

/** A signed-in deployment operator. */
export async function createOperator(ctx: TestContext): Promise<TestUser> {
  const email = freshEmail('op');
  const id = await createAccount(ctx.database.db, createAuth(ctx.database.db, ctx.config), { email, name: 'Operator', password: TEST_PASSWORD });
  await ctx.database.db.insert(deploymentOperators).values({ userId: id });
  return { id, email, cookie: await signIn(ctx.app, email) };
}

/** The newest message queued to an address (hub or account outbox): its subject and text. */
export async function lastMessageTo(ctx: TestContext, to: string): Promise<{ subject: string; text: string } | null> {
  const { rows } = await ctx.database.db.execute<{ subject: string; body_text: string }>(sql`
    SELECT subject, body_text FROM (
      SELECT subject, body_text, created_at, id FROM email_outbox WHERE lower(to_address) = ${to.toLowerCase()}
      UNION ALL
      SELECT subject, body_text, created_at, id FROM account_email_outbox WHERE lower(to_address) = ${to.toLowerCase()}
    ) m ORDER BY created_at DESC, id DESC LIMIT 1`);
  const row = rows[0];
  return row ? { subject: row.subject, text: row.body_text } : null;
}

/** How many messages wait for an address in both outboxes. */
export async function messagesTo(ctx: TestContext, to: string): Promise<number> {
  const { rows } = await ctx.database.db.execute<{ n: number }>(sql`
    SELECT ((SELECT count(*) FROM email_outbox WHERE lower(to_address) = ${to.toLowerCase()}) +
            (SELECT count(*) FROM account_email_outbox WHERE lower(to_address) = ${to.toLowerCase()}))::int AS n`);
  return rows[0]!.n;
}

/** The one-time token in the newest message's link to an address. */
export async function tokenSentTo(ctx: TestContext, to: string): Promise<string> {
  const message = await lastMessageTo(ctx, to);
  const token = message && /[?&]token=([^&\s]+)/.exec(message.text)?.[1];
  if (!token) throw new Error(`no link sent to ${to}`);
  return decodeURIComponent(token);
}
