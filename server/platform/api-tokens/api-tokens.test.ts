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
    const { token, secret } = await makeToken(['auditor'], { subject: { kind: 'compute_provider', id: randomUUID() } });
    expect(secret).toMatch(/^dgt_[A-Za-z0-9_-]{86}$/);
    expect(secret.endsWith(token.hint.slice(1))).toBe(true);
    const list = await ctx.app.inject(as(admin, { method: 'GET', url: `/api/hubs/${hub.slug}/api-tokens` }));
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain(secret.slice(4, 40));
    const listed = list.json().items.find((t: { id: string }) => t.id === token.id);
    expect(listed).toMatchObject({ status: 'active', roles: ['auditor'], subject: { kind: 'compute_provider' }, lastUsedAt: null, revokedAt: null });
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

describe('API tokens: a Bearer request acts with the token roles, in its hub only', () => {
  it('a token acts with its roles and no more', async () => {
    const reader = await makeToken(['auditor']);
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
    const { secret } = await makeToken(['hub_admin', 'auditor']);
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
    const { token, secret } = await makeToken(['auditor']);
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
