import { beforeAll, describe, expect, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const capabilities = async (user: TestUser | null, hub: string) =>
  (await ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub}/capabilities` }))).json();

describe('capabilities: what the server says a person may do', () => {
  it('gives each role its menus and actions, straight from the policies', async () => {
    const hub = await createTestHub(ctx);
    const [admin, officer, finance, auditor, founder] = await Promise.all([
      createTestUser(ctx, { hub, roles: ['hub_admin'] }),
      createTestUser(ctx, { hub, roles: ['program_officer'] }),
      createTestUser(ctx, { hub, roles: ['finance_officer'] }),
      createTestUser(ctx, { hub, roles: ['auditor'] }),
      createTestUser(ctx),
    ]);
    const a = await capabilities(admin, hub.slug);
    expect(a.sections).toEqual(expect.arrayContaining(['staff', 'settings', 'budget', 'import', 'people']));
    expect(a.actions.staff).toEqual({ read: true, invite: true, manage: true });

    const o = await capabilities(officer, hub.slug);
    expect(o.sections).toEqual(expect.arrayContaining(['people', 'import', 'budget']));
    expect(o.sections).not.toContain('staff');
    expect(o.actions).toMatchObject({ programs: { create: true }, budget: { read: true, write: false }, applications: { decide: true, pay: false } });

    const f = await capabilities(finance, hub.slug);
    expect(f.sections).not.toContain('import');
    expect(f.actions).toMatchObject({ budget: { read: true, write: true }, applications: { pay: true, decide: false }, programs: { create: false } });

    // The read-only auditor reads, registers nothing, manages no one.
    const au = await capabilities(auditor, hub.slug);
    expect(au.actions.organizations.create).toBe(false);
    expect(au.actions.staff).toEqual({ read: true, invite: false, manage: false });
    expect(au.sections).not.toContain('settings');
    expect(au.sections).toContain('audit');
    expect(au.actions.audit).toEqual({ read: true });
    expect(a.sections).not.toContain('audit');
    const register = await ctx.app.inject(as(auditor, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput() }));
    expect(register.statusCode).toBe(403);

    const fo = await capabilities(founder, hub.slug);
    expect(fo).toMatchObject({ roles: [], suspended: false, operator: false, emailVerified: true });
    expect(fo.sections).toEqual(['organizations', 'talent-pipeline', 'compare', 'search', 'programs', 'applications', 'stays']);
    expect(fo.actions.organizations.create).toBe(true);

    const anonymous = await capabilities(null, hub.slug);
    expect(anonymous).toMatchObject({ signedIn: false, sections: ['programs'] });
  });

  it('says who opens stations, edits the talent catalogue, rotates its keys, reads people and decides claims to records; the routes refuse whoever it leaves out', async () => {
    const hub = await createTestHub(ctx, { districts: [{ code: 'gongshu', name: { zh: '拱墅区', en: 'Gongshu' } }] });
    const [admin, security, officer, manager, auditor, graduate] = await Promise.all([
      createTestUser(ctx, { hub, roles: ['hub_admin'] }),
      createTestUser(ctx, { hub, roles: ['security_admin'] }),
      createTestUser(ctx, { hub, roles: ['program_officer'] }),
      createTestUser(ctx, { hub, roles: ['station_manager'] }),
      createTestUser(ctx, { hub, roles: ['auditor'] }),
      createTestUser(ctx),
    ]);
    const desk = async (user: TestUser) => {
      const { actions, sections } = await capabilities(user, hub.slug);
      const claims = sections.includes('identity-claims');
      return { stations: actions.stations, talent: actions.talent, people: actions.people, import: actions.organizations.import, claims };
    };
    const on = (stationsOpen: [boolean, boolean], talent: [boolean, boolean, boolean, boolean, boolean], people: [boolean, boolean], importing: boolean) => ({
      stations: expect.objectContaining({ open: stationsOpen[0], anyDesk: stationsOpen[1] }),
      talent: { read: talent[0], assess: talent[1], editCatalogue: talent[2], rotateKeys: talent[3], resolveClaims: talent[4] },
      people: { read: people[0], create: people[1] },
      import: importing,
      // The claims page is in the menu of whoever may list the claims.
      claims: talent[0],
    });
    // Key rotation is the security admin's alone (三员分立), not the hub admin's. Any station's
    // desk is the auditor's, who opens none; the hub admin administers the stations instead.
    expect(await desk(admin)).toEqual(on([true, false], [true, true, true, false, true], [true, true], true));
    // People and their assessments are personal data: not the security admin's nor a station desk's to read.
    expect((await desk(security)).talent).toEqual({ read: false, assess: false, editCatalogue: false, rotateKeys: true, resolveClaims: false });
    expect(await desk(officer)).toEqual(on([false, false], [true, true, true, false, true], [true, true], true));
    expect(await desk(manager)).toEqual(on([false, false], [false, false, false, false, false], [false, false], false));
    expect(await desk(auditor)).toEqual(on([false, true], [true, false, false, false, false], [true, false], false));
    expect(await desk(graduate)).toEqual(on([false, false], [false, false, false, false, false], [false, false], false));

    // What is not listed is refused by the route itself.
    const station = {
      name: { zh: '驿站', en: 'Station' },
      address: { zh: '杭州', en: 'Hangzhou' },
      district: 'gongshu',
      rules: {},
      opensOn: '2030-01-01',
      rooms: [{ name: '101', beds: 2 }],
    };
    const open = (user: TestUser) => ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/stays/stations`, payload: station }));
    const rotate = (user: TestUser) => ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/talent/signing-keys/rotate` }));
    const claim = `/api/hubs/${hub.slug}/talent/identity-claims`;
    const decide = (user: TestUser) =>
      ctx.app.inject(as(user, { method: 'POST', url: `${claim}/01a2373f-0000-7000-8000-000000000099/decision`, payload: { decision: 'approved' } }));
    for (const user of [officer, manager, auditor]) {
      expect([403, 404]).toContain((await open(user)).statusCode);
      expect([403, 404]).toContain((await rotate(user)).statusCode);
    }
    // Whoever may decide passes the policy and finds no such claim; the auditor reads claims but
    // may not decide them; whoever may not read them finds nothing there.
    for (const user of [admin, officer]) expect((await decide(user)).statusCode).toBe(404);
    expect((await decide(auditor)).statusCode).toBe(403);
    for (const user of [security, manager, graduate]) {
      expect((await decide(user)).statusCode).toBe(404);
      expect((await ctx.app.inject(as(user, { method: 'GET', url: claim }))).statusCode).toBe(404);
    }
    expect((await ctx.app.inject(as(auditor, { method: 'GET', url: claim }))).statusCode).toBe(200);
    expect((await open(admin)).statusCode).toBe(201);
    expect((await rotate(admin)).statusCode).toBe(403);
    expect((await rotate(security)).statusCode).toBeLessThan(300);
  });

  it('offers an account that is only the hub’s auditor nothing that writes; one that also holds a working role keeps that role’s', async () => {
    const hub = await createTestHub(ctx);
    const [auditor, auditingOfficer] = await Promise.all([
      createTestUser(ctx, { hub, roles: ['auditor'] }),
      createTestUser(ctx, { hub, roles: ['auditor', 'program_officer'] }),
    ]);
    // The flags that change nothing: reading, listing, exporting, the station desk's view.
    const reads = new Set([
      'organizations.listAll',
      'organizations.export',
      'people.read',
      'programs.readDrafts',
      'applications.listAll',
      'budget.read',
      'obligations.read',
      'stations.run',
      'stations.anyDesk',
      'talent.read',
      'staff.read',
      'hub.readSecurity',
      'audit.read',
    ]);
    const offered = (actions: Record<string, Record<string, boolean>>) =>
      Object.entries(actions).flatMap(([area, flags]) =>
        Object.keys(flags)
          .filter((flag) => flags[flag])
          .map((flag) => `${area}.${flag}`),
      );
    const au = await capabilities(auditor, hub.slug);
    expect(offered(au.actions).filter((flag) => !reads.has(flag))).toEqual([]);
    expect(offered(au.actions)).toEqual(expect.arrayContaining(['budget.read', 'staff.read', 'applications.listAll']));
    // Any signed-in person registers companies, applies and books; the auditor's account does none of it.
    expect(au.actions).toMatchObject({ organizations: { create: false }, applications: { submit: false }, stations: { book: false } });
    // Usage files: the compute operator's (and a provider's own credential), not the auditor's.
    const operator = await createTestUser(ctx, { hub, roles: ['compute_operator'] });
    expect((await capabilities(operator, hub.slug)).actions.compute).toEqual({ manage: true, reportUsage: true });
    expect(au.actions.compute).toEqual({ manage: false, reportUsage: false });
    const both = await capabilities(auditingOfficer, hub.slug);
    expect(both.actions).toMatchObject({ programs: { create: true }, organizations: { create: true }, applications: { submit: true, decide: true } });
  });

  it('answers 404 for a hub that does not exist', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/hubs/no-such-hub/capabilities' })).statusCode).toBe(404);
  });

  it("shows the hub's sign-in rules to those who keep them (hub and security admins) and to auditors, read-only", async () => {
    const hub = await createTestHub(ctx);
    const [admin, security, auditor, officer] = await Promise.all([
      createTestUser(ctx, { hub, roles: ['hub_admin'] }),
      createTestUser(ctx, { hub, roles: ['security_admin'] }),
      createTestUser(ctx, { hub, roles: ['auditor'] }),
      createTestUser(ctx, { hub, roles: ['program_officer'] }),
    ]);
    const rules = async (user: TestUser) => {
      const { sections, actions } = await capabilities(user, hub.slug);
      return { shown: sections.includes('security'), read: actions.hub.readSecurity, update: actions.hub.updateSecurity };
    };
    expect(await rules(admin)).toEqual({ shown: true, read: true, update: true });
    expect(await rules(security)).toEqual({ shown: true, read: true, update: true });
    expect(await rules(auditor)).toEqual({ shown: true, read: true, update: false });
    expect(await rules(officer)).toEqual({ shown: false, read: false, update: false });
    // As the routes do.
    const url = `/api/hubs/${hub.slug}/security`;
    const payload = { twoFactorRoles: [], idleMinutes: 30, absoluteHours: null };
    expect((await ctx.app.inject(as(security, { method: 'PUT', url, payload }))).statusCode).toBe(200);
    expect((await ctx.app.inject(as(auditor, { method: 'GET', url }))).statusCode).toBe(200);
    expect((await ctx.app.inject(as(auditor, { method: 'PUT', url, payload }))).statusCode).toBe(403);
    expect((await ctx.app.inject(as(officer, { method: 'GET', url }))).statusCode).toBe(404);
  });
});
