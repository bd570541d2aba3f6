import { lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, verifications } from '../../auth/auth.tables.js';
import { idempotencyKeys } from '../../idempotency/idempotency.tables.js';
import { defineJob } from '../job.js';

/**
 * Deletes what has outlived its use: expired sessions and verification tokens, and
 * idempotency keys older than the retry window (24 hours by default).
 */
export const purgeExpiredJob = defineJob({
  name: 'purge-expired',
  payload: z.object({
    idempotencyHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
  }),
  cron: '17 * * * *',
  async handle(db, { idempotencyHours }) {
    const now = new Date();
    await db.delete(sessions).where(lt(sessions.expiresAt, now));
    await db.delete(verifications).where(lt(verifications.expiresAt, now));
    await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${idempotencyHours})`));
  },
});
