import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, startTestApp, TEST_ORIGIN, TEST_PASSWORD, type TestContext } from '../../test/harness.js';
import { DEPLOYMENT_CHAIN } from '../audit/deployment-chain.js';

const FAILURES = 5;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp({ lockoutFailures: FAILURES, lockoutMinutes: 15 });
});

const signIn = (email: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password }, headers: { origin: TEST_ORIGIN } });
const statuses = async (email: string, password: string, count: number) =>
  (await Promise.all(Array.from({ length: count }, () => signIn(email, password)))).map((res) => res.statusCode);
const countOf = (list: number[], status: number) => list.filter((s) => s === status).length;

describe('the password lockout under attempts sent at the same time', () => {
  it('lets at most the rule’s count of wrong passwords through; the rest, and then the right password, are refused as locked', async () => {
    const user = await createTestUser(ctx);
    const answered = await statuses(user.email, 'wrong password wrong password', 30);
    expect(countOf(answered, 401)).toBe(FAILURES);
    expect(countOf(answered, 423)).toBe(30 - FAILURES);

    const right = await signIn(user.email, TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // One lockout audited, however many attempts raced to it.
    const { rows } = await ctx.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE hub_id = ${DEPLOYMENT_CHAIN} AND action = 'auth.locked_out' AND subject_id = ${user.id}`,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('lets the right password in within the count, and clears it', async () => {
    const user = await createTestUser(ctx);
    expect(await statuses(user.email, 'wrong password wrong password', FAILURES - 1)).toEqual(Array(FAILURES - 1).fill(401));
    expect((await signIn(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect(await statuses(user.email, 'wrong password wrong password', FAILURES - 1)).toEqual(Array(FAILURES - 1).fill(401));
    expect((await signIn(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });
});
