import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { finishedRequest, meteredWorld, USAGE_FILE_HEADER, type ComputeWorld } from '../../test/compute-factories.js';
import { as, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';

let ctx: TestContext;
let hub: HubRow;
let operator: TestUser;
let provider: TestUser;
let founder: TestUser;
let stranger: TestUser;
let world: ComputeWorld;
type Admitted = { id: string; flavor: { id: string }; start: string; end: string };

beforeAll(async () => {
  ctx = await startTestApp();
  ({ hub, operator, provider, founder, world } = await meteredWorld(ctx));
  stranger = await createTestUser(ctx);
});

const url = (query: string) => `/api/hubs/${hub.slug}/compute/usage/upload?providerId=${world.provider.id}&${query}`;
const upload = (user: TestUser, body: Buffer | string, format: 'csv' | 'xlsx' = 'csv', lang = 'en-US') =>
  ctx.app.inject(
    as(user, {
      method: 'POST',
      url: url(`format=${format}`),
      payload: body,
      headers: { 'content-type': format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'accept-language': lang },
    }),
  );
/** A request whose hours are over: usage is metered once it has happened. */
const admitted = () => finishedRequest<Admitted>(ctx, founder, hub, world);
const header = USAGE_FILE_HEADER;
const line = (id: string, r: Admitted, cost = '4000') => `${id},${r.id},${r.flavor.id},2,${r.start},${r.end},${cost},\r\n`;
const metered = async () =>
  (await ctx.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM compute_usage WHERE hub_id = ${hub.id}`)).rows[0]!.n;

describe('usage files from providers', () => {
  it('a CSV applies each record once; the same file again meters nothing twice', async () => {
    const [a, b] = [await admitted(), await admitted()];
    const file = header + line(`csv-a-${a.id}`, a) + line(`csv-b-${b.id}`, b, '3500'); // at list price, and below it
    const first = await upload(provider, file);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().results).toEqual([
      { recordId: `csv-a-${a.id}`, outcome: 'applied', code: null, voucherPaid: '800' },
      { recordId: `csv-b-${b.id}`, outcome: 'applied', code: null, voucherPaid: '700' },
    ]);
    const before = await metered();
    const again = await upload(provider, file);
    expect(again.json().results.map((r: { outcome: string; voucherPaid: string }) => [r.outcome, r.voucherPaid])).toEqual([
      ['replayed', '800'],
      ['replayed', '700'],
    ]);
    expect(await metered()).toBe(before);
  });

  it('an XLSX workbook’s first sheet reads the same way', async () => {
    const r = await admitted();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('usage');
    sheet.addRow(['recordId', 'requestId', 'flavorId', 'gpuHours', 'startedAt', 'endedAt', 'cost', 'corrects']);
    sheet.addRow([`xlsx-${r.id}`, r.id, r.flavor.id, 2, r.start, r.end, 3000, null]);
    const res = await upload(provider, Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toEqual([{ recordId: `xlsx-${r.id}`, outcome: 'applied', code: null, voucherPaid: '600' }]);
  });

  it('bad rows are listed by line and column in both languages, and nothing of the file is written', async () => {
    const r = await admitted();
    const before = await metered();
    const file = header + line(`good-${r.id}`, r) + line(`bad-${r.id}`, r, '12.5') + `late-${r.id},${r.id},${r.flavor.id},2,${r.end},${r.start},100,\r\n`;
    const res = await upload(provider, file, 'csv', 'zh-CN');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      expect.objectContaining({ path: 'rows.3.cost', code: 'INVALID_FORMAT', detail: 'line 3, column G', message: expect.stringMatching(/[\u4e00-\u9fff]/) }),
    ]);
    const unknownRequest = header + line(`good-${r.id}`, r) + line('ghost', { ...r, id: '0190a0a0-0000-7000-8000-000000000000' });
    const ghost = await upload(provider, unknownRequest);
    expect(ghost.json().error.fields).toEqual([expect.objectContaining({ path: 'rows.3.requestId', code: 'NOT_IN_HUB', detail: 'line 3, column B' })]);
    const late = await upload(provider, header + `late-${r.id},${r.id},${r.flavor.id},2,${r.end},${r.start},100,\r\n`);
    expect(late.json().error.fields).toEqual([expect.objectContaining({ path: 'rows.2.endedAt', code: 'ENDS_BEFORE_START' })]);
    expect(await metered()).toBe(before);
  });

  it('a broken file is bad input, never a 500: open quotes, uneven rows, unknown columns, NUL bytes, broken UTF-8, not a workbook', async () => {
    const r = await admitted();
    const cases: [Buffer | string, 'csv' | 'xlsx', string][] = [
      [header + `"open,${r.id}\r\n`, 'csv', 'rows.2.row'],
      [header + `x,${r.id}\r\n`, 'csv', 'rows.2.row'],
      ['recordId,requestId,flavorId,gpuHours,startedAt,endedAt,cost,colour\r\n', 'csv', 'rows.1.colour'],
      [header + line(`nul\u0000-${r.id}`, r), 'csv', 'rows.2.recordId'],
      [Buffer.concat([Buffer.from(header), Buffer.from([0xc3, 0x28]), Buffer.from(',x\r\n')]), 'csv', 'body'],
      ['not a zip', 'xlsx', 'body'],
      [header, 'csv', 'body'],
    ];
    for (const [body, format, path] of cases) {
      const res = await upload(provider, body, format);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().error.fields[0].path).toBe(path);
    }
  });

  it('only the provider (or the operator) uploads: anyone else gets a 404', async () => {
    const r = await admitted();
    expect((await upload(stranger, header + line(`s-${r.id}`, r))).statusCode).toBe(404);
    expect((await upload(founder, header + line(`f-${r.id}`, r))).statusCode).toBe(404);
  });

  it('after metering, the company’s dashboard shows its quota use, voucher balance and burn-down; staff see the hub’s utilisation; others get a 404', async () => {
    const org = world.startups[0]!.orgId;
    const mine = await ctx.app.inject(as(founder, { method: 'GET', url: `/api/hubs/${hub.slug}/compute/dashboard?organizationId=${org}` }));
    expect(mine.statusCode, mine.body).toBe(200);
    const body = mine.json();
    expect(body.quotas[0]).toMatchObject({ organization: { id: org }, flavorModel: 'H20', voucher: { awardId: world.startups[0]!.awardId } });
    expect(body.quotas[0].gpuHoursUsed).toBeGreaterThan(0);
    const paid = (
      await ctx.database.db.execute<{ paid: string }>(sql`SELECT coalesce(sum(voucher_paid), 0)::text AS paid FROM compute_usage WHERE hub_id = ${hub.id}`)
    ).rows[0]!.paid;
    expect(body.quotas[0].voucher.paid).toBe(paid);
    const [burn] = body.burnDown;
    expect(burn.points.at(-1).remaining).toBe((BigInt(burn.granted) - BigInt(paid)).toString());
    expect(body.waits.reduce((n: number, w: { requests: number }) => n + w.requests, 0)).toBeGreaterThan(0);
    const staff = await ctx.app.inject(as(operator, { method: 'GET', url: `/api/hubs/${hub.slug}/compute/dashboard` }));
    expect(staff.statusCode, staff.body).toBe(200);
    expect(staff.json().utilisation.some((u: { reservedGpuHours: number }) => u.reservedGpuHours > 0)).toBe(true);
    expect((await ctx.app.inject(as(stranger, { method: 'GET', url: `/api/hubs/${hub.slug}/compute/dashboard?organizationId=${org}` }))).statusCode).toBe(404);
    expect((await ctx.app.inject(as(founder, { method: 'GET', url: `/api/hubs/${hub.slug}/compute/dashboard` }))).statusCode).toBe(404);
  });
});
