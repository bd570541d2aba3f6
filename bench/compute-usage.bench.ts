import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { withTransaction } from '../server/db/transaction.js';
import { uploadComputeUsage } from '../server/modules/compute/usage-upload.service.js';
import { submitComputeRequest } from '../server/modules/compute/requests.service.js';
import { findHub } from '../server/platform/tenancy/tenancy.js';
import { createHub } from '../server/platform/tenancy/tenancy.service.js';
import { computeWorld, flavor } from '../server/test/compute-factories.js';
import { withBenchDatabase } from './bench-database.js';
import { copyFromFile, copyText } from './pg-copy.js';
import { int, ms, ratio, table } from './support.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** File sizes measured: a provider's hourly file and a day's file (the API takes batches of at most 1,000). */
const FILE_SIZES = [500, 5_000];
const COLUMNS = [
  'hub_id',
  'id',
  'provider_id',
  'record_id',
  'request_id',
  'organization_id',
  'flavor_id',
  'gpu_hours',
  'started_at',
  'ended_at',
  'cost',
  'outcome',
];

/**
 * Usage ingestion: a provider's CSV files (one transaction each) through
 * `uploadComputeUsage` (parse, check, replay guard, overlap guard, the voucher's share
 * posted through the ledger once per file, one audit event per file) beside
 * PostgreSQL's `COPY FROM STDIN` of the same number of rows into the same table, in the
 * same run. Aim from the issue: within 3x of COPY.
 */
export async function runComputeUsageBench(): Promise<void> {
  const rows = Math.max(500, Math.round(10_000 * SCALE));
  await withBenchDatabase('compute-usage', 4, async ({ database }) => {
    const db = database.db;
    const slug = `bench-usage-${randomUUID().slice(0, 8)}`;
    await createHub(db, { slug, name: { zh: '基准', en: 'Bench' }, country: 'CN', timeZone: 'Asia/Shanghai', currency: 'CNY', defaultLocale: 'en-US' });
    const hub = await findHub(db, slug);
    const world = await computeWorld(db, hub, {
      quota: { concurrentGpus: 1_000, borrowingLimit: 0, gpuHours: 10_000_000 },
      flavors: [flavor({ gpus: 1_000 })],
      voucher: { contract: '100000000000', chips: 'other' },
    });
    const s = world.startups[0]!;
    const flavorId = world.flavors[0]!.id;
    // Each file meters its own request (four days on one GPU: 5,000 minutes fit) in one-minute records at the list price
    // (0.017 GPU-hours of CNY 20 = 34 fen; usage must match its request), uploaded once the four days are over (`metered`:
    // usage is metered once it has happened).
    const admit = async () => {
      const r = await withTransaction(db, (tx) =>
        submitComputeRequest(
          tx,
          { hub, actor: s.founder },
          {
            organizationId: s.orgId,
            flavor: flavorId,
            gpus: 1,
            hours: 96,
            deadline: new Date(Date.now() + 144 * HOUR).toISOString(),
            priority: 'normal',
          },
        ),
      );
      return { id: r.id, start: r.startAt!.getTime() };
    };
    const metered = new Date(Date.now() + 97 * HOUR);
    const measured: { fileRows: number; ms: number; applied: number }[] = [];
    for (const fileRows of FILE_SIZES) {
      const files: Buffer[] = [];
      for (let f = 0; f * fileRows < rows; f++) {
        const req = await admit();
        const lines = ['recordId,requestId,flavorId,gpuHours,startedAt,endedAt,cost,corrects'];
        for (let i = 0; i < fileRows && f * fileRows + i < rows; i++) {
          const from = req.start + i * MINUTE;
          lines.push(`u${fileRows}-${f}-${i},${req.id},${flavorId},0.017,${new Date(from).toISOString()},${new Date(from + MINUTE).toISOString()},34,`);
        }
        files.push(Buffer.from(lines.join('\r\n') + '\r\n'));
      }
      const t = performance.now();
      let applied = 0;
      for (const body of files) {
        const results = await withTransaction(db, (tx) =>
          uploadComputeUsage(tx, { hub, actor: world.operator }, { providerId: world.provider.id, format: 'csv', body }, metered),
        );
        applied += results.filter((r) => r.outcome === 'applied').length;
      }
      measured.push({ fileRows, ms: performance.now() - t, applied });
    }
    const req = await admit();

    // The same rows as COPY text, with other record ids (the unique index would refuse the same ones).
    const dir = await mkdtemp(join(tmpdir(), 'dg-usage-copy-'));
    const file = join(dir, 'usage.tsv');
    const text: string[] = [];
    for (let n = 0; n < rows; n++) {
      const from = req.start + n * MINUTE;
      const values = [
        hub.id,
        randomUUID(),
        world.provider.id,
        `copy-${n}`,
        req.id,
        s.orgId,
        flavorId,
        '0.017',
        new Date(from).toISOString(),
        new Date(from + MINUTE).toISOString(),
        '34',
        'applied',
      ];
      text.push(values.map(copyText).join('\t'));
    }
    await writeFile(file, text.join('\n') + '\n');
    const client = await database.pool.connect();
    const t = performance.now();
    let copied = 0;
    try {
      copied = await copyFromFile(client, 'compute_usage', COLUMNS, file);
    } finally {
      client.release();
      await rm(dir, { recursive: true, force: true });
    }
    const copyMs = performance.now() - t;
    const copyRate = copied / (copyMs / 1000);
    process.stdout.write(
      table(
        [`usage ingestion (${int(rows)} rows)`, 'ms', 'rows/s', 'vs COPY'],
        [
          ...measured.map((m) => {
            const rate = rows / (m.ms / 1000);
            return [`uploadComputeUsage, files of ${int(m.fileRows)} (${int(m.applied)} applied, voucher paid)`, ms(m.ms), int(rate), ratio(rate, copyRate)];
          }),
          ['COPY FROM STDIN of the same rows (baseline)', ms(copyMs), int(copyRate), '1.00x'],
        ],
      ) + '\n',
    );
  });
}
