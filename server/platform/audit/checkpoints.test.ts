import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { newSigningKey, signBytes } from '../crypto/sign.js';
import { auditCheckpointJob } from '../jobs/definitions/audit-checkpoint.job.js';
import type { HubRow } from '../tenancy/tenancy.js';
import { verifyAuditChain } from './audit.js';
import { readCheckpoints, verifyCheckpoints, writeCheckpoint, type Checkpoint } from './checkpoints.js';
import { canonicalJson, chainHash, type ChainedEvent } from './hash-chain.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function change(hub: HubRow, user: TestUser) {
  const res = await ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput() }));
  expect(res.statusCode).toBe(201);
}

/** What a database administrator can do: change an event and recompute every hash after it, and the head. */
async function rewriteFrom(hubId: string, seq: number) {
  const db = ctx.database.db;
  await db.execute(sql`UPDATE audit_events SET payload = '{"forged":true}' WHERE hub_id = ${hubId} AND seq = ${seq}`);
  const { rows } = await db.execute<Record<string, string>>(
    sql`SELECT seq, id, occurred_at, actor_id, action, subject_type, subject_id, payload, prev_hash, hash_alg FROM audit_events
        WHERE hub_id = ${hubId} AND seq >= ${seq} ORDER BY seq`,
  );
  let prev = rows[0]!.prev_hash!;
  for (const r of rows) {
    const event: ChainedEvent = {
      hubId,
      seq: Number(r.seq),
      id: r.id!,
      occurredAt: new Date(r.occurred_at!).toISOString(),
      actorId: r.actor_id ?? null,
      action: r.action!,
      subjectType: r.subject_type!,
      subjectId: r.subject_id!,
      payload: r.payload,
    };
    const hash = chainHash(prev, event, r.hash_alg as 'sha256' | 'sm3');
    await db.execute(sql`UPDATE audit_events SET prev_hash = ${prev}, hash = ${hash} WHERE hub_id = ${hubId} AND seq = ${event.seq}`);
    await db.execute(sql`UPDATE audit_heads SET hash = ${hash} WHERE hub_id = ${hubId}`);
    prev = hash;
  }
}

describe('audit checkpoints', () => {
  it('sign what is new since the last one, chain to it, and match the database', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    await change(hub, user);
    // The international suite signs the first one (whatever CRYPTO_SUITE the run has) with Ed25519.
    const first = await writeCheckpoint(ctx.database.db, { ...ctx.config, cryptoSuite: 'international' }, hub.id);
    expect(first).toMatchObject({ hubId: hub.id, fromSeq: 0, toSeq: 3, alg: 'ed25519' });
    expect(await writeCheckpoint(ctx.database.db, ctx.config, hub.id)).toBeNull();
    await change(hub, user);
    // The gm suite signs the next one with SM2: checkpoints of both suites verify together.
    const second = await writeCheckpoint(ctx.database.db, { ...ctx.config, cryptoSuite: 'gm' }, hub.id);
    expect(second).toMatchObject({ fromSeq: 3, toSeq: 4, prevHead: first!.head, alg: 'sm2' });
    await change(hub, user);
    await auditCheckpointJob.handle(ctx.database.db, { hubId: hub.id }, undefined, ctx.config);
    expect(readCheckpoints(ctx.config, hub.id).map((c) => c.checkpoint.toSeq)).toEqual([3, 4, 5]);
    expect(await verifyCheckpoints(ctx.database.db, ctx.config, hub.id)).toEqual({ checkpoints: 3, events: 5, break: null });
  });

  it('a chain rewritten with valid-looking hashes verifies on its own but not against the checkpoints, which name the first bad row', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    for (let i = 0; i < 4; i++) await change(hub, user);
    await writeCheckpoint(ctx.database.db, ctx.config, hub.id);
    await rewriteFrom(hub.id, 4);
    expect((await verifyAuditChain(ctx.database.db, hub.id)).break).toBeNull();
    const { rows } = await ctx.database.db.execute<{ id: string }>(sql`SELECT id FROM audit_events WHERE hub_id = ${hub.id} AND seq = 4`);
    const result = await verifyCheckpoints(ctx.database.db, ctx.config, hub.id);
    expect(result.break).toMatchObject({ seq: 4, id: rows[0]!.id, reason: 'checkpoint_mismatch' });

    // The CLI says the same and exits 1.
    const run = (args: string[]) =>
      promisify(execFile)('node', ['bin/dragongate.mjs', 'audit', 'verify', ...args], {
        env: {
          ...process.env,
          DATABASE_URL: inject('databaseUrl'),
          BETTER_AUTH_SECRET: ctx.config.authSecret,
          DRAGONGATE_CHECKPOINT_DIR: ctx.config.checkpointDir,
        },
      }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const plain = await run(['--hub', hub.slug]);
    expect(plain).toEqual({ code: 0, out: `ok ${hub.slug}: 6 events\n` });
    const checked = await run(['--hub', hub.slug, '--checkpoints']);
    expect(checked.code).toBe(1);
    expect(checked.out).toContain(`BROKEN ${hub.slug}: event seq 4 ${rows[0]!.id} (checkpoint_mismatch`);
  });

  it('a checkpoint file rewritten to match, without the installation secret, fails its signature', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    await change(hub, user);
    await writeCheckpoint(ctx.database.db, ctx.config, hub.id);
    await rewriteFrom(hub.id, 3);
    const [{ file, checkpoint }] = readCheckpoints(ctx.config, hub.id) as [{ file: string; checkpoint: Checkpoint }];
    const { rows } = await ctx.database.db.execute<{ hash: string }>(sql`SELECT hash FROM audit_events WHERE hub_id = ${hub.id} ORDER BY seq`);
    const { signature: _s, ...body } = checkpoint;
    const forged = { ...body, hashes: rows.map((r) => r.hash), head: rows.at(-1)!.hash };
    const attacker = newSigningKey('ed25519');
    chmodSync(file, 0o644);
    writeFileSync(file, JSON.stringify({ ...forged, signature: signBytes(attacker, Buffer.from(canonicalJson(forged))) }));
    expect((await verifyCheckpoints(ctx.database.db, ctx.config, hub.id)).break).toMatchObject({ seq: 1, reason: 'checkpoint_signature', file });
    expect(JSON.parse(readFileSync(file, 'utf8')).head).toBe(rows.at(-1)!.hash);
  });

  it('events deleted after a checkpoint are missing', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    await change(hub, user);
    await writeCheckpoint(ctx.database.db, ctx.config, hub.id);
    await ctx.database.db.execute(sql`DELETE FROM audit_events WHERE hub_id = ${hub.id} AND seq = 3`);
    await ctx.database.db.execute(sql`UPDATE audit_heads SET seq = 2 WHERE hub_id = ${hub.id}`);
    expect((await verifyCheckpoints(ctx.database.db, ctx.config, hub.id)).break).toMatchObject({ seq: 3, reason: 'checkpoint_missing_event' });
  });
});
