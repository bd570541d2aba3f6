import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../contracts/audit-log.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

type Page = { items: AuditEvent[]; next: string | null };

async function hubWithHistory() {
  const hub = await createTestHub(ctx);
  const [admin, officer, auditor] = await Promise.all([
    createTestUser(ctx, { hub, roles: ['hub_admin'] }),
    createTestUser(ctx, { hub, roles: ['program_officer'] }),
    createTestUser(ctx, { hub, roles: ['auditor'] }),
  ]);
  await ctx.database.db.execute(sql`UPDATE users SET name = '王芳' WHERE id = ${admin.id}`);
  const orgs: string[] = [];
  for (let i = 0; i < 3; i++) {
    const made = await ctx.app.inject(as(admin, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput() }));
    orgs.push(made.json().id);
  }
  await ctx.app.inject(as(officer, { method: 'PATCH', url: `/api/hubs/${hub.slug}/organizations/${orgs[0]}`, payload: { headcount: 12 } }));
  const read = (user: TestUser, query = '') => ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/audit/events${query}` }));
  return { hub, admin, officer, auditor, orgs, read };
}

const actionsIn = async (hubId: string) =>
  (await ctx.database.db.execute<{ action: string }>(sql`SELECT action FROM audit_events WHERE hub_id = ${hubId} ORDER BY seq`)).rows.map((r) => r.action);

describe('the audit log, read by the hub’s auditor', () => {
  it('pages newest first with the actors’ names, every event once; each page read is itself audited', async () => {
    const { hub, admin, officer, auditor, orgs, read } = await hubWithHistory();
    const before = await actionsIn(hub.id);
    const first = await read(auditor, '?limit=2');
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json() as Page;
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({
      action: 'organization.updated',
      actor: { id: officer.id, name: 'Test User' },
      subjectType: 'organization',
      subjectId: orgs[0],
      payload: { fields: ['headcount'] },
    });
    expect(page.items[1]).toMatchObject({ action: 'organization.created', actor: { id: admin.id, name: '王芳' }, subjectId: orgs[2] });
    expect(page.items[0]!.seq).toBeGreaterThan(page.items[1]!.seq);

    // Walk the rest: every event that existed before the first read, once, in falling seq.
    const seen = [...page.items];
    let next = page.next;
    while (next) {
      const more = (await read(auditor, `?limit=2&next=${next}`)).json() as Page;
      seen.push(...more.items);
      next = more.next;
    }
    expect(seen.map((e) => e.seq)).toEqual(before.map((_, i) => before.length - i));
    expect(seen.map((e) => e.action)).toEqual([...before].reverse());
    // System events (the hub's creation by the harness) name no one.
    expect(seen.at(-1)).toMatchObject({ action: 'hub.created', actor: null });

    // One audit.read per page, naming the reader and what was asked; a page does not show its own.
    const reads = await ctx.database.db.execute<{ actor_id: string; payload: Record<string, unknown> }>(
      sql`SELECT actor_id, payload FROM audit_events WHERE hub_id = ${hub.id} AND action = 'audit.read' ORDER BY seq`,
    );
    expect(reads.rows.length).toBe(Math.ceil(before.length / 2));
    expect(reads.rows[0]).toMatchObject({ actor_id: auditor.id, payload: { before: null, count: 2, action: null, from: null, to: null, actor: null } });
    expect(seen.some((e) => e.action === 'audit.read')).toBe(false);
    const again = (await read(auditor, '?limit=1')).json() as Page;
    expect(again.items[0]).toMatchObject({ action: 'audit.read', actor: { id: auditor.id } });
  });

  it('filters by action, action prefix, actor and time', async () => {
    const { admin, officer, auditor, read } = await hubWithHistory();
    const items = async (query: string) => {
      const answer = await read(auditor, query);
      expect(answer.statusCode, answer.body).toBe(200);
      return (answer.json() as Page).items;
    };
    expect((await items('?action=organization.created')).map((e) => e.action)).toEqual(Array(3).fill('organization.created'));
    const organization = await items('?action=organization.');
    expect(organization.map((e) => e.action)).toEqual(['organization.updated', ...Array(3).fill('organization.created')]);
    expect((await items(`?actor=${officer.id}`)).map((e) => e.action)).toEqual(['organization.updated']);
    expect((await items(`?actor=${admin.id}&action=organization.updated`)).length).toBe(0);
    const at = organization[0]!.occurredAt;
    const since = await items(`?from=${encodeURIComponent(at)}&action=organization.`);
    expect(since.map((e) => e.action)).toContain('organization.updated');
    expect(since.every((e) => e.occurredAt >= at)).toBe(true);
    const until = await items(`?to=${encodeURIComponent(at)}&action=organization.`);
    expect(until.every((e) => e.occurredAt < at)).toBe(true);
    expect(await items(`?from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`)).toEqual([]);
  });

  it('answers bad filters 400 naming the field', async () => {
    const { auditor, read } = await hubWithHistory();
    const fieldOf = async (query: string) => {
      const answer = await read(auditor, query);
      expect(answer.statusCode, `${query}: ${answer.body}`).toBe(400);
      return (answer.json() as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
    };
    expect(await fieldOf('?from=yesterday')).toEqual(['from']);
    expect(await fieldOf('?to=2026-13-01T00:00:00Z')).toEqual(['to']);
    expect(await fieldOf('?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z')).toEqual(['to']);
    expect(await fieldOf('?action=DROP%20TABLE')).toEqual(['action']);
    expect(await fieldOf('?action=ledger%25')).toEqual(['action']);
    expect(await fieldOf('?actor=someone')).toEqual(['actor']);
    expect(await fieldOf('?limit=0')).toEqual(['limit']);
    expect(await fieldOf(`?next=${Buffer.from('["x"]').toString('base64url')}`)).toEqual(['next']);
  });

  it('is the auditor’s alone: an officer, an admin, an applicant and another hub’s auditor get 404', async () => {
    const { hub, admin, officer, read } = await hubWithHistory();
    const applicant = await createTestUser(ctx);
    const elsewhere = await createTestUser(ctx, { hub: await createTestHub(ctx), roles: ['auditor'] });
    for (const user of [admin, officer, applicant, elsewhere]) {
      expect((await read(user)).statusCode).toBe(404);
      const verify = await ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/audit/verification` }));
      expect(verify.statusCode).toBe(404);
    }
    expect((await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/audit/events` })).statusCode).toBe(401);
  });
});

describe('verifying the chain', () => {
  it('answers ok with the count, names the first tampered event, and records each check', async () => {
    const { hub, auditor } = await hubWithHistory();
    const verify = async () => {
      const answer = await ctx.app.inject(as(auditor, { method: 'GET', url: `/api/hubs/${hub.slug}/audit/verification` }));
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json();
    };
    const events = (await actionsIn(hub.id)).length;
    expect(await verify()).toMatchObject({ ok: true, events, brokenAt: null });
    const recorded = await ctx.database.db.execute<{ payload: unknown }>(
      sql`SELECT payload FROM audit_events WHERE hub_id = ${hub.id} AND action = 'audit.verified' ORDER BY seq`,
    );
    expect(recorded.rows).toEqual([{ payload: { ok: true, events, brokenSeq: null } }]);

    await ctx.database.db.execute(sql`UPDATE audit_events SET payload = '{"fields":["website"]}' WHERE hub_id = ${hub.id} AND seq = 4`);
    expect(await verify()).toMatchObject({ ok: false, events: 3, brokenAt: { seq: 4, reason: 'hash_mismatch' } });
  });
});
