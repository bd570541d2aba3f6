import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HubRole } from '../../../contracts/auth.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, TEST_ORIGIN, withToken, type TestContext, type TestUser } from '../../test/harness.js';
import type { HubRow } from '../tenancy/tenancy.js';
import { apiTokens } from './api-tokens.tables.js';

let ctx: TestContext;
let hub: HubRow;
let admin: TestUser;
beforeAll(async () => {
  ctx = await startTestApp();
  hub = await createTestHub(ctx);
  admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
});

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const person = () => ({ name: { zh: '张三', en: `Person ${randomUUID().slice(0, 6)}` }, bornOn: '1985-01-01', roles: ['founder'] });

async function makeToken(roles: HubRole[], extra: Record<string, unknown> = {}, on: HubRow = hub, by: TestUser = admin) {
  const res = await ctx.app.inject(
    as(by, {
      method: 'POST',
      url: `/api/hubs/${on.slug}/api-tokens`,
      payload: { name: `Client ${randomUUID().slice(0, 6)}`, roles, expiresAt: inAWeek(), ...extra },
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { token: { id: string; hint: string; status: string; roles: string[] }; secret: string };
}

describe('API tokens: made by hub admins, shown once, stored hashed', () => {
  it('answers the secret once; the list and the database never hold it', async () => {
    const provider = await ctx.app.inject(
      as(admin, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind: 'compute_provider' }) }),
    );
    const { token, secret } = await makeToken(['finance_officer'], { subject: { kind: 'compute_provider', id: provider.json().id } });
    expect(secret).toMatch(/^dgt_[A-Za-z0-9_-]{86}$/);
    expect(secret.endsWith(token.hint.slice(1))).toBe(true);
    const list = await ctx.app.inject(as(admin, { method: 'GET', url: `/api/hubs/${hub.slug}/api-tokens` }));
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain(secret.slice(4, 40));
    const listed = list.json().items.find((t: { id: string }) => t.id === token.id);
    expect(listed).toMatchObject({ status: 'active', roles: ['finance_officer'], subject: { kind: 'compute_provider' }, lastUsedAt: null, revokedAt: null });
    const [row] = await ctx.database.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.hubId, hub.id), eq(apiTokens.id, token.id)));
    expect(JSON.stringify(row)).not.toContain(secret.slice(4, 40));
  });

  it('only hub admins signed in as themselves manage tokens; others get 404', async () => {
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    expect((await ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/api-tokens` }))).statusCode).toBe(404);
    expect(
      (
        await ctx.app.inject(
          as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/api-tokens`, payload: { name: 'x', roles: ['auditor'], expiresAt: inAWeek() } }),
        )
      ).statusCode,
    ).toBe(404);
    // A token, even with hub_admin, cannot make another (a leak cannot outlive its revocation).
    const { secret } = await makeToken(['hub_admin']);
    const minted = await ctx.app.inject(
      withToken(secret, { method: 'POST', url: `/api/hubs/${hub.slug}/api-tokens`, payload: { name: 'x', roles: ['auditor'], expiresAt: inAWeek() } }),
    );
    expect(minted.statusCode).toBe(404);
  });

  it('refuses bad input with the field at fault', async () => {
    const post = (payload: object) => ctx.app.inject(as(admin, { method: 'POST', url: `/api/hubs/${hub.slug}/api-tokens`, payload }));
    const past = await post({ name: 'x', roles: ['auditor'], expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields).toEqual([expect.objectContaining({ path: 'expiresAt', code: 'IN_THE_PAST' })]);
    const far = await post({ name: 'x', roles: ['auditor'], expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString() });
    expect(far.json().error.fields).toEqual([expect.objectContaining({ path: 'expiresAt', code: 'TOO_BIG' })]);
    const role = await post({ name: 'x', roles: ['emperor'], expiresAt: inAWeek() });
    expect(role.statusCode).toBe(400);
    expect(role.json().error.fields[0].path).toBe('roles.0');
    expect((await post({ name: 'x', roles: [], expiresAt: inAWeek() })).statusCode).toBe(400);
  });
});

describe('API tokens: no more than their maker may hold', () => {
  it('a token holds no administrator duty but its maker’s own (三员分立), and names only the hub’s own subject', async () => {
    const security = await createTestUser(ctx, { hub, roles: ['security_admin'] });
    const post = (by: TestUser, payload: object) =>
      ctx.app.inject(as(by, { method: 'POST', url: `/api/hubs/${hub.slug}/api-tokens`, payload: { name: 'x', expiresAt: inAWeek(), ...payload } }));
    const tokensOf = async () => (await ctx.database.db.select().from(apiTokens).where(eq(apiTokens.hubId, hub.id))).length;
    const before = await tokensOf();
    // A hub admin cannot hand themself the security admin's or the auditor's duty through a token, nor a security admin the hub admin's.
    for (const [by, roles] of [
      [admin, ['security_admin']],
      [admin, ['auditor']],
      [admin, ['hub_admin', 'security_admin', 'auditor']],
      [security, ['hub_admin', 'finance_officer']],
    ] as const) {
      const refused = await post(by, { roles });
      expect(refused.statusCode, `${roles}`).toBe(409);
      expect(refused.json().error).toMatchObject({ code: 'SEPARATION_OF_DUTIES', fields: [expect.objectContaining({ path: 'roles' })] });
    }
    // Their own duty, or a role without one, is theirs to hand a machine client.
    expect((await post(admin, { roles: ['hub_admin', 'program_officer'] })).statusCode).toBe(201);
    expect((await post(security, { roles: ['security_admin'] })).statusCode).toBe(201);
    // A subject of another hub, or none, answers as missing; a kind no module reads is bad input.
    const other = await createTestHub(ctx);
    const otherAdmin = await createTestUser(ctx, { hub: other, roles: ['hub_admin'] });
    const foreign = await ctx.app.inject(
      as(otherAdmin, { method: 'POST', url: `/api/hubs/${other.slug}/organizations`, payload: organizationInput({ kind: 'compute_provider' }) }),
    );
    const startup = await ctx.app.inject(as(admin, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput() }));
    for (const id of [foreign.json().id, startup.json().id, randomUUID()]) {
      expect((await post(admin, { roles: ['program_officer'], subject: { kind: 'compute_provider', id } })).statusCode).toBe(404);
    }
    const kind = await post(admin, { roles: ['program_officer'], subject: { kind: 'space_park', id: randomUUID() } });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.fields[0].path).toBe('subject.kind');
    expect(await tokensOf()).toBe(before + 2);
  });
});

describe('API tokens: a Bearer request acts with the token roles, in its hub only', () => {
  it('a token acts with its roles and no more', async () => {
    const reader = await makeToken(['finance_officer']);
    const writer = await makeToken(['program_officer']);
    const people = `/api/hubs/${hub.slug}/people`;
    expect((await ctx.app.inject(withToken(reader.secret, { method: 'GET', url: people }))).statusCode).toBe(200);
    const refused = await ctx.app.inject(withToken(reader.secret, { method: 'POST', url: people, payload: person() }));
    expect(refused.statusCode).toBe(403);
    // No cookie, no Origin: a Bearer write needs neither.
    const made = await ctx.app.inject(withToken(writer.secret, { method: 'POST', url: people, payload: person() }));
    expect(made.statusCode, made.body).toBe(201);
    // The audit names the token's own account, not the admin who made it.
    const { rows } = await ctx.database.db.execute<{ actor_id: string }>(
      sql`SELECT actor_id FROM audit_events WHERE hub_id = ${hub.id} AND subject_id = ${made.json().id}`,
    );
    const [row] = await ctx.database.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.hubId, hub.id), eq(apiTokens.id, writer.token.id)));
    expect(rows.map((r) => r.actor_id)).toEqual([row!.userId]);
    expect(row!.lastUsedAt).not.toBeNull();
  });

  it('a token of another hub answers 404 there, even on public pages', async () => {
    const other = await createTestHub(ctx);
    const { secret } = await makeToken(['hub_admin']);
    for (const url of [`/api/hubs/${other.slug}/people`, `/api/hubs/${other.slug}/programs`]) {
      const res = await ctx.app.inject(withToken(secret, { method: 'GET', url }));
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect(
      (await ctx.app.inject(withToken(secret, { method: 'POST', url: `/api/hubs/${other.slug}/organizations`, payload: organizationInput() }))).statusCode,
    ).toBe(404);
  });

  it('a made-up, altered or expired token is 401', async () => {
    const { token, secret } = await makeToken(['finance_officer']);
    const url = `/api/hubs/${hub.slug}/people`;
    const status = async (authorization: string) => (await ctx.app.inject({ method: 'GET', url, headers: { authorization } })).statusCode;
    expect(await status(`Bearer ${secret}`)).toBe(200);
    const altered = secret.slice(0, -2) + (secret.endsWith('AA') ? 'BB' : 'AA');
    expect(await status(`Bearer ${altered}`)).toBe(401);
    expect(await status('Bearer dgt_nonsense')).toBe(401);
    expect(await status(`Basic ${secret}`)).toBe(401);
    await ctx.database.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(apiTokens.hubId, hub.id), eq(apiTokens.id, token.id)));
    const expired = await ctx.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('UNAUTHENTICATED');
    const list = await ctx.app.inject(as(admin, { method: 'GET', url: `/api/hubs/${hub.slug}/api-tokens` }));
    expect(list.json().items.find((t: { id: string }) => t.id === token.id).status).toBe('expired');
  });
});

describe('API tokens: revocation', () => {
  it('a revoked token is refused at once, also in the middle of a burst', async () => {
    const { token, secret } = await makeToken(['program_officer']);
    const people = `/api/hubs/${hub.slug}/people`;
    const write = async () => {
      const res = await ctx.app.inject(withToken(secret, { method: 'POST', url: people, payload: person() }));
      return res.statusCode;
    };
    // A burst of writes, with the revocation landing in its middle.
    const before = Array.from({ length: 20 }, write);
    const revoked = ctx.app.inject(as(admin, { method: 'POST', url: `/api/hubs/${hub.slug}/api-tokens/${token.id}/revoke` }));
    const during = Array.from({ length: 20 }, write);
    const revokeRes = await revoked;
    expect(revokeRes.statusCode).toBe(200);
    expect(revokeRes.json().status).toBe('revoked');
    // Every request sent after the revocation answered is refused, and writes nothing.
    const after = await Promise.all(Array.from({ length: 30 }, write));
    expect(after.every((s) => s === 401)).toBe(true);
    const inFlight = await Promise.all([...before, ...during]);
    expect(inFlight.every((s) => s === 201 || s === 401)).toBe(true);
    const [row] = await ctx.database.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.hubId, hub.id), eq(apiTokens.id, token.id)));
    const { rows } = await ctx.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE hub_id = ${hub.id} AND actor_id = ${row!.userId} AND action = 'person.created'`,
    );
    expect(rows[0]!.n).toBe(inFlight.filter((s) => s === 201).length);
    // Revoking again changes nothing; another hub's admin cannot see it.
    expect((await ctx.app.inject(as(admin, { method: 'POST', url: `/api/hubs/${hub.slug}/api-tokens/${token.id}/revoke` }))).json().revokedAt).toBe(
      row!.revokedAt!.toISOString(),
    );
    const other = await createTestHub(ctx);
    const otherAdmin = await createTestUser(ctx, { hub: other, roles: ['hub_admin'] });
    expect((await ctx.app.inject(as(otherAdmin, { method: 'POST', url: `/api/hubs/${other.slug}/api-tokens/${token.id}/revoke` }))).statusCode).toBe(404);
  });
});

describe('cookie writes name their origin', () => {
  it('a cookie write without Origin or Sec-Fetch-Site is refused; our origin or same-origin fetch is accepted', async () => {
    const user = await createTestUser(ctx);
    const post = (headers: Record<string, string>) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/hubs/${hub.slug}/organizations`,
        payload: organizationInput(),
        headers: { cookie: user.cookie, ...headers },
      });
    const bare = await post({});
    expect(bare.statusCode).toBe(403);
    expect(bare.json().error.code).toBe('CSRF_REJECTED');
    expect((await post({ 'sec-fetch-site': 'none' })).statusCode).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect((await post({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    expect((await post({ origin: TEST_ORIGIN })).statusCode).toBe(201);
    // Nothing was written by the refused ones.
    const mine = await ctx.app.inject(as(user, { method: 'GET', url: '/api/me' }));
    expect(mine.json().organizations.filter((o: { hub: string }) => o.hub === hub.slug)).toHaveLength(2);
  });
});
