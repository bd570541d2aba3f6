import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { verifyAuditChain } from './audit.js';
import { archiveChain } from './archive.js';
import { forwardChain } from './forward.js';
import { verifyCheckpoints, writeCheckpoint } from './checkpoints.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function hubWithEvents(n: number) {
  const hub = await createTestHub(ctx);
  const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
  for (let i = 0; i < n; i++) await ctx.app.inject(as(admin, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput() }));
  const { rows } = await ctx.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_events WHERE hub_id = ${hub.id}`);
  return { hub, admin, count: rows[0]!.n };
}

// RFC 5424: <PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] BOM MSG
const RFC5424 =
  /^<(\d+)>1 (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) (\S+) dragongate (\d+) (\S+) \[audit@32473 hub="([0-9a-f-]+)" seq="(\d+)" id="[0-9a-f-]+" actor="[^"]*" subjectType="[^"]*" subjectId="[^"]*" hash="([0-9a-f]{64})" alg="(sha256|sm3)"\] \uFEFF(\{.*\})$/s;

describe('audit forwarding', () => {
  it('sends every event once as RFC 5424 syslog over UDP to a real listener, then only new ones', async () => {
    const { hub, admin, count } = await hubWithEvents(3);
    const listener = createSocket('udp4');
    const received: string[] = [];
    listener.on('message', (m) => received.push(m.toString('utf8')));
    listener.bind(0, '127.0.0.1');
    await once(listener, 'listening');
    const target = `udp://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    try {
      expect(await forwardChain(ctx.database.db, target, hub.id)).toBe(count);
      await expect.poll(() => received.length).toBe(count);
      const parsed = received.map((m) => RFC5424.exec(m));
      expect(parsed.every(Boolean)).toBe(true);
      expect(parsed.map((p) => Number(p![7])).sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      expect(parsed.every((p) => p![6] === hub.id)).toBe(true);
      expect(new Set(parsed.map((p) => p![5]))).toContain('organization.created');

      expect(await forwardChain(ctx.database.db, target, hub.id)).toBe(0);
      await ctx.app.inject(as(admin, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput() }));
      expect(await forwardChain(ctx.database.db, target, hub.id)).toBe(1);
      await expect.poll(() => received.length).toBe(count + 1);
    } finally {
      listener.close();
    }
  });

  it('frames syslog over TCP by octet counting (RFC 6587), and posts JSON lines to an HTTP sink, retrying after a refusal', async () => {
    const { hub, count } = await hubWithEvents(2);
    let tcpBytes = Buffer.alloc(0);
    const tcp = createTcpServer((socket) => socket.on('data', (d) => (tcpBytes = Buffer.concat([tcpBytes, d]))));
    tcp.listen(0, '127.0.0.1');
    await once(tcp, 'listening');
    const posts: string[] = [];
    let refuse = true;
    const http = createHttpServer((request, response) => {
      let body = '';
      request.on('data', (c) => (body += c));
      request.on('end', () => {
        if (refuse) {
          refuse = false;
          response.writeHead(503).end();
          return;
        }
        posts.push(body);
        response.writeHead(204).end();
      });
    });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    try {
      expect(await forwardChain(ctx.database.db, `tcp://127.0.0.1:${(tcp.address() as AddressInfo).port}`, hub.id)).toBe(count);
      const frames: string[] = [];
      let rest = tcpBytes;
      while (rest.length) {
        const space = rest.indexOf(0x20);
        const length = Number(rest.subarray(0, space).toString());
        frames.push(rest.subarray(space + 1, space + 1 + length).toString('utf8'));
        rest = rest.subarray(space + 1 + length);
      }
      expect(frames).toHaveLength(count);
      expect(frames.every((f) => RFC5424.test(f))).toBe(true);

      const sink = `http://127.0.0.1:${(http.address() as AddressInfo).port}/audit`;
      await expect(forwardChain(ctx.database.db, sink, hub.id)).rejects.toThrow(/503/);
      expect(await forwardChain(ctx.database.db, sink, hub.id)).toBe(count);
      const lines = posts
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { seq: number; hubId: string });
      expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    } finally {
      tcp.close();
      http.close();
    }
  });
});

describe('audit retention', () => {
  it('moves events older than the online days to the archive unchanged: chain, checkpoints and count still hold, nothing deleted', async () => {
    const { hub, count } = await hubWithEvents(3);
    await writeCheckpoint(ctx.database.db, ctx.config, hub.id);
    // The first two events happened 200 days ago (their hashes recomputed, as if they had).
    await expect(archiveChain(ctx.database.db, hub.id, 100)).rejects.toThrow(/184/);
    const old = new Date(Date.now() - 200 * 86_400_000);
    await ctx.database.db.execute(sql`UPDATE audit_events SET occurred_at = ${old.toISOString()}::timestamptz WHERE hub_id = ${hub.id} AND seq <= 2`);
    await rehash(hub.id);
    await writeCheckpoint(ctx.database.db, { ...ctx.config, checkpointDir: `${ctx.config.checkpointDir}-retention-${hub.id}` }, hub.id);

    const result = await archiveChain(ctx.database.db, hub.id, 184);
    expect(result).toMatchObject({ archived: 2, fromSeq: 1, toSeq: 2 });
    const { rows } = await ctx.database.db.execute<{ live: number; archived: number }>(sql`
      SELECT (SELECT count(*)::int FROM audit_events WHERE hub_id = ${hub.id}) AS live, (SELECT count(*)::int FROM audit_events_archive WHERE hub_id = ${hub.id}) AS archived`);
    expect(rows[0]).toEqual({ live: count - 2 + 1, archived: 2 });
    const verified = await verifyAuditChain(ctx.database.db, hub.id);
    expect(verified).toMatchObject({ events: count + 1, break: null });
    expect(
      (await verifyCheckpoints(ctx.database.db, { ...ctx.config, checkpointDir: `${ctx.config.checkpointDir}-retention-${hub.id}` }, hub.id)).break,
    ).toBeNull();
    expect(await archiveChain(ctx.database.db, hub.id, 184)).toMatchObject({ archived: 0 });

    // An archived event altered is still caught.
    await ctx.database.db.execute(sql`UPDATE audit_events_archive SET subject_id = 'x' WHERE hub_id = ${hub.id} AND seq = 1`);
    expect((await verifyAuditChain(ctx.database.db, hub.id)).break).toMatchObject({ seq: 1, reason: 'hash_mismatch' });
  });
});

/** Recomputes a chain's hashes in SQL order (as a test's time machine, not a product path). */
async function rehash(hubId: string) {
  const { chainHash } = await import('./hash-chain.js');
  const { rows } = await ctx.database.db.execute<{
    seq: string;
    id: string;
    occurred_at: Date;
    actor_id: string | null;
    action: string;
    subject_type: string;
    subject_id: string;
    payload: unknown;
    hash_alg: 'sha256' | 'sm3';
  }>(sql`SELECT * FROM audit_events WHERE hub_id = ${hubId} ORDER BY seq`);
  let prev = '0'.repeat(64);
  for (const r of rows) {
    const hash = chainHash(
      prev,
      {
        hubId,
        seq: Number(r.seq),
        id: r.id,
        occurredAt: new Date(r.occurred_at).toISOString(),
        actorId: r.actor_id,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        payload: r.payload,
      },
      r.hash_alg,
    );
    await ctx.database.db.execute(sql`UPDATE audit_events SET prev_hash = ${prev}, hash = ${hash} WHERE hub_id = ${hubId} AND seq = ${r.seq}`);
    prev = hash;
  }
  await ctx.database.db.execute(sql`UPDATE audit_heads SET hash = ${prev} WHERE hub_id = ${hubId}`);
}
