import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';

/**
 * Two projects: the server (and contracts) on Node with one real PostgreSQL for the run, and
 * the web in happy-dom (component tests with Testing Library), which needs no database.
 */
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    // One retry in CI, as in e2e: a test that fails twice fails the run; a pass on retry is
    // reported as flaky, so a one-off on a loaded machine does not sink a whole submission.
    retry: process.env.CI ? 1 : 0,
    hookTimeout: 120_000,
    pool: 'forks',
    // A worker per core, at least two: a server test spends much of its time waiting on
    // PostgreSQL, so two workers on two cores finish the suite in about 60% of one's time
    // (vitest's default, a core less than the machine has, is one worker on two cores).
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'contracts/**/*.test.ts'],
          // Tests of Citus itself run only against a cluster (`npm run test:citus`).
          exclude: [...configDefaults.exclude, ...(process.env.DRAGONGATE_CITUS ? [] : ['**/*.citus.test.ts'])],
          environment: 'node',
          globalSetup: ['server/test/global-setup.ts'],
          setupFiles: ['server/test/setup.ts'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['web/test/setup.ts'],
        },
      },
    ],
  },
});
