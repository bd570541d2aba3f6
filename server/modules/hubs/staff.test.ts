import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOperator, freshEmail, lastMessageTo, messagesTo, tokenSentTo } from '../../test/account-factories.js';
import { as, createTestHub, createTestUser, signIn, startTestApp, TEST_PASSWORD, type TestContext, type TestUser } from '../../test/harness.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const call = (user: TestUser | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject(as(user, { method, url, ...(payload !== undefined && { payload }) }));

async function hubWithAdmin() {
  const hub = await createTestHub(ctx);
  const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
  return { hub, admin };
}

async function auditActions(hub: HubRow): Promise<string[]> {
  const { rows } = await ctx.database.db.execute<{ action: string }>(sql`SELECT action FROM audit_events WHERE hub_id = ${hub.id} ORDER BY seq`);
  return rows.map((r) => r.action);
}

describe('inviting staff', () => {
  it('sends a one-time expiring link; a new person chooses a password and holds the roles from the next request', async () => {
    const { hub, admin } = await hubWithAdmin();
    const email = freshEmail('officer');
    const invited = await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email, roles: ['program_officer', 'finance_officer'] });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email, roles: ['finance_officer', 'program_officer'] });
    const message = await lastMessageTo(ctx, email);
    expect(message!.text).toContain(`http://localhost:3000/invitations/staff?hub=${hub.slug}&token=`);
    expect(message!.text).toMatch(/within 7 days/);
    // Named by who invites, so the person knows whether to trust it.
    expect(message!.text).toMatch(/^Test User invites you to join the staff of .* as finance officer, program officer\./);
    expect(message!.text).toContain('If you do not know Test User, ignore this message.');

    const token = await tokenSentTo(ctx, email);
    const preview = await call(null, 'GET', `/api/hubs/${hub.slug}/invitations/preview?token=${token}`);
    expect(preview.json()).toMatchObject({ email, roles: ['finance_officer', 'program_officer'], needsAccount: true });

    // A refused password leaves the link usable.
    const weak = await call(null, 'POST', `/api/hubs/${hub.slug}/invitations/accept`, { token, name: 'Olivia Officer', password: 'password' });
    expect(weak.json().error.code).toBe('PASSWORD_REJECTED');
    const noName = await call(null, 'POST', `/api/hubs/${hub.slug}/invitations/accept`, { token, password: TEST_PASSWORD });
    expect(noName.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'name', code: 'REQUIRED' }] });

    const accepted = await call(null, 'POST', `/api/hubs/${hub.slug}/invitations/accept`, { token, name: 'Olivia Officer', password: TEST_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    const officer = { id: '', email, cookie: await signIn(ctx.app, email) };
    const me = (await call(officer, 'GET', '/api/me')).json();
    expect(me.user.emailVerified).toBe(true);
    expect(me.hubs).toEqual([{ slug: hub.slug, roles: ['finance_officer', 'program_officer'] }]);

    const again = await call(null, 'POST', `/api/hubs/${hub.slug}/invitations/accept`, { token, name: 'X', password: TEST_PASSWORD });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('INVITATION_USED');
    expect(await auditActions(hub)).toEqual(expect.arrayContaining(['staff.invited', 'staff.invitation_accepted']));
  });

  it('asks an existing account to sign in as itself; an expired, unknown or withdrawn link is refused', async () => {
    const { hub, admin } = await hubWithAdmin();
    const person = await createTestUser(ctx);
    const stranger = await createTestUser(ctx);
    await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: person.email.toUpperCase(), roles: ['reviewer'] });
    const token = await tokenSentTo(ctx, person.email);
    expect((await call(null, 'GET', `/api/hubs/${hub.slug}/invitations/preview?token=${token}`)).json().needsAccount).toBe(false);
    expect((await call(null, 'POST', `/api/hubs/${hub.slug}/invitations/accept`, { token })).statusCode).toBe(401);
    expect((await call(stranger, 'POST', `/api/hubs/${hub.slug}/invitations/accept`, { token })).json().error.code).toBe('INVITATION_OTHER_ACCOUNT');
    expect((await call(person, 'POST', `/api/hubs/${hub.slug}/invitations/accept`, { token })).statusCode).toBe(200);
    expect((await call(person, 'GET', `/api/hubs/${hub.slug}/capabilities`)).json().roles).toEqual(['reviewer']);

    const late = freshEmail('late');
    await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: late, roles: ['auditor'] });
    const lateToken = await tokenSentTo(ctx, late);
    await ctx.database.db.execute(sql`UPDATE hub_invitations SET expires_at = now() - interval '1 second' WHERE hub_id = ${hub.id} AND email = ${late}`);
    const expired = await call(null, 'POST', `/api/hubs/${hub.slug}/invitations/accept`, { token: lateToken, name: 'L', password: TEST_PASSWORD });
    expect([expired.statusCode, expired.json().error.code]).toEqual([410, 'INVITATION_EXPIRED']);
    expect((await call(null, 'GET', `/api/hubs/${hub.slug}/invitations/preview?token=${'x'.repeat(43)}`)).statusCode).toBe(404);

    const withdrawn = freshEmail('withdrawn');
    const inv = (await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: withdrawn, roles: ['auditor'] })).json();
    const withdrawnToken = await tokenSentTo(ctx, withdrawn);
    expect((await call(admin, 'GET', `/api/hubs/${hub.slug}/staff/invitations`)).json().items.map((i: { email: string }) => i.email)).toContain(withdrawn);
    expect((await call(admin, 'DELETE', `/api/hubs/${hub.slug}/staff/invitations/${inv.id}`)).statusCode).toBe(204);
    expect((await call(null, 'GET', `/api/hubs/${hub.slug}/invitations/preview?token=${withdrawnToken}`)).json().error.code).toBe('INVITATION_USED');
  });

  it('refuses an address already holding the roles, a role that does not exist, and a caller who is not the admin of this hub', async () => {
    const { hub, admin } = await hubWithAdmin();
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const before = await messagesTo(ctx, officer.email);
    const holds = await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: officer.email, roles: ['program_officer'] });
    expect([holds.statusCode, holds.json().error.code]).toEqual([409, 'ALREADY_HOLDS_ROLE']);
    expect(await messagesTo(ctx, officer.email)).toBe(before);

    const bad = await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: freshEmail(), roles: ['mayor'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'roles.0', code: 'INVALID_OPTION' });
    const noRoles = await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: freshEmail(), roles: [] });
    expect(noRoles.json().error.fields[0].path).toBe('roles');

    const other = await hubWithAdmin();
    const target = freshEmail();
    expect((await call(officer, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: target, roles: ['reviewer'] })).statusCode).toBe(404);
    expect((await call(other.admin, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: target, roles: ['reviewer'] })).statusCode).toBe(404);
    expect((await call(other.admin, 'GET', `/api/hubs/${hub.slug}/staff`)).statusCode).toBe(404);
    expect((await call(null, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: target, roles: ['reviewer'] })).statusCode).toBe(401);
    expect(await messagesTo(ctx, target)).toBe(0);

    const auditor = await createTestUser(ctx, { hub, roles: ['auditor'] });
    expect((await call(auditor, 'GET', `/api/hubs/${hub.slug}/staff`)).statusCode).toBe(200);
    expect((await call(auditor, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: target, roles: ['reviewer'] })).statusCode).toBe(403);
  });

  it('limits how many invitations a hub sends an hour', async () => {
    const limited = await startTestApp({ invitationsPerHour: 2 });
    const hub = await createTestHub(limited);
    const admin = await createTestUser(limited, { hub, roles: ['hub_admin'] });
    const invite = () =>
      limited.app.inject(as(admin, { method: 'POST', url: `/api/hubs/${hub.slug}/staff/invitations`, payload: { email: freshEmail(), roles: ['reviewer'] } }));
    expect((await invite()).statusCode).toBe(201);
    expect((await invite()).statusCode).toBe(201);
    const third = await invite();
    expect([third.statusCode, third.json().error.code]).toEqual([429, 'RATE_LIMITED']);
  });
});

describe('roles and suspensions', () => {
  it('lists the staff with roles and last sign-in; never the operator', async () => {
    const { hub, admin } = await hubWithAdmin();
    const operator = await createOperator(ctx);
    expect((await call(operator, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: freshEmail(), roles: ['hub_admin'] })).statusCode).toBe(201);
    // The operator appoints admins only; the admins appoint everyone else.
    expect((await call(operator, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: freshEmail(), roles: ['program_officer'] })).statusCode).toBe(403);
    const staff = (await call(admin, 'GET', `/api/hubs/${hub.slug}/staff`)).json();
    expect(staff.items).toHaveLength(1);
    expect(staff.items[0]).toMatchObject({ userId: admin.id, roles: ['hub_admin'], suspended: false, twoFactor: false });
    expect(Date.parse(staff.items[0].lastSignInAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(staff.next).toBeNull();
  });

  it('grants and revokes a role, effective on the very next request, and audits both', async () => {
    const { hub, admin } = await hubWithAdmin();
    const reviewer = await createTestUser(ctx, { hub, roles: ['reviewer'] });

    expect((await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/${reviewer.id}/roles`, { role: 'finance_officer' })).statusCode).toBe(204);
    expect((await call(reviewer, 'GET', `/api/hubs/${hub.slug}/capabilities`)).json().actions.budget.write).toBe(true);
    expect((await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/${reviewer.id}/roles`, { role: 'finance_officer' })).json().error.code).toBe(
      'ALREADY_HOLDS_ROLE',
    );
    expect((await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/${reviewer.id}/roles`, { role: 'king' })).statusCode).toBe(400);

    expect((await call(admin, 'DELETE', `/api/hubs/${hub.slug}/staff/${reviewer.id}/roles/finance_officer`)).statusCode).toBe(204);
    expect((await call(reviewer, 'GET', `/api/hubs/${hub.slug}/capabilities`)).json().actions.budget.write).toBe(false);
    expect((await call(admin, 'DELETE', `/api/hubs/${hub.slug}/staff/${reviewer.id}/roles/finance_officer`)).statusCode).toBe(404);
    expect(await auditActions(hub)).toEqual(expect.arrayContaining(['hub.role_granted', 'hub.role_revoked']));

    // Someone outside the staff gets roles by invitation only.
    const outsider = await createTestUser(ctx);
    expect((await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/${outsider.id}/roles`, { role: 'auditor' })).statusCode).toBe(404);
  });

  it('keeps the last admin: neither revoked nor suspended, even when two admins remove each other at once', async () => {
    const { hub, admin } = await hubWithAdmin();
    const alone = await call(admin, 'DELETE', `/api/hubs/${hub.slug}/staff/${admin.id}/roles/hub_admin`);
    expect([alone.statusCode, alone.json().error.code]).toEqual([409, 'LAST_ADMIN']);
    expect((await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/${admin.id}/suspension`)).json().error.code).toBe('LAST_ADMIN');

    const second = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const results = await Promise.all([
      call(admin, 'DELETE', `/api/hubs/${hub.slug}/staff/${second.id}/roles/hub_admin`),
      call(second, 'DELETE', `/api/hubs/${hub.slug}/staff/${admin.id}/roles/hub_admin`),
    ]);
    // One wins; the other, no longer an admin (404) or about to remove the last one (409), changes nothing.
    expect(results.filter((r) => r.statusCode === 204)).toHaveLength(1);
    expect(results.map((r) => r.statusCode).filter((s) => s !== 204)[0]).toBeOneOf([404, 409]);
    const { rows } = await ctx.database.db.execute(sql`SELECT user_id FROM hub_role_grants WHERE hub_id = ${hub.id} AND role = 'hub_admin'`);
    expect(rows).toHaveLength(1);
  });

  it('suspends and restores access to the hub from the next request; the grants stay', async () => {
    const { hub, admin } = await hubWithAdmin();
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const people = () => call(officer, 'GET', `/api/hubs/${hub.slug}/people`);
    expect((await people()).statusCode).toBe(200);
    expect((await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/${officer.id}/suspension`)).statusCode).toBe(204);
    expect((await people()).statusCode).toBe(404);
    const caps = (await call(officer, 'GET', `/api/hubs/${hub.slug}/capabilities`)).json();
    expect(caps).toMatchObject({ roles: [], suspended: true });
    expect(caps.sections).not.toContain('people');
    expect((await call(officer, 'GET', '/api/me')).json().hubs).toEqual([]);
    const listed = (await call(admin, 'GET', `/api/hubs/${hub.slug}/staff`)).json().items.find((m: { userId: string }) => m.userId === officer.id);
    expect(listed).toMatchObject({ suspended: true, roles: ['program_officer'] });

    expect((await call(admin, 'DELETE', `/api/hubs/${hub.slug}/staff/${officer.id}/suspension`)).statusCode).toBe(204);
    expect((await people()).statusCode).toBe(200);
    expect(await auditActions(hub)).toEqual(expect.arrayContaining(['staff.suspended', 'staff.restored']));
    // Only admins manage staff.
    expect((await call(officer, 'POST', `/api/hubs/${hub.slug}/staff/${admin.id}/suspension`)).statusCode).toBe(404);
  });
});

describe('paging the staff', () => {
  it('pages the staff and the invitations with limit + next', async () => {
    const { hub, admin } = await hubWithAdmin();
    for (let i = 0; i < 2; i++) await createTestUser(ctx, { hub, roles: ['reviewer'] });
    for (let i = 0; i < 3; i++) await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: freshEmail(), roles: ['auditor'] });
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const page: { items: { userId: string }[]; next: string | null } = (
        await call(admin, 'GET', `/api/hubs/${hub.slug}/staff?limit=2${next ? `&next=${next}` : ''}`)
      ).json();
      seen.push(...page.items.map((m) => m.userId));
      next = page.next;
    } while (next);
    expect(new Set(seen).size).toBe(3);
    const first = (await call(admin, 'GET', `/api/hubs/${hub.slug}/staff/invitations?limit=2`)).json();
    const second = (await call(admin, 'GET', `/api/hubs/${hub.slug}/staff/invitations?limit=2&next=${first.next}`)).json();
    expect([first.items.length, second.items.length, second.next]).toEqual([2, 1, null]);
    expect((await call(admin, 'GET', `/api/hubs/${hub.slug}/staff?next=bad!`)).json().error.fields[0].path).toBe('next');
  });

  it('finds people by part of their name or e-mail, a page at a time; like-wildcards are plain text', async () => {
    const { hub, admin } = await hubWithAdmin();
    const officers = [];
    for (let i = 0; i < 3; i++) officers.push(await createTestUser(ctx, { hub, roles: ['program_officer'] }));
    const find = async (q: string, limit = 50, next?: string) =>
      (await call(admin, 'GET', `/api/hubs/${hub.slug}/staff?limit=${limit}&q=${encodeURIComponent(q)}${next ? `&next=${next}` : ''}`)).json();

    const one = officers[1]!.email.slice(2, 14).toUpperCase();
    expect((await find(one)).items.map((m: { userId: string }) => m.userId)).toEqual([officers[1]!.id]);
    const first = await find('@test.example', 2);
    const second = await find('@test.example', 2, first.next);
    expect(new Set([...first.items, ...second.items].map((m: { userId: string }) => m.userId)).size).toBe(4);
    expect(second.next).toBeNull();
    expect((await find('%')).items).toEqual([]);
    expect((await find('_')).items).toEqual([]);
    const tooLong = await call(admin, 'GET', `/api/hubs/${hub.slug}/staff?q=${'x'.repeat(101)}`);
    expect([tooLong.statusCode, tooLong.json().error.fields[0].path]).toEqual([400, 'q']);
  });
});

describe('one hub only', () => {
  it("lets a hub's admin change nobody in another hub: every staff write there is 404 and nothing changes", async () => {
    const mine = await hubWithAdmin();
    const theirs = await hubWithAdmin();
    const theirOfficer = await createTestUser(ctx, { hub: theirs.hub, roles: ['program_officer'] });
    const before = await auditActions(theirs.hub);
    const attempts = [
      // Through the other hub's address: not their hub.
      call(mine.admin, 'POST', `/api/hubs/${theirs.hub.slug}/staff/${theirOfficer.id}/roles`, { role: 'auditor' }),
      call(mine.admin, 'DELETE', `/api/hubs/${theirs.hub.slug}/staff/${theirOfficer.id}/roles/program_officer`),
      call(mine.admin, 'DELETE', `/api/hubs/${theirs.hub.slug}/staff/${theirs.admin.id}/roles/hub_admin`),
      call(mine.admin, 'POST', `/api/hubs/${theirs.hub.slug}/staff/${theirOfficer.id}/suspension`),
      call(mine.admin, 'GET', `/api/hubs/${theirs.hub.slug}/staff/invitations`),
      // Through their own hub's address, naming a person of the other hub.
      call(mine.admin, 'POST', `/api/hubs/${mine.hub.slug}/staff/${theirOfficer.id}/roles`, { role: 'auditor' }),
      call(mine.admin, 'DELETE', `/api/hubs/${mine.hub.slug}/staff/${theirOfficer.id}/roles/program_officer`),
      call(mine.admin, 'POST', `/api/hubs/${mine.hub.slug}/staff/${theirOfficer.id}/suspension`),
    ];
    expect((await Promise.all(attempts)).map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    // Nothing changed: the only new events are the refusals themselves (audited since 三员分立).
    expect((await auditActions(theirs.hub)).filter((a) => a !== 'access.refused')).toEqual(before);
    const officerCaps = (await call(theirOfficer, 'GET', `/api/hubs/${theirs.hub.slug}/capabilities`)).json();
    expect([officerCaps.roles, officerCaps.suspended]).toEqual([['program_officer'], false]);
    expect((await call(mine.admin, 'GET', `/api/hubs/${mine.hub.slug}/staff?q=${encodeURIComponent(theirOfficer.email)}`)).json().items).toEqual([]);
  });
});
