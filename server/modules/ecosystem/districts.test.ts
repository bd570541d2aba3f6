import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorMessages } from '../../../contracts/error-messages.js';
import { organizationInput, validUscc } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { combinedColumns } from './exchange/columns.js';
import { csvLine } from './exchange/csv.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const DISTRICTS = [
  { code: 'xihu', name: { zh: '西湖区', en: 'Xihu' } },
  { code: 'binjiang', name: { zh: '滨江区', en: 'Binjiang' } },
];

/** A hub whose admin has set its list of districts through the settings route. */
async function hubWithDistricts(): Promise<{ hub: HubRow; admin: TestUser }> {
  const hub = await createTestHub(ctx);
  const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
  const current = (await ctx.app.inject(as(admin, { method: 'GET', url: `/api/hubs/${hub.slug}` }))).json();
  const { slug: _slug, archived: _archived, districts: _none, ...settings } = current;
  // The same code twice is refused, naming the list.
  const twice = await ctx.app.inject(
    as(admin, { method: 'PUT', url: `/api/hubs/${hub.slug}/settings`, payload: { ...settings, districts: [DISTRICTS[0], DISTRICTS[0]] } }),
  );
  expect(twice.statusCode).toBe(400);
  expect(twice.json().error.fields[0]).toMatchObject({ path: 'districts', code: 'TAKEN' });
  const saved = await ctx.app.inject(as(admin, { method: 'PUT', url: `/api/hubs/${hub.slug}/settings`, payload: { ...settings, districts: DISTRICTS } }));
  expect(saved.statusCode, saved.body).toBe(200);
  expect(saved.json().districts).toEqual(DISTRICTS);
  // Settings sent without the list (an older form) leave it as it is.
  const kept = await ctx.app.inject(as(admin, { method: 'PUT', url: `/api/hubs/${hub.slug}/settings`, payload: settings }));
  expect(kept.json().districts).toEqual(DISTRICTS);
  return { hub, admin };
}

const orgCount = async (hub: HubRow, uscc: string) =>
  (await ctx.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM organizations WHERE hub_id = ${hub.id} AND uscc = ${uscc}`)).rows[0]!.n;

describe('districts of organisations', () => {
  it('an organisation says its district from the hub’s list; an unknown one is a 400 on the field in both languages, with nothing written', async () => {
    const { hub } = await hubWithDistricts();
    const founder = await createTestUser(ctx);
    const register = (payload: object, lang = 'en-US') =>
      ctx.app.inject(as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload, headers: { 'accept-language': lang } }));

    for (const lang of ['en-US', 'zh-CN'] as const) {
      const uscc = validUscc();
      const bad = await register(organizationInput({ uscc, district: 'nowhere' }), lang);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toEqual([{ path: 'district', code: 'UNKNOWN_DISTRICT', message: fieldErrorMessages.UNKNOWN_DISTRICT[lang] }]);
      expect(await orgCount(hub, uscc)).toBe(0);
    }
    expect((await register(organizationInput({ district: 'Xi Hu' }))).json().error.fields[0]).toMatchObject({ path: 'district', code: 'INVALID_FORMAT' });

    const created = await register(organizationInput({ district: 'xihu' }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().district).toBe('xihu');
    const id = created.json().id as string;
    const patch = (payload: object) => ctx.app.inject(as(founder, { method: 'PATCH', url: `/api/hubs/${hub.slug}/organizations/${id}`, payload }));
    expect((await patch({ district: 'binjiang' })).json().district).toBe('binjiang');
    const badPatch = await patch({ district: 'gongshu' });
    expect(badPatch.statusCode).toBe(400);
    expect(badPatch.json().error.fields[0]).toMatchObject({ path: 'district', code: 'UNKNOWN_DISTRICT' });
    expect((await patch({ district: null })).json().district).toBeNull();
    // Optional: an organisation of a hub without a list says none.
    const plain = await createTestHub(ctx);
    const elsewhere = await ctx.app.inject(as(founder, { method: 'POST', url: `/api/hubs/${plain.slug}/organizations`, payload: organizationInput() }));
    expect(elsewhere.statusCode).toBe(201);
    expect(elsewhere.json().district).toBeNull();
    expect(
      (await ctx.app.inject(as(founder, { method: 'POST', url: `/api/hubs/${plain.slug}/organizations`, payload: organizationInput({ district: 'xihu' }) })))
        .statusCode,
    ).toBe(400);
  });

  it('the import reads a district column (an unknown one is a problem on its line and field) and the export writes it', async () => {
    const { hub } = await hubWithDistricts();
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const row = (district: string) => ({
      table: 'organizations',
      kind: 'startup',
      name_zh: `区县${district}`,
      name_en: `District ${district || 'unsaid'}`,
      uscc: validUscc(),
      sectors: 'ai',
      district,
    });
    const file = (rows: Record<string, string>[]) => csvLine(combinedColumns) + rows.map((r) => csvLine(combinedColumns.map((c) => r[c] ?? ''))).join('');
    const importFile = (body: string) =>
      ctx.app.inject(
        as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/ecosystem/import?format=csv`, payload: body, headers: { 'content-type': 'text/csv' } }),
      );

    const refused = (await importFile(file([row('xihu'), row('nowhere')]))).json();
    expect(refused.errors.map((e: { line: number; field: string; code: string }) => `${e.line}:${e.field}:${e.code}`)).toEqual(['3:district:UNKNOWN_DISTRICT']);
    expect(refused.written.organizations).toBe(0);

    const done = (await importFile(file([row('xihu'), row('binjiang'), row('')]))).json();
    expect(done.written.organizations).toBe(3);
    const { rows } = await ctx.database.db.execute<{ name_en: string; district: string | null }>(
      sql`SELECT name_en, district FROM organizations WHERE hub_id = ${hub.id} ORDER BY name_en`,
    );
    expect(rows).toEqual([
      { name_en: 'District binjiang', district: 'binjiang' },
      { name_en: 'District unsaid', district: null },
      { name_en: 'District xihu', district: 'xihu' },
    ]);

    const exported = await ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/ecosystem/export?format=csv` }));
    expect(exported.statusCode).toBe(200);
    const [header, ...lines] = exported.body.trim().split(/\r?\n/);
    const at = header!.split(',').indexOf('district');
    expect(at).toBeGreaterThan(0);
    expect(lines.map((l) => l.split(',')[at]).sort()).toEqual(['', 'binjiang', 'xihu']);
  });
});
