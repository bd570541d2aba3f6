import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { progressBar } from '../server/cli/progress.js';
import { generateEcosystem, seededRandom } from '../server/db/synthetic.js';
import { findConflicts } from '../server/modules/ecosystem/index.js';
import { findHub } from '../server/platform/tenancy/tenancy.js';
import { createHub } from '../server/platform/tenancy/tenancy.service.js';
import { withBenchDatabase } from './bench-database.js';
import { int, ms, ratio, table } from './support.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const FULL = { organizations: 100_000, people: 200_000, relations: 500_000 };
const REVIEWERS = 1_000;
const APPLICATIONS = 10_000;
const SINGLE = 200; // one application at a time, as assignReviewers asks
const REPEAT = 3;
const log = (line: string) => process.stdout.write(`  ${line}\n`);

/**
 * Conflict-of-interest detection for 1,000 reviewers x 10,000 applicant organisations over
 * the synthetic graph (100k organisations, 200k people, 500k relations at BENCH_SCALE=1),
 * beside a plain join measured in the same run: reviewers' own relations to the applicants
 * (the direct ties only, one index join). The full check adds the applicants' investors
 * and classmates of their founders. Also one application against all 1,000 reviewers, the
 * query assignReviewers runs.
 */
export async function runConflictsBench(): Promise<void> {
  await withBenchDatabase('conflicts', 4, async ({ database }) => {
    const db = database.db;
    const slug = `bench-coi-${randomUUID().slice(0, 8)}`;
    await createHub(db, { slug, name: { zh: '基准', en: 'Bench' }, country: 'CN', timeZone: 'Asia/Shanghai', currency: 'CNY', defaultLocale: 'en-US' });
    const hub = await findHub(db, slug);
    const size = {
      organizations: Math.round(FULL.organizations * SCALE),
      people: Math.round(FULL.people * SCALE),
      relations: Math.round(FULL.relations * SCALE),
    };
    let t = performance.now();
    const bar = progressBar('Generating the ecosystem');
    await generateEcosystem(db, hub.id, { ...size, onProgress: (d, n) => bar.update(d, n) });
    bar.stop();
    await db.execute(sql`ANALYZE`);
    log(
      `scale ${SCALE} (BENCH_SCALE): ${int(size.organizations)} organisations, ${int(size.people)} people, ${int(size.relations)} relations (generated in ${ms(performance.now() - t)} ms)`,
    );

    // Reviewers: people with ties (investors and founders are the interesting ones); applicants: organisations that have ties too.
    const random = seededRandom(7);
    const pick = <T>(xs: T[], n: number) => {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out.slice(0, n);
    };
    const people = (
      await db.execute<{ id: string }>(
        sql`SELECT DISTINCT from_person_id AS id FROM relations WHERE hub_id = ${hub.id} AND from_person_id IS NOT NULL ORDER BY 1`,
      )
    ).rows.map((r) => r.id);
    const orgs = (await db.execute<{ id: string }>(sql`SELECT DISTINCT to_organization_id AS id FROM relations WHERE hub_id = ${hub.id} ORDER BY 1`)).rows.map(
      (r) => r.id,
    );
    const reviewers = pick(people, REVIEWERS);
    const applicants = pick(orgs, APPLICATIONS);
    const since = '2016-01-01'; // a ten-year window from 2026
    log(
      `${int(reviewers.length)} reviewers x ${int(applicants.length)} applicant organisations = ${int(reviewers.length * applicants.length)} pairs, ties since ${since}`,
    );

    const arrays = { r: `{${reviewers.join(',')}}`, o: `{${applicants.join(',')}}` };
    const baseline = async () =>
      (
        await db.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM (SELECT DISTINCT r.from_person_id, r.to_organization_id FROM relations r
        WHERE r.hub_id = ${hub.id} AND r.from_person_id = ANY(${arrays.r}::uuid[]) AND r.to_organization_id = ANY(${arrays.o}::uuid[])
          AND r.kind IN ('founded', 'works_at', 'invested_in') AND (r.ends_on IS NULL OR r.ends_on >= ${since}::date)) d`)
      ).rows[0]!.n;
    const full = async () => (await findConflicts(db, hub.id, { reviewers, organizations: applicants, persons: [], since })).length;

    const timed = async (f: () => Promise<number>) => {
      await f(); // warm-up
      const times: number[] = [];
      let result = 0;
      for (let i = 0; i < REPEAT; i++) {
        t = performance.now();
        result = await f();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return { median: times[Math.floor(times.length / 2)]!, result };
    };
    const base = await timed(baseline);
    const all = await timed(full);
    const hits = await findConflicts(db, hub.id, { reviewers, organizations: applicants, persons: [], since });
    const byKind = Object.entries(hits.reduce<Record<string, number>>((m, h) => ((m[h.kind] = (m[h.kind] ?? 0) + 1), m), {}))
      .map(([k, n]) => `${k} ${int(n)}`)
      .join(', ');

    t = performance.now();
    for (const org of applicants.slice(0, SINGLE)) await findConflicts(db, hub.id, { reviewers, organizations: [org], persons: [], since });
    const single = (performance.now() - t) / SINGLE;

    log('');
    process.stdout.write(
      table(
        ['query', 'median ms', 'pairs found', 'vs plain join'],
        [
          ['plain join (direct ties only)', ms(base.median), int(base.result), '1.00x'],
          ['conflict check (direct, investors, classmates)', ms(all.median), int(all.result), ratio(all.median, base.median)],
          [`one application x ${int(reviewers.length)} reviewers (mean of ${SINGLE})`, ms(single), '', ratio(single, base.median)],
        ],
      ) + '\n',
    );
    log('');
    log(`conflicts by kind: ${byKind || 'none'}; median of ${REPEAT} runs after one warm-up`);
  });
}
