import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgramDraft } from '../../../contracts/applications.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { fundedYear } from '../../test/budget-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { rentProgramDraft, wuchangRules } from '../../../contracts/test-fixtures/rent-programs.js';
import { signSubsidisedLease, spaceOrgs, spacePark } from '../../test/space-factories.js';
import type { RentRules } from '../programs/rent-subsidy.js';
import { spaceLeaseSteps } from './spaces.tables.js';

// An officer edits a rent-subsidy program's formula (the editor's rows become the
// versioned formula): what does not fit is a 400 naming the field in both languages and
// writes nothing; what does changes the subsidy of the next lease signed under it.

let ctx: TestContext;
let hub: HubRow;
let officer: TestUser;
beforeAll(async () => {
  ctx = await startTestApp();
  hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'rent-subsidy': 100_000_000n });
  officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
});

const base = () => `/api/hubs/${hub.slug}/programs`;
const send = (method: 'POST' | 'PUT', url: string, payload: object, lang = 'en-US') =>
  ctx.app.inject(as(officer, { method, url, payload, headers: { 'accept-language': lang } }));
const withRules = (rules: Partial<RentRules>, draft: Partial<ProgramDraft> = {}): ProgramDraft => {
  const d = rentProgramDraft('Edited rent', { ...wuchangRules, ...rules });
  return { ...d, ...draft };
};

async function signLease(programId: string): Promise<string> {
  const park = await spacePark(ctx.database.db, hub, { buildings: 1, floors: 1, units: 1 });
  const [org] = await spaceOrgs(ctx.database.db, hub, 1);
  const lease = await signSubsidisedLease(ctx.database.db, hub, {
    programId,
    organizationId: org!,
    units: park.units,
    startsOn: '2027-01-01',
    endsOn: '2029-01-01',
    monthlyRent: '600000',
  });
  return lease.id;
}

async function subsidyOf(leaseId: string): Promise<string[]> {
  const steps = await ctx.database.db
    .select({ subsidy: spaceLeaseSteps.monthlySubsidy })
    .from(spaceLeaseSteps)
    .where(and(eq(spaceLeaseSteps.hubId, hub.id), eq(spaceLeaseSteps.leaseId, leaseId)))
    .orderBy(asc(spaceLeaseSteps.seq));
  return steps.map((s) => s.subsidy.toString());
}

describe('editing a rent-subsidy formula', () => {
  it('bad rows are a 400 naming the field, in both languages, and save nothing', async () => {
    const created = await send('POST', base(), withRules({}));
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json() as { id: string; version: number };
    const extension = {
      years: [{ basisPoints: 10_000 }],
      withinMonths: 12,
      criterion: { key: 'raised', name: { zh: '融资', en: 'Raised' }, expression: 'facts.fundingRaised >=', reason: { zh: '未达到', en: 'Not yet' } },
    };
    const cases: [object, string, string][] = [
      [withRules({ years: [{ basisPoints: 12_000 }] }), 'rules.benefit.years.0.basisPoints', ''],
      [withRules({ years: [] }), 'rules.benefit.years', ''],
      [withRules({ capPerSquareMetreMonth: '-1' }), 'rules.benefit.capPerSquareMetreMonth', ''],
      [withRules({ capArea: 0 }), 'rules.benefit.capArea', ''],
      [withRules({ extension: { ...extension, withinMonths: 0 } }), 'rules.benefit.extension.withinMonths', ''],
      [withRules({ extension }), 'rules.benefit.extension.criterion.expression', 'INVALID_EXPRESSION'],
      [withRules({}, { kind: 'subsidy' }), 'rules.benefit.type', 'INVALID'],
    ];
    for (const [payload, path, code] of cases) {
      for (const lang of ['en-US', 'zh-CN']) {
        const res = await send('PUT', `${base()}/${id}`, payload, lang);
        expect(res.statusCode, `${path} ${res.body}`).toBe(400);
        const field = (res.json().error.fields as { path: string; code: string; message: string }[]).find((f) => f.path === path);
        expect(field, `${path} ${res.body}`).toBeDefined();
        if (code) expect(field!.code).toBe(code);
        expect(field!.message).toMatch(lang === 'zh-CN' ? /[\u4e00-\u9fff]/ : /^[\x20-\x7e’]+$/);
      }
    }
    const after = await ctx.app.inject(as(officer, { method: 'GET', url: `${base()}/${id}` }));
    expect(after.json()).toMatchObject({ version, rules: { benefit: { years: wuchangRules.years } } });
  });

  it('edited rows change the subsidy of a new lease (a new version); leases signed before keep theirs', async () => {
    const created = await send('POST', base(), withRules({}));
    const { id } = created.json() as { id: string };
    expect((await send('POST', `${base()}/${id}/publish`, {})).statusCode).toBe(200);
    // Wuchang as seeded: year 1 all of CNY 6,000 (the unit is under the caps), year 2 half.
    const before = await signLease(id);
    expect(await subsidyOf(before)).toEqual(['600000', '300000']);

    // The officer's rows: year 1 at 50%, year 2 at 25%, at most CNY 1 a m² a month.
    const edited = await send('PUT', `${base()}/${id}`, withRules({ years: [{ basisPoints: 5_000 }, { basisPoints: 2_500 }] }));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);
    expect(await subsidyOf(await signLease(id))).toEqual(['300000', '150000']);

    const capped = await send('PUT', `${base()}/${id}`, withRules({ years: [{ basisPoints: 10_000 }], capPerSquareMetreMonth: '100', capArea: 50 }));
    expect(capped.statusCode, capped.body).toBe(200);
    // One year only, at most CNY 1 x 50 m² a month; nothing in year 2.
    expect(await subsidyOf(await signLease(id))).toEqual(['5000', '0']);
    expect(await subsidyOf(before)).toEqual(['600000', '300000']);
  });
});
