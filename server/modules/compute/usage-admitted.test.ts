import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UsageRecordInput } from '../../../contracts/compute.js';
import type { Tx } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { AppError } from '../../platform/errors.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { finishedRequest, inHours, meteredWorld, runningRequest, USAGE_FILE_HEADER, type ComputeWorld } from '../../test/compute-factories.js';
import { as, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { interleave } from '../../test/interleave.js';
import { verifyLedger } from '../budget/index.js';
import { reconcileComputeVouchers } from './reconcile.service.js';
import { uploadComputeUsage } from './usage-upload.service.js';

/**
 * A provider meters what the hub admitted: a record's period lies within its request's
 * admitted hours, its GPU-hours are at most the request's GPUs over it and, with the
 * request's other records, at most what was admitted, and its cost at most the list price
 * (CNY 20 a GPU-hour here); and it has happened, ending at most a few minutes after now.
 * Anything else is a 409 `USAGE_MISMATCH` under the field (the line and column of a file)
 * and writes nothing, also when two reports race.
 */
let ctx: TestContext;
let hub: HubRow;
let provider: TestUser;
let founder: TestUser;
let world: ComputeWorld;
type Admitted = { id: string; flavor: { id: string }; start: string; end: string };

beforeAll(async () => {
  ctx = await startTestApp();
  ({ hub, provider, founder, world } = await meteredWorld(ctx));
});

const HOUR = 3_600_000;
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** One GPU for two hours, over an hour ago (usage is metered once it has happened): 2 GPU-hours admitted. */
const admitted = () => finishedRequest<Admitted>(ctx, founder, hub, world);
/** A record of `r` from `from` for `ms`, at the list price unless told. */
const record = (id: string, r: Admitted, from: number, ms: number, gpuHours: string, cost?: string): UsageRecordInput => ({
  recordId: id,
  requestId: r.id,
  flavorId: r.flavor.id,
  gpuHours,
  startedAt: iso(from),
  endedAt: iso(from + ms),
  cost: cost ?? String(Math.round(Number(gpuHours) * 2000)),
  corrects: null,
});
/** Minute `i` of `r`'s run: 0.017 GPU-hours (one GPU for a minute, rounded up), 34 fen. */
const minute = (prefix: string, r: Admitted, i: number) => record(`${prefix}-${i}`, r, Date.parse(r.start) + i * MINUTE, MINUTE, '0.017');
const report = (records: object[], lang = 'en-US') =>
  ctx.app.inject(
    as(provider, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/compute/usage`,
      payload: { providerId: world.provider.id, records },
      headers: { 'accept-language': lang },
    }),
  );
const csv = (records: UsageRecordInput[]) =>
  USAGE_FILE_HEADER +
  records.map((r) => `${[r.recordId, r.requestId, r.flavorId, r.gpuHours, r.startedAt, r.endedAt, r.cost, r.corrects ?? ''].join(',')}\r\n`).join('');
const upload = (body: string, lang = 'en-US') =>
  ctx.app.inject(
    as(provider, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/compute/usage/upload?providerId=${world.provider.id}&format=csv`,
      payload: body,
      headers: { 'content-type': 'text/csv', 'accept-language': lang },
    }),
  );
const fields = (res: { json: () => { error: { fields: { path: string; code: string }[] } } }) => res.json().error.fields.map((f) => `${f.path}:${f.code}`);
/** What a request's applied records bill (a corrected record counts as its correction), and all the hub's usage rows and voucher money. */
const billed = async (requestId: string) =>
  (
    await ctx.database.db.execute<{ hours: string }>(sql`
      SELECT coalesce(sum(gpu_hours), 0)::text AS hours FROM compute_usage u WHERE u.hub_id = ${hub.id} AND u.request_id = ${requestId} AND u.outcome = 'applied'
        AND NOT EXISTS (SELECT 1 FROM compute_usage c WHERE c.hub_id = u.hub_id AND c.corrects_id = u.id)`)
  ).rows[0]!.hours;
const state = async () =>
  (
    await ctx.database.db.execute<{ rows: number; paid: string }>(sql`
      SELECT (SELECT count(*)::int FROM compute_usage WHERE hub_id = ${hub.id}) AS rows,
             (SELECT coalesce(sum(paid), 0)::text FROM compute_vouchers WHERE hub_id = ${hub.id}) AS paid`)
  ).rows[0]!;

describe('usage must match the request it bills', () => {
  it('outside the admitted hours, more GPU-hours than its GPUs over the period, above the list price: a 409 under each field, in both languages; nothing written', async () => {
    const r = await admitted();
    const start = Date.parse(r.start);
    const bad = [
      record(`early-${r.id}`, r, start - HOUR, 2 * HOUR, '1'), // begins an hour before the request
      record(`late-${r.id}`, r, start + HOUR, 2 * HOUR, '1'), // ends an hour after it
      record(`thick-${r.id}`, r, start, HOUR, '1.5'), // 1.5 GPU-hours in one hour of one GPU
      record(`dear-${r.id}`, r, start + HOUR, HOUR, '1', '2001'), // one fen above the list price
    ];
    const before = await state();
    const zh = await report(bad, 'zh-CN');
    expect(zh.statusCode, zh.body).toBe(409);
    expect(zh.json().error).toMatchObject({ code: 'USAGE_MISMATCH', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(zh.json().error.fields).toEqual([
      expect.objectContaining({ path: 'records.0.startedAt', code: 'OUTSIDE_ADMITTED_WINDOW', message: expect.stringMatching(/[\u4e00-\u9fff]/) }),
      expect.objectContaining({ path: 'records.1.endedAt', code: 'OUTSIDE_ADMITTED_WINDOW', detail: `admitted ${r.start} to ${r.end}` }),
      expect.objectContaining({ path: 'records.2.gpuHours', code: 'GPU_HOURS_OVER_ADMITTED', detail: 'at most 1 GPU-hours: 1 GPU(s) over this period' }),
      expect.objectContaining({ path: 'records.3.cost', code: 'COST_OVER_LIST_PRICE', detail: 'at most 2000 fen: 1 GPU-hours at 2000 fen each' }),
    ]);
    const en = await report(bad);
    expect(en.statusCode).toBe(409);
    expect(en.json().error.message).toMatch(/does not match its request/);
    expect(en.json().error.fields.map((f: { message: string }) => f.message)).toEqual([
      'The usage period is outside the hours the request was admitted for.',
      'The usage period is outside the hours the request was admitted for.',
      'More GPU-hours than the request was admitted for (its GPUs × its hours).',
      'The cost is above the list price (GPU-hours × the list price per GPU-hour).',
    ]);
    expect(await state()).toEqual(before);
    // The same hours, as admitted and at (or below) the list price, apply.
    const good = await report([record(`ok-${r.id}`, r, start, HOUR, '1'), record(`cheap-${r.id}`, r, start + HOUR, HOUR, '1', '1500')]);
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().results.map((x: { outcome: string; voucherPaid: string }) => [x.outcome, x.voucherPaid])).toEqual([
      ['applied', '400'],
      ['applied', '300'],
    ]);
  });

  it('a request cancelled before it began was admitted for no hours: its usage is refused', async () => {
    const res = await ctx.app.inject(
      as(founder, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/compute/requests`,
        payload: {
          organizationId: world.startups[0]!.orgId,
          flavor: world.flavors[0]!.id,
          gpus: 1,
          hours: 2,
          earliestStart: inHours(3),
          deadline: inHours(30),
        },
      }),
    );
    const r = res.json() as Admitted;
    expect([res.statusCode, r.start]).toEqual([201, inHours(3)]);
    const cancelled = await ctx.app.inject(as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/compute/requests/${r.id}/cancel` }));
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', start: r.start, end: r.start });
    // The hour before now: over, so only the request's hours refuse it.
    const sent = await report([record(`never-${r.id}`, r, Date.parse(inHours(-1)), HOUR, '1')]);
    expect(sent.statusCode).toBe(409);
    expect(sent.json().error.fields).toEqual([
      expect.objectContaining({ path: 'records.0.startedAt', code: 'OUTSIDE_ADMITTED_WINDOW', detail: 'no hours admitted' }),
    ]);
  });

  it('a request’s records never bill more GPU-hours in all than it was admitted for; a correction counts instead of the record it corrects', async () => {
    const r = await admitted();
    // 120 minutes of 0.017 (one GPU for a minute, rounded up) would bill 2.04 of the 2 admitted: the 118th minute on is refused.
    const all = Array.from({ length: 120 }, (_, i) => minute(`m-${r.id}`, r, i));
    const over = await report(all);
    expect(over.statusCode).toBe(409);
    expect(fields(over)).toEqual([
      'records.117.gpuHours:GPU_HOURS_OVER_ADMITTED',
      'records.118.gpuHours:GPU_HOURS_OVER_ADMITTED',
      'records.119.gpuHours:GPU_HOURS_OVER_ADMITTED',
    ]);
    expect(over.json().error.fields[0].detail).toBe('0.011 of the 2 GPU-hours admitted left to bill');
    expect(await billed(r.id)).toBe('0');

    expect((await report(all.slice(0, 117))).statusCode).toBe(200);
    expect(await billed(r.id)).toBe('1.989');
    const at = (i: number) => Date.parse(r.start) + i * MINUTE;
    // What is left: 0.011 GPU-hours; then nothing.
    expect((await report([record(`m-${r.id}-117`, r, at(117), MINUTE, '0.011')])).json().results[0].outcome).toBe('applied');
    const full = await report([record(`m-${r.id}-118`, r, at(118), MINUTE, '0.001')]);
    expect([full.statusCode, fields(full)]).toEqual([409, ['records.0.gpuHours:GPU_HOURS_OVER_ADMITTED']]);
    // Minute 0 corrected down to 0.010 frees 0.007 for minute 118; a correction back up past the total is refused.
    const fix = { ...record(`fix-${r.id}`, r, at(0), MINUTE, '0.010'), corrects: `m-${r.id}-0` };
    expect((await report([fix, record(`m-${r.id}-118`, r, at(118), MINUTE, '0.007')])).json().results.map((x: { outcome: string }) => x.outcome)).toEqual([
      'applied',
      'applied',
    ]);
    expect(await billed(r.id)).toBe('2.000');
    const up = await report([{ ...record(`fix2-${r.id}`, r, at(0), MINUTE, '0.011'), corrects: `fix-${r.id}` }]);
    expect([up.statusCode, fields(up)]).toEqual([409, ['records.0.gpuHours:GPU_HOURS_OVER_ADMITTED']]);
    expect(await billed(r.id)).toBe('2.000');
    expect((await reconcileComputeVouchers(ctx.database.db, hub.id)).differences).toEqual([]);
  });

  it('a file with one row that does not match its request writes none of the file, and names its line and column in both languages', async () => {
    const r = await admitted();
    const start = Date.parse(r.start);
    const file = csv([record(`f1-${r.id}`, r, start, HOUR, '1'), record(`f2-${r.id}`, r, start + HOUR, HOUR, '1', '4000'), minute(`f3-${r.id}`, r, 150)]);
    const before = await state();
    const zh = await upload(file, 'zh-CN');
    expect(zh.statusCode, zh.body).toBe(409);
    expect(zh.json().error).toMatchObject({ code: 'USAGE_MISMATCH', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(zh.json().error.fields).toEqual([
      expect.objectContaining({
        path: 'rows.3.cost',
        code: 'COST_OVER_LIST_PRICE',
        detail: 'line 3, column G: at most 2000 fen: 1 GPU-hours at 2000 fen each',
      }),
      expect.objectContaining({ path: 'rows.4.startedAt', code: 'OUTSIDE_ADMITTED_WINDOW', detail: expect.stringMatching(/^line 4, column E: admitted /) }),
    ]);
    const en = await upload(file);
    expect(en.json().error.fields[0].message).toBe('The cost is above the list price (GPU-hours × the list price per GPU-hour).');
    expect(await state()).toEqual(before);
  });
});

describe('usage is metered once it has happened', () => {
  it('a record ending after now (past the clock-skew allowance) is a 409 under its end, in both languages and by file line and column; nothing written', async () => {
    const r = await runningRequest<Admitted>(ctx, founder, hub, world); // from this hour on: not over yet
    const whole = record(`ahead-${r.id}`, r, Date.parse(r.start), 2 * HOUR, '2'); // its whole run, reported before it ends
    const before = await state();
    const zh = await report([whole], 'zh-CN');
    expect(zh.statusCode, zh.body).toBe(409);
    expect(zh.json().error).toMatchObject({ code: 'USAGE_MISMATCH', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(zh.json().error.fields).toEqual([
      expect.objectContaining({
        path: 'records.0.endedAt',
        code: 'IN_THE_FUTURE',
        message: expect.stringMatching(/[\u4e00-\u9fff]/),
        detail: expect.stringMatching(/^at most \S+: now and 5 minutes for clocks that differ$/),
      }),
    ]);
    const en = await report([whole]);
    expect(en.json().error.fields[0].message).toBe('The usage period ends in the future: only usage that has already happened can be reported.');
    const file = await upload(csv([minute(`first-${r.id}`, r, 0), whole]));
    expect([file.statusCode, fields(file)]).toEqual([409, ['rows.3.endedAt:IN_THE_FUTURE']]);
    expect(file.json().error.fields[0].detail).toMatch(/^line 3, column F: at most /);
    expect(await state()).toEqual(before);
    // What has run so far, ending within the allowance (4 minutes ahead of this clock), applies.
    const sofar = record(`sofar-${r.id}`, r, Date.parse(r.start), Date.now() + 4 * MINUTE - Date.parse(r.start), '0.05', '100');
    const applied = await report([sofar]);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().results[0]).toMatchObject({ outcome: 'applied', voucherPaid: '20' });
  });

  it('checked against the service’s clock: a record ending just within the allowance applies, one ending later refuses the whole batch', async () => {
    const r = await admitted();
    const start = Date.parse(r.start);
    const now = new Date(start + 30 * MINUTE); // the service's clock, half an hour into the run
    const scope = { hub, actor: world.providerPerson };
    const send = (records: UsageRecordInput[]) =>
      withTransaction(ctx.database.db, (tx) =>
        uploadComputeUsage(tx, scope, { providerId: world.provider.id, format: 'csv', body: Buffer.from(csv(records)) }, now),
      );
    const within = record(`within-${r.id}`, r, start, 35 * MINUTE, '0.5'); // ends 5 minutes after the clock
    const beyond = record(`beyond-${r.id}`, r, start + 35 * MINUTE, MINUTE, '0.01'); // ends 6 minutes after it
    const before = await state();
    const refused = await send([within, beyond]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('USAGE_MISMATCH');
    expect((refused as AppError).fields).toEqual([
      expect.objectContaining({
        path: 'rows.3.endedAt',
        code: 'IN_THE_FUTURE',
        detail: `line 3, column F: at most ${iso(start + 35 * MINUTE)}: now and 5 minutes for clocks that differ`,
      }),
    ]);
    expect(await state()).toEqual(before);
    expect((await send([within])).map((x) => x.outcome)).toEqual(['applied']);
    expect(await billed(r.id)).toBe('0.500');
  });
});

describe('two reports of one request at once', () => {
  /** Minutes [from, from + 60) of `r` as a file: 1.02 GPU-hours; two of them (2.04) are more than the 2 admitted. */
  const hourFile = (r: Admitted, from: number) => csv(Array.from({ length: 60 }, (_, i) => minute(`h${from}-${r.id}`, r, from + i)));

  it('two uploads at once never bill more than was admitted together: one applies, the other is refused whole', async () => {
    const r = await admitted();
    const before = await state();
    const answers = await Promise.all([upload(hourFile(r, 0)), upload(hourFile(r, 60))]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.statusCode === 409)!;
    // The later file's rows from its 58th minute on (lines 59 to 61) would bill past the 2 GPU-hours.
    expect(fields(refused)).toEqual([
      'rows.59.gpuHours:GPU_HOURS_OVER_ADMITTED',
      'rows.60.gpuHours:GPU_HOURS_OVER_ADMITTED',
      'rows.61.gpuHours:GPU_HOURS_OVER_ADMITTED',
    ]);
    expect(await billed(r.id)).toBe('1.020');
    expect((await state()).rows - before.rows).toBe(60);
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
  });

  it('the second waits for the first’s lock on the request and sees what it billed (ordered by locks, not by time)', async () => {
    const r = await admitted();
    const scope = { hub, actor: world.providerPerson };
    const send = (from: number) => (tx: Tx) =>
      uploadComputeUsage(tx, scope, { providerId: world.provider.id, format: 'csv', body: Buffer.from(hourFile(r, from)) });
    const outcome = await interleave(ctx.database.db, send(0), send(60)).then(
      () => null,
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).code).toBe('USAGE_MISMATCH');
    expect((outcome as AppError).fields.map((f) => f.path)).toEqual(['rows.59.gpuHours', 'rows.60.gpuHours', 'rows.61.gpuHours']);
    expect(await billed(r.id)).toBe('1.020');
    // The first file is in; the second's hours that still fit apply on their own.
    const rest = await withTransaction(ctx.database.db, (tx) =>
      uploadComputeUsage(tx, scope, {
        providerId: world.provider.id,
        format: 'csv',
        body: Buffer.from(csv(Array.from({ length: 57 }, (_, i) => minute(`rest-${r.id}`, r, 60 + i)))),
      }),
    );
    expect(rest.every((x) => x.outcome === 'applied')).toBe(true);
    expect(await billed(r.id)).toBe('1.989');
  });
});
