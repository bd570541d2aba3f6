import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { withTransaction } from '../server/db/transaction.js';
import { admit, type Queue, type Request, type Snapshot } from '../server/modules/compute/admission.js';
import { submitComputeRequest } from '../server/modules/compute/requests.service.js';
import { findHub } from '../server/platform/tenancy/tenancy.js';
import { createHub } from '../server/platform/tenancy/tenancy.service.js';
import { computeWorld, flavor } from '../server/test/compute-factories.js';
import { withBenchDatabase } from './bench-database.js';
import { closedLoop, int, ms, ratio, table } from './support.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const log = (line: string) => process.stdout.write(`  ${line}\n`);
const HOUR = 3_600_000;

/** A deterministic snapshot: `queues` queues in cohorts of 50, four flavors, `pending` requests. */
function syntheticSnapshot(queues: number, pending: number): Snapshot {
  let seed = 42;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const flavors = ['h20', 'a800', 'h100', 'ascend'].map((id) => ({ id, domestic: id === 'ascend', cpuPerGpu: 16, memoryPerGpu: 128 }));
  const horizon = 24 * 14;
  const capacity = Object.fromEntries(flavors.map((f) => [f.id, Array.from({ length: horizon }, () => 2_000)]));
  const qs: Queue[] = Array.from({ length: queues }, (_, i) => ({
    id: `q${i}`,
    cohortId: `c${i % Math.max(1, Math.floor(queues / 50))}`,
    weight: 1,
    quotas: Object.fromEntries(flavors.map((f) => [f.id, { nominal: 4, borrowingLimit: 8, lendingLimit: null, gpuHoursLeft: 10_000 }])),
    history: { gpu: rnd() * 500, cpu: 0, memory: 0 },
  }));
  const requests: Request[] = Array.from({ length: pending }, (_, i) => {
    const hours = 1 + Math.floor(rnd() * 12);
    const earliest = Math.floor(rnd() * 48);
    return {
      id: `r${i}`,
      queueId: `q${Math.floor(rnd() * queues)}`,
      flavor: flavors[Math.floor(rnd() * 4)]!.id,
      gpus: 1 + Math.floor(rnd() * 8),
      hours,
      earliest,
      deadline: earliest + hours + 24 + Math.floor(rnd() * 200),
      priority: Math.floor(rnd() * 3),
      submitted: 0,
    };
  });
  return { now: 0, horizon, lookaheadSlots: 24, noticeSlots: 1, guardSlots: 6, flavors, capacity, queues: qs, workloads: [], pending: requests };
}

/**
 * The pure admission engine deciding 60,000 pending requests of 2,000 queues (aim:
 * >= 10,000 decisions/s), beside a bare loop over the same snapshot (each request's
 * window checked against flat capacity, no quotas, no order); then admissions through the
 * service (snapshot, engine, counters, audit in one transaction; Kueue's CI baseline is
 * about 43 admissions/s) beside bare INSERTs of the same requests.
 */
export async function runComputeBench(): Promise<void> {
  const queues = Math.max(50, Math.round(2_000 * SCALE));
  const pending = Math.max(500, Math.round(60_000 * SCALE));
  const snapshot = syntheticSnapshot(queues, pending);
  let t = performance.now();
  const decisions = admit(snapshot);
  const engineMs = performance.now() - t;
  t = performance.now();
  let fits = 0;
  const used = new Map(snapshot.flavors.map((f) => [f.id, new Int32Array(snapshot.horizon)]));
  for (const r of snapshot.pending) {
    const u = used.get(r.flavor)!;
    let ok = true;
    for (let h = r.earliest; h < r.earliest + r.hours; h++) if (u[h]! + r.gpus > 2_000) ok = false;
    if (ok) {
      for (let h = r.earliest; h < r.earliest + r.hours; h++) u[h] = u[h]! + r.gpus;
      fits++;
    }
  }
  const bareMs = performance.now() - t;
  const kinds = new Map<string, number>();
  for (const d of decisions) kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
  log(
    `engine: ${int(queues)} queues, ${int(pending)} pending requests; ${[...kinds].map(([k, n]) => `${k} ${int(n)}`).join(', ')} (bare loop placed ${int(fits)})`,
  );
  const engineRate = pending / (engineMs / 1000);
  const bareRate = pending / (bareMs / 1000);
  process.stdout.write(
    table(
      ['pure engine', 'ms', 'decisions/s', 'vs bare loop'],
      [
        ['admit(snapshot)', ms(engineMs), int(engineRate), ratio(engineRate, bareRate)],
        ['bare loop (baseline)', ms(bareMs), int(bareRate), '1.00x'],
      ],
    ) + '\n',
  );

  await withBenchDatabase('compute', 8, async ({ database }) => {
    const db = database.db;
    const slug = `bench-compute-${randomUUID().slice(0, 8)}`;
    await createHub(db, { slug, name: { zh: '基准', en: 'Bench' }, country: 'CN', timeZone: 'Asia/Shanghai', currency: 'CNY', defaultLocale: 'en-US' });
    const hub = await findHub(db, slug);
    const world = await computeWorld(db, hub, {
      startups: 30,
      quota: { concurrentGpus: 100, borrowingLimit: 10_000, gpuHours: 10_000_000 },
      flavors: [flavor({ gpus: 100_000 })],
    });
    const deadline = () => new Date(Date.now() + 48 * HOUR).toISOString();
    let i = 0;
    const seconds = Math.max(3, Math.round(10 * Math.min(1, SCALE)));
    const admitted = await closedLoop(
      async () => {
        const s = world.startups[i++ % world.startups.length]!;
        await withTransaction(db, (tx) =>
          submitComputeRequest(
            tx,
            { hub, actor: s.founder },
            { organizationId: s.orgId, flavor: world.flavors[0]!.id, gpus: 1, hours: 2, deadline: deadline(), priority: 'normal' },
          ),
        );
      },
      4,
      seconds,
    );
    const queueId = (await db.execute<{ id: string }>(sql`SELECT id FROM compute_queues WHERE hub_id = ${hub.id} LIMIT 1`)).rows[0]!.id;
    const inserts = await closedLoop(
      async () => {
        await db.execute(sql`INSERT INTO compute_requests (hub_id, id, reference, queue_id, organization_id, flavor_requested, gpus, cpus, memory_gib, hours, priority, earliest_start, deadline, status, submitted_by)
          VALUES (${hub.id}, gen_random_uuid(), ${`B-${randomUUID()}`}, ${queueId}, ${world.startups[0]!.orgId}, ${world.flavors[0]!.id}, 1, 16, 128, 2, 'normal', now(), now() + interval '48 hours', 'cancelled', ${world.operator.userId})`);
      },
      4,
      seconds,
    );
    const apiRate = admitted / seconds;
    const insertRate = inserts / seconds;
    process.stdout.write(
      table(
        ['through the service (4 clients)', 'per second', 'vs bare INSERT', 'vs Kueue CI (~43/s)'],
        [
          ['submitComputeRequest (admission round)', int(apiRate), ratio(apiRate, insertRate), ratio(apiRate, 43)],
          ['bare INSERT of a request (baseline)', int(insertRate), '1.00x', ''],
        ],
      ) + '\n',
    );
  });
}
