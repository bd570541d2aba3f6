import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { colleagueOf, memberOfAnotherCompany } from '../../test/colleague-factories.js';
import { finishedRequest, meteredWorld, inHours, USAGE_FILE_HEADER, type ComputeWorld } from '../../test/compute-factories.js';
import { as, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';

// A company's compute by the one company rule: every member reads it; only owners and
// "can apply" colleagues act for it (submit, cancel, report the provider's usage, which
// pays voucher money); a "can view" colleague is refused with 403 and nothing is written;
// a member of another company learns nothing (404).

let ctx: TestContext;
let hub: HubRow;
let provider: TestUser;
let founder: TestUser;
let world: ComputeWorld;
type Admitted = { id: string; status: string; flavor: { id: string }; start: string; end: string };

beforeAll(async () => {
  ctx = await startTestApp();
  ({ hub, provider, founder, world } = await meteredWorld(ctx));
});

const url = (path: string) => `/api/hubs/${hub.slug}/compute${path}`;
const call = (user: TestUser, method: 'GET' | 'POST', path: string, payload?: object) => ctx.app.inject(as(user, { method, url: url(path), payload }));
const codeOf = (res: { statusCode: number; json: () => { error?: { code: string } } }) => [res.statusCode, res.json().error?.code];
const org = () => world.startups[0]!.orgId;
const ask = () => ({ organizationId: org(), flavor: world.flavors[0]!.id, gpus: 1, hours: 2, earliestStart: inHours(30), deadline: inHours(60) });
const count = async (table: 'compute_requests' | 'compute_usage') =>
  (await ctx.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE hub_id = ${hub.id}`)).rows[0]!.n;
const voucherPaid = async () =>
  (await ctx.database.db.execute<{ paid: string }>(sql`SELECT sum(paid)::text AS paid FROM compute_vouchers WHERE hub_id = ${hub.id}`)).rows[0]!.paid;

describe("a company's compute and its colleagues", () => {
  it('a "can view" colleague reads the requests, usage and dashboard but may not submit or cancel (403, nothing written); a "can apply" colleague may', async () => {
    const viewer = await colleagueOf(ctx, hub, founder, org(), 'viewer');
    const applicant = await colleagueOf(ctx, hub, founder, org(), 'applicant');
    const pending = (await call(founder, 'POST', '/requests', ask())).json() as Admitted;
    expect(pending.status).toBe('pending');

    // Reading: every member.
    for (const path of [`/requests/${pending.id}`, `/queue?organizationId=${org()}`, `/usage?organizationId=${org()}`, `/dashboard?organizationId=${org()}`])
      expect((await call(viewer, 'GET', path)).statusCode, path).toBe(200);

    // Acting: 403 for the viewer, and nothing changes.
    const before = await count('compute_requests');
    expect(codeOf(await call(viewer, 'POST', '/requests', ask()))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await call(viewer, 'POST', `/requests/${pending.id}/cancel`))).toEqual([403, 'FORBIDDEN']);
    expect(await count('compute_requests')).toBe(before);
    expect((await call(viewer, 'GET', `/requests/${pending.id}`)).json().status).toBe('pending');

    // The "can apply" colleague, who did not submit it, acts for the company.
    const own = await call(applicant, 'POST', '/requests', ask());
    expect(own.statusCode, own.body).toBe(201);
    const cancelled = await call(applicant, 'POST', `/requests/${pending.id}/cancel`);
    expect([cancelled.statusCode, cancelled.json().status]).toEqual([200, 'cancelled']);
  });

  it('a member of another company gets 404 for reading and acting alike', async () => {
    const stranger = await memberOfAnotherCompany(ctx, hub);
    const pending = (await call(founder, 'POST', '/requests', ask())).json() as Admitted;
    for (const path of [`/requests/${pending.id}`, `/queue?organizationId=${org()}`, `/usage?organizationId=${org()}`, `/dashboard?organizationId=${org()}`])
      expect((await call(stranger, 'GET', path)).statusCode, path).toBe(404);
    expect(codeOf(await call(stranger, 'POST', '/requests', ask()))).toEqual([404, 'NOT_FOUND']);
    expect(codeOf(await call(stranger, 'POST', `/requests/${pending.id}/cancel`))).toEqual([404, 'NOT_FOUND']);
  });

  it('a "can view" colleague of the provider may not report usage, over the API or by file (403, nothing paid); a "can apply" colleague reports', async () => {
    const viewer = await colleagueOf(ctx, hub, provider, world.provider.id, 'viewer');
    const applicant = await colleagueOf(ctx, hub, provider, world.provider.id, 'applicant');
    const stranger = await memberOfAnotherCompany(ctx, hub);
    const r = await finishedRequest<Admitted>(ctx, founder, hub, world); // its hours are over: they may be metered
    const record = (recordId: string) => ({
      recordId,
      requestId: r.id,
      flavorId: r.flavor.id,
      gpuHours: '2',
      startedAt: r.start,
      endedAt: r.end,
      cost: '4000',
    });
    const report = (user: TestUser, recordId: string) => call(user, 'POST', '/usage', { providerId: world.provider.id, records: [record(recordId)] });
    const upload = (user: TestUser, recordId: string) =>
      ctx.app.inject(
        as(user, {
          method: 'POST',
          url: url(`/usage/upload?providerId=${world.provider.id}&format=csv`),
          payload: `${USAGE_FILE_HEADER}${recordId},${r.id},${r.flavor.id},2,${r.start},${r.end},4000,\r\n`,
          headers: { 'content-type': 'text/csv' },
        }),
      );

    const [metered, paid] = [await count('compute_usage'), await voucherPaid()];
    expect(codeOf(await report(viewer, `v-${r.id}`))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await upload(viewer, `vf-${r.id}`))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await report(stranger, `s-${r.id}`))).toEqual([404, 'NOT_FOUND']);
    expect(codeOf(await upload(stranger, `sf-${r.id}`))).toEqual([404, 'NOT_FOUND']);
    expect([await count('compute_usage'), await voucherPaid()]).toEqual([metered, paid]);

    const sent = await report(applicant, `a-${r.id}`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().results[0]).toMatchObject({ outcome: 'applied', voucherPaid: '800' });
    expect(await count('compute_usage')).toBe(metered + 1);
  });
});
