import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { sessions } from '../auth/auth.tables.js';
import { idempotencyKeys } from '../idempotency/idempotency.tables.js';
import { uuidv7 } from '../ids.js';
import { purgeExpiredJob } from './definitions/purge-expired.job.js';
import { startJobs } from './jobs.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('purge-expired job', () => {
  it('deletes expired sessions and stale idempotency keys, keeps live ones', async () => {
    const user = await createTestUser(ctx);
    const hub = await createTestHub(ctx);
    const db = ctx.database.db;
    const expiredId = uuidv7();
    await db.insert(sessions).values({ id: expiredId, token: randomUUID(), userId: user.id, expiresAt: new Date(Date.now() - 1000) });
    await db.insert(idempotencyKeys).values([
      { hubId: hub.id, userId: user.id, key: 'old-key-0001', operation: 'x', requestHash: 'h', createdAt: new Date(Date.now() - 25 * 3600_000) },
      { hubId: hub.id, userId: user.id, key: 'new-key-0001', operation: 'x', requestHash: 'h' },
    ]);

    await purgeExpiredJob.handle(db, purgeExpiredJob.payload.parse({}));

    expect(await db.select().from(sessions).where(eq(sessions.id, expiredId))).toHaveLength(0);
    expect((await db.select().from(sessions).where(eq(sessions.userId, user.id))).length).toBeGreaterThan(0); // the live sign-in
    const keys = await db.select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(eq(idempotencyKeys.hubId, hub.id));
    expect(keys.map((k) => k.key)).toEqual(['new-key-0001']);
  });

  it('pg-boss starts with the job queued on its schedule', async () => {
    const runner = await startJobs(inject('databaseUrl'), ctx.database.db, () => {});
    try {
      const { rows } = await ctx.database.db.execute(sql`SELECT name, cron FROM pgboss.schedule WHERE name = ${purgeExpiredJob.name}`);
      expect(rows).toEqual([{ name: 'purge-expired', cron: purgeExpiredJob.cron }]);
    } finally {
      await runner.stop();
    }
  });
});
