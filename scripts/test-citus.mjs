// `npm run test:citus`: the integration tests that move money, book beds, apply to programs,
// review and import, against a real Citus cluster (coordinator + 2 workers, distributed by
// hub_id after migrating: server/test/global-setup.ts).
//
// The cluster comes from CITUS_URL if set, else from the shared script (CITUS_CLUSTER,
// default ../shared/citus/cluster.sh beside the checkout, or /work/shared/citus/cluster.sh),
// which is reset to an empty database first (its `start` builds Citus once and needs root).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Chosen for what they prove on shards, and kept short enough for CI. */
const citusTests = [
  'server/db/citus/',
  'server/modules/budget/ledger.concurrency.test.ts',
  'server/modules/budget/budget.test.ts',
  'server/modules/budget/carry-forward.test.ts',
  'server/modules/stays/stays.concurrency.test.ts',
  'server/modules/stays/stays-idempotency.test.ts',
  'server/modules/spaces/spaces.concurrency.test.ts',
  'server/modules/programs/applications.test.ts',
  'server/modules/programs/applications.concurrency.test.ts',
  'server/modules/programs/matching.test.ts',
  'server/modules/programs/simulation.test.ts',
  // The hub's calendar year read from the hubs reference table inside a shard's statement.
  'server/modules/programs/hub-year.test.ts',
  'server/modules/talent/identity-claims.test.ts',
  'server/modules/talent/identity-claims-merge.test.ts',
  'server/modules/reviews/reviews.test.ts',
  'server/modules/reviews/awards.test.ts',
  'server/modules/reviews/award-turns.test.ts',
  'server/modules/ecosystem/exchange/exchange.test.ts',
  'server/modules/ecosystem/exchange/import-writer.test.ts',
  'server/modules/ecosystem/organizations.test.ts',
  'server/modules/ecosystem/summaries.test.ts',
  'server/modules/ecosystem/organization-snapshot.test.ts',
  'server/modules/round-trips.test.ts',
  // Every signed-in test passes through the sign-in lockout's one-statement upsert.
  'server/platform/auth/sign-in-race.test.ts',
  // The hub's security rules (second factor, session limits) are one upsert per hub.
  'server/platform/auth/two-factor.test.ts',
];

function clusterUrl() {
  if (process.env.CITUS_URL) return process.env.CITUS_URL;
  const candidates = [process.env.CITUS_CLUSTER, path.resolve('../shared/citus/cluster.sh'), '/work/shared/citus/cluster.sh'];
  const script = candidates.find((c) => c && existsSync(c));
  if (!script) throw new Error('No Citus cluster: set CITUS_URL, or CITUS_CLUSTER to the path of cluster.sh');
  execFileSync(script, ['start'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return execFileSync(script, ['reset'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    .trim()
    .split('\n')
    .at(-1);
}

const url = clusterUrl();
process.stderr.write(`Citus coordinator: ${url}\n`);
const files = process.argv.length > 2 ? process.argv.slice(2) : citusTests;
const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'server', ...files], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url, DRAGONGATE_CITUS: '1' },
});
process.exit(run.status ?? 1);
