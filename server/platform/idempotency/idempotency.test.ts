import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function orgCount(hubId: string) {
  const { rows } = await ctx.database.db.execute(sql`SELECT count(*)::int AS n FROM organizations WHERE hub_id = ${hubId}`);
  return (rows[0] as { n: number }).n;
}

async function auditCount(hubId: string, action: string) {
  const { rows } = await ctx.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE hub_id = ${hubId} AND action = ${action}`);
  return (rows[0] as { n: number }).n;
}

describe('Idempotency-Key', () => {
  it('a replayed key creates one organisation and returns the first response', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx);
    const body = organizationInput();
    const send = () =>
      ctx.app.inject(
        as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: body, headers: { 'idempotency-key': 'key-0001-replay' } }),
      );
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await orgCount(hub.id)).toBe(1);
    expect(await auditCount(hub.id, 'organization.created')).toBe(1);
  });

  it('concurrent requests with one key create exactly one organisation', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx);
    const body = organizationInput();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        ctx.app.inject(
          as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: body, headers: { 'idempotency-key': 'key-0002-concurrent' } }),
        ),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    expect(await orgCount(hub.id)).toBe(1);
  });

  it('the same key with a different body is refused with 422 and changes nothing', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx);
    const url = `/api/hubs/${hub.slug}/organizations`;
    const headers = { 'idempotency-key': 'key-0003-mismatch' };
    expect((await ctx.app.inject(as(user, { method: 'POST', url, payload: organizationInput(), headers }))).statusCode).toBe(201);
    const other = await ctx.app.inject(as(user, { method: 'POST', url, payload: organizationInput(), headers }));
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await orgCount(hub.id)).toBe(1);
  });

  it('keys belong to their caller: another user with the same key gets their own result', async () => {
    const hub = await createTestHub(ctx);
    const a = await createTestUser(ctx);
    const b = await createTestUser(ctx);
    const url = `/api/hubs/${hub.slug}/organizations`;
    const headers = { 'idempotency-key': 'key-0004-shared' };
    const ra = await ctx.app.inject(as(a, { method: 'POST', url, payload: organizationInput(), headers }));
    const rb = await ctx.app.inject(as(b, { method: 'POST', url, payload: organizationInput(), headers }));
    expect([ra.statusCode, rb.statusCode]).toEqual([201, 201]);
    expect(rb.json().id).not.toBe(ra.json().id);
  });

  it('a failed request leaves no key behind, so a corrected retry with the key works', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx);
    const url = `/api/hubs/${hub.slug}/organizations`;
    const headers = { 'idempotency-key': 'key-0005-after-error' };
    const taken = organizationInput();
    await ctx.app.inject(as(user, { method: 'POST', url, payload: taken }));
    const dup = await ctx.app.inject(as(user, { method: 'POST', url, payload: organizationInput({ uscc: taken.uscc }), headers }));
    expect(dup.statusCode).toBe(409);
    const { rows } = await ctx.database.db.execute(sql`SELECT count(*)::int AS n FROM idempotency_keys WHERE hub_id = ${hub.id}`);
    expect((rows[0] as { n: number }).n).toBe(0);
  });

  it('a malformed key is a 400 on the header', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx);
    const res = await ctx.app.inject(
      as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput(), headers: { 'idempotency-key': 'short' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('idempotency-key');
  });
});
