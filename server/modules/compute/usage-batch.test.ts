import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { finishedRequest, meteredWorld, USAGE_FILE_HEADER, type ComputeWorld } from '../../test/compute-factories.js';
import { as, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { verifyLedger } from '../budget/index.js';
import { reconcileComputeVouchers } from './reconcile.service.js';

let ctx: TestContext;
let hub: HubRow;
let provider: TestUser;
let founder: TestUser;
let world: ComputeWorld;
const ROWS = 5_000;
type Admitted = { id: string; flavor: { id: string }; start: string; voucherHeld: string };

beforeAll(async () => {
  ctx = await startTestApp();
  // A list price of CNY 520 a GPU-hour: a thousandth of one (a record below) costs up to 52 fen.
  ({ hub, provider, founder, world } = await meteredWorld(ctx, '52000'));
});

const upload = (body: string, key?: string) =>
  ctx.app.inject(
    as(provider, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/compute/usage/upload?providerId=${world.provider.id}&format=csv`,
      payload: body,
      headers: { 'content-type': 'text/csv', ...(key ? { 'idempotency-key': key } : {}) },
    }),
  );
/** A request of `gpus` GPUs for two hours, over (usage is metered once it has happened): 5,000 records of a thousandth of a GPU-hour need 3. */
const admitted = (gpus = 1) => finishedRequest<Admitted>(ctx, founder, hub, world, gpus);
const header = USAGE_FILE_HEADER;
/** Row `i` of a request's file: the i-th second of its run, a thousandth of a GPU-hour costing 40 to 52 fen (at most the list price). */
const row = (prefix: string, r: Admitted, i: number, cost = 40 + (i % 13), corrects = '') => {
  const from = Date.parse(r.start) + i * 1000;
  return `${prefix}-${i},${r.id},${r.flavor.id},0.001,${new Date(from).toISOString()},${new Date(from + 1000).toISOString()},${cost},${corrects}\r\n`;
};
const state = async () =>
  (
    await ctx.database.db.execute<{ usage: number; paid: string; voucher: string; transfers: number; audit: number }>(sql`
      SELECT (SELECT count(*)::int FROM compute_usage WHERE hub_id = ${hub.id}) AS usage,
             (SELECT coalesce(sum(voucher_paid), 0)::text FROM compute_usage WHERE hub_id = ${hub.id}) AS paid,
             (SELECT coalesce(sum(paid), 0)::text FROM compute_vouchers WHERE hub_id = ${hub.id}) AS voucher,
             (SELECT count(*)::int FROM ledger_transfers WHERE hub_id = ${hub.id}) AS transfers,
             (SELECT count(*)::int FROM audit_events WHERE hub_id = ${hub.id}) AS audit`)
  ).rows[0]!;

describe('a usage file of 5,000 records', () => {
  it('applies every record with exact totals: one ledger transfer and one audit event for the file; the same file again changes nothing', async () => {
    const r = await admitted(3);
    const before = await state();
    const file = header + Array.from({ length: ROWS }, (_, i) => row('big', r, i)).join('');
    const res = await upload(file, `big-file-${r.id}`);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const results = res.json().results as { outcome: string; voucherPaid: string }[];
    // 20% of each cost (non-domestic flavor), in whole fen, record by record.
    const expected = Array.from({ length: ROWS }, (_, i) => BigInt(40 + (i % 13)) / 5n).reduce((a, b) => a + b, 0n);
    expect(results.filter((x) => x.outcome === 'applied')).toHaveLength(ROWS);
    expect(results.reduce((sum, x) => sum + BigInt(x.voucherPaid), 0n)).toBe(expected);
    const after = await state();
    expect(after.usage - before.usage).toBe(ROWS);
    expect(BigInt(after.paid) - BigInt(before.paid)).toBe(expected);
    expect(BigInt(after.voucher) - BigInt(before.voucher)).toBe(expected);
    expect(after.transfers - before.transfers).toBe(1);
    const { rows: transfer } = await ctx.database.db.execute<{ amount: string; rows: number }>(sql`
      SELECT t.amount::text, (SELECT count(*)::int FROM compute_usage u WHERE u.hub_id = t.hub_id AND u.transfer_id = t.id) AS rows
      FROM ledger_transfers t WHERE t.hub_id = ${hub.id} AND t.reason = 'disburse' ORDER BY t.id DESC LIMIT 1`);
    expect(transfer[0]).toEqual({ amount: expected.toString(), rows: ROWS });
    // The file's event (with its counts) and the ledger's disbursement.
    expect(after.audit - before.audit).toBe(2);
    const { rows: events } = await ctx.database.db.execute<{ payload: Record<string, unknown> }>(sql`
      SELECT payload FROM audit_events WHERE hub_id = ${hub.id} AND action = 'compute.usage_reported' ORDER BY seq DESC LIMIT 1`);
    expect(events[0]!.payload).toMatchObject({ via: 'csv', records: ROWS, applied: ROWS, replayed: 0, refused: 0, paid: expected.toString() });
    // The held share was used first: the request holds what is left of it.
    const { rows: held } = await ctx.database.db.execute<{ held: string }>(
      sql`SELECT voucher_held::text AS held FROM compute_requests WHERE hub_id = ${hub.id} AND id = ${r.id}`,
    );
    expect(BigInt(held[0]!.held)).toBe(BigInt(r.voucherHeld) > expected ? BigInt(r.voucherHeld) - expected : 0n);

    const retried = await upload(file, `big-file-${r.id}`);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.json()).toEqual(res.json());
    const again = await upload(file);
    expect(again.statusCode).toBe(200);
    expect(new Set((again.json().results as { outcome: string }[]).map((x) => x.outcome))).toEqual(new Set(['replayed']));
    const last = await state();
    expect({ ...last, audit: 0 }).toEqual({ ...after, audit: 0 });
    expect(last.audit - after.audit).toBe(1); // the second upload's event: 5,000 replayed
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
    expect((await reconcileComputeVouchers(ctx.database.db, hub.id)).differences).toEqual([]);
    expect((await verifyAuditChain(ctx.database.db, hub.id)).break).toBeNull();
  });

  it('one bad record among 5,000 writes nothing and names its line and column', async () => {
    const r = await admitted(3);
    const before = await state();
    const rows = Array.from({ length: ROWS }, (_, i) => row('bad', r, i));
    const from = Date.parse(r.start);
    // Line 4,322 (record 4,320): ends before it starts, which only the whole record shows.
    rows[4_320] = `bad-4320,${r.id},${r.flavor.id},0.001,${new Date(from + 2000).toISOString()},${new Date(from + 1000).toISOString()},40,\r\n`;
    const res = await upload(header + rows.join(''));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'rows.4322.endedAt', code: 'ENDS_BEFORE_START', detail: 'line 4322, column F' })]);
    expect(await state()).toEqual(before);
  });
});

describe('records of one file see each other, as one by one', () => {
  it('a repeated record id replays, the same hours twice are a second claim, a correction pays the difference and corrects once', async () => {
    const r = await admitted();
    const other = await admitted();
    const file =
      header +
      row('in', r, 0, 50) + // pays 10
      row('in', r, 0, 50) + // the same record id: replayed
      row('again', r, 0, 52) + // the same second under another id: a second claim
      row('fix', r, 0, 30, 'in-0') + // corrects in-0 down: takes 4 back
      row('fix2', r, 0, 20, 'in-0') + // in-0 is corrected already
      row('fix3', r, 0, 45, 'fix-0') + // corrects the correction up: pays 9 - 6 = 3
      row('next', r, 1, 45) + // the next second: pays 9
      row('other', other, 0, 50); // another request's same second: pays 10
    const before = await state();
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.map((x: { outcome: string; code: string | null; voucherPaid: string }) => [x.outcome, x.code, x.voucherPaid])).toEqual([
      ['applied', null, '10'],
      ['replayed', null, '10'],
      ['refused', 'ALREADY_CLAIMED', '0'],
      ['applied', null, '-4'],
      ['refused', 'ALREADY_CORRECTED', '0'],
      ['applied', null, '3'],
      ['applied', null, '9'],
      ['applied', null, '10'],
    ]);
    // One disbursement (10 + 3 + 9 + 10) and one claw-back (4) for the file's voucher.
    const { rows: moved } = await ctx.database.db.execute<{ reason: string; amount: string }>(sql`
      SELECT t.reason, t.amount::text FROM ledger_transfers t
      WHERE t.hub_id = ${hub.id} AND t.id IN (SELECT transfer_id FROM compute_usage WHERE hub_id = ${hub.id} AND record_id IN ('in-0', 'fix-0'))
      ORDER BY t.reason`);
    expect(moved).toEqual([
      { reason: 'claw_back', amount: '4' },
      { reason: 'disburse', amount: '32' },
    ]);
    const after = await state();
    expect(after.transfers - before.transfers).toBe(2);
    expect(BigInt(after.voucher) - BigInt(before.voucher)).toBe(28n);
    expect((await reconcileComputeVouchers(ctx.database.db, hub.id)).differences).toEqual([]);
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
  });
});
