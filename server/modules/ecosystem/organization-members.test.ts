import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshEmail, lastMessageTo, tokenSentTo } from '../../test/account-factories.js';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, signIn, startTestApp, TEST_PASSWORD, type TestContext, type TestUser } from '../../test/harness.js';
import { computeVoucherDraft, contractAnswers } from '../../test/program-factories.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { withTransaction } from '../../db/transaction.js';
import { setMemberRole } from './organization-members.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const call = (user: TestUser | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject(as(user, { method, url, ...(payload !== undefined && { payload }) }));

async function company() {
  const hub = await createTestHub(ctx);
  const owner = await createTestUser(ctx);
  const org = (await call(owner, 'POST', `/api/hubs/${hub.slug}/organizations`, organizationInput({ kind: 'startup', sectors: ['ai'] }))).json();
  const base = `/api/hubs/${hub.slug}/organizations/${org.id}`;
  return { hub, owner, org, base };
}

/** A colleague invited by the owner with a role, who accepts signed in as themself. */
async function colleague(hub: HubRow, owner: TestUser, base: string, role: 'owner' | 'applicant' | 'viewer'): Promise<TestUser> {
  const person = await createTestUser(ctx);
  expect((await call(owner, 'POST', `${base}/invitations`, { email: person.email, role })).statusCode).toBe(201);
  const token = await tokenSentTo(ctx, person.email);
  expect((await call(person, 'POST', `/api/hubs/${hub.slug}/organization-invitations/accept`, { token })).statusCode).toBe(200);
  return person;
}

const roles = async (user: TestUser, base: string) =>
  Object.fromEntries((await call(user, 'GET', base)).json().members.map((m: { userId: string; role: string }) => [m.userId, m.role]));

describe('colleagues of a company', () => {
  it('the owner invites a colleague by e-mail; a new person signs up with the address, verifies it by accepting, and applies for the company', async () => {
    const { hub, owner, org, base } = await company();
    await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n }, 1_000_000_000_000n);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const program = (await call(officer, 'POST', `/api/hubs/${hub.slug}/programs`, computeVoucherDraft())).json();
    await call(officer, 'POST', `/api/hubs/${hub.slug}/programs/${program.id}/publish`);

    const email = freshEmail('colleague');
    const invited = await call(owner, 'POST', `${base}/invitations`, { email, role: 'applicant' });
    expect(invited.json()).toMatchObject({ email, role: 'applicant', organizationId: org.id });
    expect((await lastMessageTo(ctx, email))!.text).toContain(`/invitations/organization?hub=${hub.slug}&token=`);
    const token = await tokenSentTo(ctx, email);
    expect((await call(null, 'GET', `/api/hubs/${hub.slug}/organization-invitations/preview?token=${token}`)).json()).toMatchObject({
      organization: { id: org.id },
      role: 'applicant',
    });

    await ctx.app.inject({ method: 'POST', url: '/api/auth/sign-up/email', payload: { email, name: 'Colleague', password: TEST_PASSWORD } });
    const newcomer = { id: '', email, cookie: await signIn(ctx.app, email) };
    const apply = () =>
      call(newcomer, 'POST', `/api/hubs/${hub.slug}/programs/${program.id}/applications`, { organizationId: org.id, answers: contractAnswers('100000') });
    // Not confirmed yet: no money is applied for from an unverified address.
    expect((await apply()).json().error.code).toBe('EMAIL_NOT_VERIFIED');
    expect((await call(newcomer, 'POST', `/api/hubs/${hub.slug}/organization-invitations/accept`, { token })).statusCode).toBe(200);
    expect((await call(newcomer, 'GET', '/api/me')).json().user.emailVerified).toBe(true);
    const applied = await apply();
    expect(applied.statusCode, applied.body).toBe(201);
    expect((await call(newcomer, 'POST', `/api/hubs/${hub.slug}/organization-invitations/accept`, { token })).json().error.code).toBe('INVITATION_USED');
  });

  it('refuses to apply from an unverified address, and a viewer may look but not apply', async () => {
    const { hub, owner, org, base } = await company();
    await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n }, 1_000_000_000_000n);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const program = (await call(officer, 'POST', `/api/hubs/${hub.slug}/programs`, computeVoucherDraft())).json();
    await call(officer, 'POST', `/api/hubs/${hub.slug}/programs/${program.id}/publish`);
    const viewer = await colleague(hub, owner, base, 'viewer');
    const apply = (user: TestUser) =>
      call(user, 'POST', `/api/hubs/${hub.slug}/programs/${program.id}/applications`, { organizationId: org.id, answers: contractAnswers('100000') });
    expect((await call(viewer, 'GET', base)).statusCode).toBe(200);
    const refused = await apply(viewer);
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'FORBIDDEN']);

    await ctx.database.db.execute(sql`UPDATE users SET email_verified = false WHERE id = ${owner.id}`);
    const unverified = await apply(owner);
    expect([unverified.statusCode, unverified.json().error.code]).toEqual([403, 'EMAIL_NOT_VERIFIED']);
    const { rows } = await ctx.database.db.execute(sql`SELECT 1 FROM applications WHERE hub_id = ${hub.id}`);
    expect(rows).toHaveLength(0);
  });

  it('accepts only for the invited address, once, before it expires; only owners invite', async () => {
    const { hub, owner, base } = await company();
    const invitee = await createTestUser(ctx);
    const other = await createTestUser(ctx);
    await call(owner, 'POST', `${base}/invitations`, { email: invitee.email, role: 'viewer' });
    const token = await tokenSentTo(ctx, invitee.email);
    expect((await call(other, 'POST', `/api/hubs/${hub.slug}/organization-invitations/accept`, { token })).json().error.code).toBe('INVITATION_OTHER_ACCOUNT');
    expect((await call(null, 'POST', `/api/hubs/${hub.slug}/organization-invitations/accept`, { token })).statusCode).toBe(401);
    await ctx.database.db.execute(sql`UPDATE organization_invitations SET expires_at = now() - interval '1 second' WHERE hub_id = ${hub.id}`);
    expect((await call(invitee, 'POST', `/api/hubs/${hub.slug}/organization-invitations/accept`, { token })).json().error.code).toBe('INVITATION_EXPIRED');

    const viewer = await colleague(hub, owner, base, 'viewer');
    expect((await call(viewer, 'POST', `${base}/invitations`, { email: freshEmail(), role: 'viewer' })).statusCode).toBe(403);
    expect((await call(other, 'POST', `${base}/invitations`, { email: freshEmail(), role: 'viewer' })).statusCode).toBe(404);
    expect((await call(owner, 'POST', `${base}/invitations`, { email: viewer.email, role: 'applicant' })).json().error.code).toBe('ALREADY_MEMBER');
    expect((await call(owner, 'POST', `${base}/invitations`, { email: freshEmail(), role: 'boss' })).json().error.fields[0]).toMatchObject({
      path: 'role',
      code: 'INVALID_OPTION',
    });
    // Another hub's company is not reachable through this hub.
    const elsewhere = await company();
    expect(
      (await call(elsewhere.owner, 'POST', `/api/hubs/${hub.slug}/organizations/${elsewhere.org.id}/invitations`, { email: freshEmail(), role: 'viewer' }))
        .statusCode,
    ).toBe(404);
  });

  it('transfers ownership, changes roles and removes members, never leaving the company without an owner', async () => {
    const { hub, owner, base } = await company();
    const partner = await colleague(hub, owner, base, 'applicant');
    const viewer = await colleague(hub, owner, base, 'viewer');

    expect((await call(owner, 'DELETE', `${base}/members/${owner.id}`)).json().error.code).toBe('LAST_OWNER');
    expect((await call(owner, 'PUT', `${base}/members/${owner.id}`, { role: 'viewer' })).json().error.code).toBe('LAST_OWNER');
    expect((await call(partner, 'POST', `${base}/ownership`, { userId: partner.id })).statusCode).toBe(403);

    expect((await call(owner, 'POST', `${base}/ownership`, { userId: partner.id })).statusCode).toBe(204);
    expect(await roles(partner, base)).toMatchObject({ [partner.id]: 'owner', [owner.id]: 'applicant', [viewer.id]: 'viewer' });
    expect((await call(owner, 'POST', `${base}/invitations`, { email: freshEmail(), role: 'viewer' })).statusCode).toBe(403);

    expect((await call(partner, 'PUT', `${base}/members/${viewer.id}`, { role: 'applicant' })).statusCode).toBe(204);
    expect((await call(partner, 'DELETE', `${base}/members/${viewer.id}`)).statusCode).toBe(204);
    expect((await call(viewer, 'GET', base)).statusCode).toBe(404);
    // Anyone may leave.
    expect((await call(owner, 'DELETE', `${base}/members/${owner.id}`)).statusCode).toBe(204);
    expect(Object.keys(await roles(partner, base))).toEqual([partner.id]);
    const { rows } = await ctx.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE hub_id = ${hub.id} AND action LIKE 'organization.%' ORDER BY seq`,
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'organization.colleague_invited',
        'organization.colleague_joined',
        'organization.ownership_transferred',
        'organization.member_role_changed',
        'organization.member_removed',
      ]),
    );
  });
});

describe('an owner demoted while transferring', () => {
  it('no longer transfers: the caller’s ownership is read under the member lock, after the demotion commits', async () => {
    const { hub, owner, base, org } = await company();
    const coOwner = await colleague(hub, owner, base, 'owner');
    const partner = await colleague(hub, owner, base, 'applicant');
    const waitingForLock = async () =>
      (await ctx.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).rows[0]!.n;
    let transfer: ReturnType<typeof call> | undefined;
    await withTransaction(ctx.database.db, async (tx) => {
      // The co-owner demotes the owner and holds the member lock, uncommitted ...
      await setMemberRole(tx, { hub, actor: { userId: coOwner.id, hubRoles: [] } }, org.id, owner.id, 'applicant');
      // ... while the owner (still an owner to any other reader) asks to hand the company over.
      transfer = call(owner, 'POST', `${base}/ownership`, { userId: partner.id });
      while ((await waitingForLock()) === 0) await new Promise((r) => setImmediate(r));
    });
    expect((await transfer!).statusCode).toBe(403);
    expect(await roles(coOwner, base)).toMatchObject({ [coOwner.id]: 'owner', [owner.id]: 'applicant', [partner.id]: 'applicant' });
  });
});

describe('colleague invitations: mail and limits', () => {
  it('a name stored with a line break (from before names were checked) reaches the e-mail on one line', async () => {
    const { hub, owner, org, base } = await company();
    await ctx.database.db.execute(
      sql`UPDATE organizations SET name_en = ${'Acme\r\nBcc: x@evil.example\nhttps://evil.example'} WHERE hub_id = ${hub.id} AND id = ${org.id}`,
    );
    const email = freshEmail('colleague');
    expect((await call(owner, 'POST', `${base}/invitations`, { email, role: 'viewer' })).statusCode).toBe(201);
    const message = (await lastMessageTo(ctx, email))!;
    expect(message.subject).toBe('Dragon Gate: join Acme Bcc: x@evil.example https://evil.example');
    expect(message.text.split('\n')[0]).toContain('act for Acme Bcc: x@evil.example https://evil.example on Dragon Gate');
  });

  it('one inviter reaches their own hourly limit; other owners of the hub still invite, up to the hub’s ceiling', async () => {
    const limited = await startTestApp({ invitationsPerHour: 2 });
    const invite = (user: TestUser, base: string) =>
      limited.app.inject(as(user, { method: 'POST', url: `${base}/invitations`, payload: { email: freshEmail(), role: 'viewer' } }));
    const hub = await createTestHub(limited);
    const companyOf = async () => {
      const owner = await createTestUser(limited);
      const org = (
        await limited.app.inject(
          as(owner, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind: 'startup', sectors: ['ai'] }) }),
        )
      ).json();
      return { owner, org, base: `/api/hubs/${hub.slug}/organizations/${org.id}` };
    };
    const attacker = await companyOf();
    const honest = await companyOf();
    expect((await invite(attacker.owner, attacker.base)).statusCode).toBe(201);
    expect((await invite(attacker.owner, attacker.base)).statusCode).toBe(201);
    const third = await invite(attacker.owner, attacker.base);
    expect([third.statusCode, third.json().error.code]).toEqual([429, 'RATE_LIMITED']);
    // A second company of the same account does not give it more.
    const second = await limited.app.inject(
      as(attacker.owner, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind: 'startup', sectors: ['ai'] }) }),
    );
    expect((await invite(attacker.owner, `/api/hubs/${hub.slug}/organizations/${second.json().id}`)).statusCode).toBe(429);
    // The honest owner is untouched.
    expect((await invite(honest.owner, honest.base)).statusCode).toBe(201);

    // The hub as a whole still has a ceiling (20 times one inviter's), for the mail it sends.
    await limited.database.db.execute(sql`
      INSERT INTO organization_invitations (hub_id, id, organization_id, email, role, token_hash, invited_by, expires_at)
      SELECT ${hub.id}, gen_random_uuid(), ${honest.org.id}, 'filler-' || n || '@test.example', 'viewer', 'filler-' || n, NULL, now() + interval '1 day'
      FROM generate_series(1, 40) n`);
    const late = await companyOf();
    expect((await invite(late.owner, late.base)).statusCode).toBe(429);
  });
});
