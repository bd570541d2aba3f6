import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ExchangeFormat } from '../contracts/ecosystem-exchange.js';
import { type Database } from '../server/db/connection.js';
import { generateEcosystem } from '../server/db/synthetic.js';
import { exportEcosystem } from '../server/modules/ecosystem/exchange/export.js';
import { importEcosystem } from '../server/modules/ecosystem/exchange/import.service.js';
import type { Actor } from '../server/platform/policies.js';
import { findHub, type HubRow } from '../server/platform/tenancy/tenancy.js';
import { createHub } from '../server/platform/tenancy/tenancy.service.js';
import { copyFromFile, copyText } from './pg-copy.js';
import { withBenchDatabase } from './bench-database.js';
import { int, ms, ratio, table } from './support.js';

const FULL = { organizations: 100_000, people: 200_000, relations: 500_000 };
const operator: Actor = { userId: null, hubRoles: ['hub_admin'] };
const COPY_COLUMNS: Record<string, string[]> = {
  organizations: ['id', 'kind', 'name_zh', 'name_en', 'uscc', 'founded_on', 'sectors', 'headcount', 'website'],
  people: ['id', 'name_zh', 'name_en', 'roles', 'born_on', 'talent_tier'],
  relations: [
    'id',
    'kind',
    'from_person_id',
    'from_organization_id',
    'to_organization_id',
    'starts_on',
    'ends_on',
    'title',
    'degree',
    'round',
    'amount_minor',
    'currency',
    'source_url',
    'source_note',
  ],
};

type Run = { name: string; rows: number; ms: number; peakRss: number; baseRss: number; fileBytes: number };

/**
 * Import of 100,000 organisations + 200,000 people + 500,000 relations (times
 * BENCH_SCALE, default 0.1) from CSV and XLSX, against PostgreSQL's own `COPY FROM
 * STDIN` of the same rows into the same tables and indexes in the same run.
 */
export async function runImportBench(): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? '0.1');
  const counts = {
    organizations: Math.round(FULL.organizations * scale),
    people: Math.round(FULL.people * scale),
    relations: Math.round(FULL.relations * scale),
  };
  const total = counts.organizations + counts.people + counts.relations;
  log(
    `scale ${scale} (BENCH_SCALE): ${int(counts.organizations)} organisations + ${int(counts.people)} people + ${int(counts.relations)} relations = ${int(total)} rows`,
  );
  await withBenchDatabase('import', 4, async ({ database, home }) => {
    const db = database.db;

    const source = await newHub(database, 'src');
    let t = performance.now();
    await generateEcosystem(db, source.id, { ...counts });
    log(`synthetic generator: ${int(total)} rows in ${ms(performance.now() - t)} ms (${int(total / ((performance.now() - t) / 1000))} rows/s)`);

    const files: Record<ExchangeFormat, string> = { csv: path.join(home, 'eco.csv'), xlsx: path.join(home, 'eco.xlsx') };
    const formats: ExchangeFormat[] = process.env.BENCH_XLSX === '0' ? ['csv'] : ['csv', 'xlsx'];
    for (const format of formats) {
      t = performance.now();
      const out = createWriteStream(files[format]);
      const closed = once(out, 'close');
      await exportEcosystem(db, { hub: source, actor: operator }, format, out);
      await closed;
      log(`export ${format}: ${int(total)} rows in ${ms(performance.now() - t)} ms, ${(statSync(files[format]).size / 2 ** 20).toFixed(1)} MiB`);
    }

    const runs: Run[] = [];
    for (const format of formats) {
      const hub = await newHub(database, format);
      const run = await measure(`import ${format} (validate, then write)`, async () => {
        const result = await importEcosystem(db, { hub, actor: operator }, { format, open: () => createReadStream(files[format]) });
        if (result.errorCount) throw new Error(`import ${format} found ${result.errorCount} problems, first: ${JSON.stringify(result.errors[0])}`);
        return result.written.organizations + result.written.people + result.written.relations;
      });
      runs.push({ ...run, fileBytes: statSync(files[format]).size });
      log(`  ${run.name}: ${ms(run.ms)} ms`);
    }

    // The baseline: the same rows as COPY text files, streamed by COPY FROM STDIN in one transaction.
    const target = await newHub(database, 'copy');
    const copyFiles = await writeCopyFiles(database, source.id, target.id, home);
    const copy = await measure('COPY FROM STDIN (baseline)', async () => {
      const client = await database!.pool.connect();
      try {
        await client.query('BEGIN');
        let rows = 0;
        for (const [name, cols] of Object.entries(COPY_COLUMNS)) rows += await copyFromFile(client, name, ['hub_id', ...cols], copyFiles[name]!);
        await client.query('COMMIT');
        return rows;
      } finally {
        client.release();
      }
    });
    log(`  ${copy.name}: ${ms(copy.ms)} ms`);
    runs.push({ ...copy, fileBytes: Object.values(copyFiles).reduce((s, f) => s + statSync(f).size, 0) });

    const mib = (b: number) => (b / 2 ** 20).toFixed(0);
    log('');
    log(
      table(
        ['run', 'rows', 'ms', 'rows/s', 'vs COPY (time)', 'file MiB', 'RSS before', 'peak RSS MiB'],
        runs.map((r) => [r.name, int(r.rows), int(r.ms), int(r.rows / (r.ms / 1000)), ratio(r.ms, copy.ms), mib(r.fileBytes), mib(r.baseRss), mib(r.peakRss)]),
      ),
    );
    log('');
    log('  "vs COPY" is import time / COPY time for the same rows, tables and indexes (higher is slower)');
    log('  the import reads the file twice (validate every row, then write) and runs the contract schemas per row;');
    log('  peak RSS is this process only (PostgreSQL is another process), sampled every 20 ms');
  });
}

async function newHub(database: Database, tag: string): Promise<HubRow> {
  const slug = `bench-${tag}-${randomUUID().slice(0, 6)}`;
  await createHub(database.db, {
    slug,
    name: { zh: '基准', en: `Bench ${slug}` },
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    currency: 'CNY',
    defaultLocale: 'en-US',
  });
  return findHub(database.db, slug);
}

/** Time and peak RSS of `work`, sampled every 20 ms. */
async function measure(name: string, work: () => Promise<number>): Promise<Omit<Run, 'fileBytes'>> {
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const rows = await work();
    return { name, rows, ms: performance.now() - started, peakRss: Math.max(peakRss, process.memoryUsage().rss), baseRss };
  } finally {
    clearInterval(sampler);
  }
}

/** COPY text files of the source hub's rows, for the target hub (ids may repeat: keys lead with hub_id). */
async function writeCopyFiles(database: Database, hubId: string, targetHubId: string, dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const [name, cols] of Object.entries(COPY_COLUMNS)) {
    const file = path.join(dir, `${name}.copy`);
    const out = createWriteStream(file);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const { rows } = await database.pool.query(`SELECT ${cols.join(', ')} FROM ${name} WHERE hub_id = $1 AND id > $2 ORDER BY id LIMIT 10000`, [
        hubId,
        after,
      ]);
      if (rows.length === 0) break;
      const text = rows.map((r: Record<string, unknown>) => [targetHubId, ...cols.map((c) => copyText(r[c]))].join('\t') + '\n').join('');
      if (!out.write(text)) await once(out, 'drain');
      after = rows[rows.length - 1].id as string;
    }
    out.end();
    await once(out, 'close');
    files[name] = file;
  }
  return files;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
