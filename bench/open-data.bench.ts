import { sql, type SQL } from 'drizzle-orm';
import { seedDemo } from '../server/db/seed.js';
import { listPublicAwards } from '../server/modules/open-data/public-awards.service.js';
import { openDataCsv, openDataJson } from '../server/modules/open-data/open-data-export.js';
import { OPEN_DATA_BATCH, openDataGrants } from '../server/modules/open-data/open-data.service.js';
import { createAuth } from '../server/platform/auth/auth.js';
import { loadConfig } from '../server/platform/config.js';
import { findHub } from '../server/platform/tenancy/tenancy.js';
import { withBenchDatabase } from './bench-database.js';
import { int, ms, ratio, table } from './support.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const AWARDS = Math.max(1_000, Math.round(100_000 * SCALE));
const PAGES = 60;
const RUNS = 3;
const log = (line: string) => process.stdout.write(`  ${line}\n`);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The demo hub's first award copied until the hub holds AWARDS awards: each copy its own
 * application (number, id), commitment and ledger transfers (the commitment and any
 * disbursement: the demo's compute voucher has 30 draws, so 31 movements an award), so the
 * export reads as many rows as a hub with that many awards. Each row is built once through
 * a LATERAL call (`(f(x)).*` would call f once per column).
 */
async function cloneAwards(db: Parameters<typeof seedDemo>[0], hubId: string, n: number): Promise<number> {
  const { rows } = await db.execute<{ id: string; commitment_id: string }>(sql`
    SELECT id, commitment_id FROM applications WHERE hub_id = ${hubId} AND commitment_id IS NOT NULL AND organization_id IS NOT NULL
      AND status IN ('approved','awarded','in_payment','closed') ORDER BY created_at LIMIT 1`);
  const template = rows[0];
  if (!template) throw new Error('the demo hub has no award to copy');
  await db.execute(
    sql`CREATE TEMP TABLE bench_copies AS SELECT i, gen_random_uuid() AS app_id, gen_random_uuid() AS commitment_id FROM generate_series(1, ${n}) AS i`,
  );
  await db.execute(sql`
    INSERT INTO ledger_transfers SELECT r.*
    FROM ledger_transfers t CROSS JOIN bench_copies b
      CROSS JOIN LATERAL jsonb_populate_record(null::ledger_transfers, to_jsonb(t) || jsonb_build_object('id', b.commitment_id, 'cause_id', b.app_id)) r
    WHERE t.hub_id = ${hubId} AND t.id = ${template.commitment_id}`);
  await db.execute(sql`
    INSERT INTO ledger_transfers SELECT r.*
    FROM ledger_transfers t CROSS JOIN bench_copies b
      CROSS JOIN LATERAL jsonb_populate_record(null::ledger_transfers, to_jsonb(t) || jsonb_build_object('id', gen_random_uuid(), 'pending_id', b.commitment_id, 'cause_id', b.app_id)) r
    WHERE t.hub_id = ${hubId} AND t.kind = 'post_pending' AND t.pending_id = ${template.commitment_id}`);
  await db.execute(sql`
    INSERT INTO commitments SELECT r.*
    FROM commitments c CROSS JOIN bench_copies b
      CROSS JOIN LATERAL jsonb_populate_record(null::commitments, to_jsonb(c) || jsonb_build_object('id', b.commitment_id, 'cause_id', b.app_id)) r
    WHERE c.hub_id = ${hubId} AND c.id = ${template.commitment_id}`);
  await db.execute(sql`
    INSERT INTO applications SELECT r.*
    FROM applications a CROSS JOIN bench_copies b
      CROSS JOIN LATERAL jsonb_populate_record(null::applications, to_jsonb(a) || jsonb_build_object(
        'id', b.app_id, 'commitment_id', b.commitment_id, 'number', 'BENCH-' || lpad(b.i::text, 7, '0'), 'once_key', null)) r
    WHERE a.hub_id = ${hubId} AND a.id = ${template.id}`);
  await db.execute(sql`DROP TABLE bench_copies; ANALYZE applications; ANALYZE commitments; ANALYZE ledger_transfers`);
  const { rows: count } = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM applications WHERE hub_id = ${hubId} AND commitment_id IS NOT NULL AND status IN ('approved','awarded','in_payment','closed')`);
  return count[0]!.n;
}

/**
 * The open data at 100,000 awards (BENCH_SCALE=0.1 for 10,000): the public awards list page
 * by page (p50 / p95 per page) against the bare keyset SELECT of the same page, and the
 * 360Giving export (JSON and CSV, rows/s) against a bare SELECT of the same rows and their
 * ledger movements, each measured in the same run.
 */
export async function runOpenDataBench(): Promise<void> {
  await withBenchDatabase('open-data', 10, async ({ database, home }) => {
    const db = database.db;
    let t = performance.now();
    await seedDemo(db, createAuth(db, loadConfig({ home })));
    const hub = await findHub(db, 'hangzhou');
    const awards = await cloneAwards(db, hub.id, AWARDS);
    log(`scale ${SCALE} (BENCH_SCALE): ${int(awards)} awards in one hub, ready in ${ms(performance.now() - t)} ms`);

    // The public awards list, walked page by page (50 a page), as a visitor scrolls.
    const service: number[] = [];
    let next: string | undefined;
    for (let i = 0; i < PAGES; i++) {
      t = performance.now();
      const page = await listPublicAwards(db, hub, { limit: 50, next });
      service.push(performance.now() - t);
      next = page.next ?? undefined;
    }
    const bare: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < PAGES; i++) {
      t = performance.now();
      const { rows }: { rows: { id: string }[] } = await db.execute<{ id: string }>(sql`
        SELECT a.id, a.number, a.amount, a.status, p.name_zh, p.name_en, o.name_zh AS org_zh, o.name_en AS org_en, o.uscc, c.created_at
        FROM applications a JOIN programs p ON p.hub_id = a.hub_id AND p.id = a.program_id
          JOIN organizations o ON o.hub_id = a.hub_id AND o.id = a.organization_id
          JOIN commitments c ON c.hub_id = a.hub_id AND c.id = a.commitment_id
        WHERE a.hub_id = ${hub.id} AND a.commitment_id IS NOT NULL AND a.status IN ('approved','awarded','in_payment','closed')
          ${after ? sql`AND a.id < ${after}::uuid` : sql``}
        ORDER BY a.id DESC LIMIT 50`);
      bare.push(performance.now() - t);
      after = rows.at(-1)?.id ?? null;
    }
    service.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);

    // The export as the route sends it (JSON, then the CSV summary), written batch by batch.
    const text = async (chunks: AsyncIterable<string>) => {
      let length = 0;
      for await (const chunk of chunks) length += chunk.length;
      if (length === 0) throw new Error('empty export');
    };
    let grants = 0;
    for await (const some of (await openDataGrants(db, hub, 'en-US')).grants) grants += some.length;
    const exports: number[] = [];
    const csvs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      await text(openDataJson(db, hub, 'en-US'));
      exports.push(performance.now() - t);
      t = performance.now();
      await text(openDataCsv(db, hub, 'en-US'));
      csvs.push(performance.now() - t);
    }
    // The bare read: the same rows (each award, its recipient and every ledger movement) in the
    // export's keyset batches of 1,000 awards; 100,000 awards hold 3 million movements, which no
    // single result set of this process could hold.
    const bareExport: number[] = [];
    let bareRows = 0;
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      bareRows = 0;
      // The keyset's time as text: a JS Date would drop the microseconds and read a batch again.
      let last: { at: string; id: string } | null = null;
      for (;;) {
        const after: SQL = last ? sql`AND (a.created_at, a.id) > (${last.at}::timestamptz, ${last.id}::uuid)` : sql``;
        const { rows } = await db.execute<{ at: string; app_id: string }>(sql`
          WITH batch AS (
            SELECT a.id, a.created_at, a.number, a.amount, a.program_id, a.organization_id, a.commitment_id FROM applications a
            WHERE a.hub_id = ${hub.id} AND a.commitment_id IS NOT NULL AND a.organization_id IS NOT NULL
              AND a.status IN ('approved','awarded','in_payment','closed')
              ${after}
            ORDER BY a.created_at, a.id LIMIT ${OPEN_DATA_BATCH})
          SELECT b.id AS app_id, b.created_at::text AS at, b.number, b.amount, p.name_en, p.description_en, o.uscc, o.name_en AS org, t.id, t.kind, t.amount AS moved, t.created_at AS moved_at
          FROM batch b JOIN programs p ON p.hub_id = ${hub.id} AND p.id = b.program_id
            JOIN organizations o ON o.hub_id = ${hub.id} AND o.id = b.organization_id
            JOIN ledger_transfers t ON t.hub_id = ${hub.id} AND (t.id = b.commitment_id OR (t.kind = 'post_pending' AND t.pending_id = b.commitment_id))
          ORDER BY b.created_at, b.id`);
        bareRows += rows.length;
        if (rows.length === 0) break;
        const tail = rows.at(-1)!;
        last = { at: tail.at, id: tail.app_id };
      }
      bareExport.push(performance.now() - t);
    }
    const exportMs = median(exports);
    const csvMs = median(csvs);
    const bareMs = median(bareExport);
    process.stdout.write(
      table(
        ['workload', 'rows', 'p50 ms', 'p95 ms', 'rows/s', 'vs bare SQL'],
        [
          [`bare keyset SELECT, 50 a page (${PAGES} pages)`, '50', ms(quantile(bare, 0.5)), ms(quantile(bare, 0.95)), '-', '1.00x'],
          [
            `listPublicAwards, 50 a page (${PAGES} pages)`,
            '50',
            ms(quantile(service, 0.5)),
            ms(quantile(service, 0.95)),
            '-',
            ratio(quantile(bare, 0.5), quantile(service, 0.5)),
          ],
          ['bare SELECT of every award and its ledger movements', int(bareRows), ms(bareMs), '-', int((bareRows / bareMs) * 1000), '1.00x'],
          ['exportOpenData 360giving (JSON text, streamed)', int(grants), ms(exportMs), '-', int((grants / exportMs) * 1000), ratio(bareMs, exportMs)],
          ['exportOpenData csv (CSV text, streamed)', int(grants), ms(csvMs), '-', int((grants / csvMs) * 1000), ratio(bareMs, csvMs)],
        ],
      ) + '\n',
    );
    log("ratios: the bare figure's time over the service's (1.00x = as fast as the bare SQL; 0.25x = four times slower)");
  });
}
