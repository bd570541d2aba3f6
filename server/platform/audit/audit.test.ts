import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { verifyAuditChain } from './audit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function hubWithHistory() {
  const hub = await createTestHub(ctx);
  const user = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const org = (await ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput() }))).json();
  await ctx.app.inject(as(user, { method: 'PATCH', url: `/api/hubs/${hub.slug}/organizations/${org.id}`, payload: { headcount: 99 } }));
  return { hub, user, org };
}

describe('audit log', () => {
  it('writes one event per change, in order, with ids and no personal data', async () => {
    const { hub, user, org } = await hubWithHistory();
    const { rows } = await ctx.database.db.execute(
      sql`SELECT seq, action, actor_id, subject_id, payload FROM audit_events WHERE hub_id = ${hub.id} ORDER BY seq`,
    );
    expect(rows.map((r) => r.action)).toEqual(['hub.created', 'hub.role_granted', 'organization.created', 'organization.updated']);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);
    expect(rows[3]).toMatchObject({ actor_id: user.id, subject_id: org.id, payload: { fields: ['headcount'] } });
    expect(JSON.stringify(rows)).not.toContain(user.email);
  });

  it('concurrent changes in one hub still form one unbroken chain', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx);
    await Promise.all(
      Array.from({ length: 10 }, () => ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput() }))),
    );
    const result = await verifyAuditChain(ctx.database.db, hub.id);
    expect(result).toEqual({ hubId: hub.id, events: 11, break: null });
  });

  it('verify catches a tampered row and names it', async () => {
    const { hub } = await hubWithHistory();
    expect((await verifyAuditChain(ctx.database.db, hub.id)).break).toBeNull();
    await ctx.database.db.execute(sql`UPDATE audit_events SET payload = '{"fields":["website"]}' WHERE hub_id = ${hub.id} AND seq = 4`);
    const result = await verifyAuditChain(ctx.database.db, hub.id);
    expect(result.break).toMatchObject({ seq: 4, reason: 'hash_mismatch' });
  });

  it('verify catches a deleted last event', async () => {
    const { hub } = await hubWithHistory();
    await ctx.database.db.execute(sql`DELETE FROM audit_events WHERE hub_id = ${hub.id} AND seq = 4`);
    expect((await verifyAuditChain(ctx.database.db, hub.id)).break).toMatchObject({ seq: 4, reason: 'gap' });
  });

  it('`dragongate audit verify --hub` exits 0 on a good chain and 1 naming the broken event', async () => {
    const { hub } = await hubWithHistory();
    const run = (args: string[]) =>
      promisify(execFile)('node', ['bin/dragongate.mjs', 'audit', 'verify', ...args], { env: { ...process.env, DATABASE_URL: inject('databaseUrl') } }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const good = await run(['--hub', hub.slug]);
    expect(good).toEqual({ code: 0, out: `ok ${hub.slug}: 4 events\n` });
    await ctx.database.db.execute(sql`UPDATE audit_events SET actor_id = NULL WHERE hub_id = ${hub.id} AND seq = 3`);
    const bad = await run(['--hub', hub.slug]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(new RegExp(`^BROKEN ${hub.slug}: event seq 3 [0-9a-f-]{36} \\(hash_mismatch\\)`));
  });
});
