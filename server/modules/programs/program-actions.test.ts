import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgramAction } from '../../../contracts/allowed-actions.js';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { computeVoucherDraft, contractAnswers } from '../../test/program-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('a program’s allowedActions', () => {
  it('match what the routes allow, for a draft, a published program and one whose window has closed', async () => {
    const hub = await createTestHub(ctx);
    await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n }, 1_000_000_000_000n);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const auditor = await createTestUser(ctx, { hub, roles: ['auditor'] });
    const founder = await createTestUser(ctx);
    const org = (
      await ctx.app.inject(as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ sectors: ['ai'] }) }))
    ).json();
    const url = (id: string) => `/api/hubs/${hub.slug}/programs/${id}`;
    const flags = async (user: TestUser | null, id: string) => {
      const res = await ctx.app.inject(as(user, { method: 'GET', url: url(id) }));
      return res.statusCode === 200 ? (res.json().allowedActions as ProgramAction[]) : res.statusCode;
    };
    const edit = (user: TestUser, id: string) =>
      ctx.app.inject(as(user, { method: 'PUT', url: url(id), payload: computeVoucherDraft({ name: { zh: '改', en: 'Changed' } }) }));
    const publish = (user: TestUser, id: string) => ctx.app.inject(as(user, { method: 'POST', url: `${url(id)}/publish` }));
    const apply = (user: TestUser, id: string) =>
      ctx.app.inject(as(user, { method: 'POST', url: `${url(id)}/applications`, payload: { organizationId: org.id, answers: contractAnswers('1000000') } }));

    const draft = (await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: computeVoucherDraft() }))).json();
    expect(draft.allowedActions).toEqual(['edit', 'publish', 'readApplications']);
    expect(await flags(auditor, draft.id)).toEqual(['readApplications']);
    expect(await flags(founder, draft.id)).toBe(404);
    expect(await flags(null, draft.id)).toBe(401);
    expect([403, 404]).toContain((await edit(auditor, draft.id)).statusCode);
    expect([403, 404]).toContain((await publish(auditor, draft.id)).statusCode);
    expect((await apply(founder, draft.id)).statusCode).toBeGreaterThanOrEqual(400);
    expect((await edit(officer, draft.id)).statusCode).toBe(200);
    expect((await publish(officer, draft.id)).statusCode).toBe(200);

    // Published and open: anyone signed in may apply; the public reads it and may do nothing.
    expect(await flags(officer, draft.id)).toEqual(['edit', 'apply', 'readApplications', 'runMatching', 'inviteMatched']);
    expect(await flags(founder, draft.id)).toEqual(['apply']);
    expect(await flags(null, draft.id)).toEqual([]);
    // The hub's auditor reads the applications and applies for nothing (三员分立), unless it also holds a working role.
    expect(await flags(auditor, draft.id)).toEqual(['readApplications']);
    expect([403, 404]).toContain((await apply(auditor, draft.id)).statusCode);
    const auditingOfficer = await createTestUser(ctx, { hub, roles: ['auditor', 'program_officer'] });
    expect(await flags(auditingOfficer, draft.id)).toEqual(['edit', 'apply', 'readApplications', 'runMatching', 'inviteMatched']);
    // Matching and inviting: the officer's, as the routes say; the auditor is refused both.
    const runMatching = (user: TestUser) =>
      ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/matches/run`, payload: { programId: draft.id } }));
    const invite = (user: TestUser) => ctx.app.inject(as(user, { method: 'POST', url: `${url(draft.id)}/invitations` }));
    expect((await runMatching(auditor)).statusCode).toBe(403);
    expect((await invite(auditor)).statusCode).toBe(403);
    expect((await runMatching(officer)).statusCode).toBe(200);
    expect((await invite(officer)).statusCode).toBe(200);
    expect([403, 404]).toContain((await edit(founder, draft.id)).statusCode);
    expect([403, 404]).toContain((await publish(founder, draft.id)).statusCode);
    const applied = await apply(founder, draft.id);
    expect(applied.statusCode, applied.body).toBe(201);
    // Staff list every application of the program; the applicant only their own.
    const listed = async (user: TestUser) =>
      (await ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/applications?program=${draft.id}` }))).json().items.length;
    expect(await listed(auditor)).toBe(1);
    expect(await listed(await createTestUser(ctx))).toBe(0);

    // Closed window: nobody may apply, and applying is refused.
    const closed = (
      await ctx.app.inject(
        as(officer, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/programs`,
          payload: computeVoucherDraft({ window: { opensOn: '2020-01-01', closesOn: '2020-12-31' } }),
        }),
      )
    ).json();
    expect((await publish(officer, closed.id)).statusCode).toBe(200);
    expect(await flags(founder, closed.id)).toEqual([]);
    expect((await apply(founder, closed.id)).statusCode).toBeGreaterThanOrEqual(400);
  });
});
