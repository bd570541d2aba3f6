import { beforeAll, describe, expect, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { computeVoucherDraft } from '../../test/program-factories.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const call = (user: TestUser | null, hub: HubRow, method: 'GET' | 'POST', path: string, payload?: object) =>
  ctx.app.inject(as(user, { method, url: `/api/hubs/${hub.slug}${path}`, ...(payload ? { payload } : {}) }));

/** A hub with an officer and a program drafted (not published) by them. */
async function hubWithDraft() {
  const hub = await createTestHub(ctx);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const created = await call(officer, hub, 'POST', '/programs', computeVoucherDraft());
  expect(created.statusCode).toBe(201);
  return { hub, officer, draft: created.json() as { id: string } };
}

/** A draft program, and another hub's program, are as absent as a missing one to whoever may not read them. */
describe('a program that is not there for the caller', () => {
  it('applying to a draft answers 404 as applying to a missing program does, not 409 PROGRAM_NOT_OPEN', async () => {
    const { hub, draft } = await hubWithDraft();
    const founder = await createTestUser(ctx);
    const org = (await call(founder, hub, 'POST', '/organizations', organizationInput({ kind: 'startup', sectors: ['ai'] }))).json() as { id: string };
    const apply = (id: string) =>
      call(founder, hub, 'POST', `/programs/${id}/applications`, {
        organizationId: org.id,
        answers: { contract_number: 'C-1', contract_amount: '100', chips: 'domestic' },
      });
    const toDraft = await apply(draft.id);
    expect([toDraft.statusCode, toDraft.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await apply(crypto.randomUUID())).statusCode).toBe(404);
  });

  it('another hub’s program named in a filter answers 404, not an empty list', async () => {
    const { hub, officer } = await hubWithDraft();
    const other = await hubWithDraft();
    for (const path of [`/applications?program=${other.draft.id}`, `/matches?program=${other.draft.id}`]) {
      const res = await call(officer, hub, 'GET', path);
      expect([path, res.statusCode]).toEqual([path, 404]);
    }
    // Its own program in the filter is a list.
    const own = await hubWithDraft();
    expect((await call(own.officer, own.hub, 'GET', `/applications?program=${own.draft.id}`)).statusCode).toBe(200);
  });
});
