import exitHook from 'async-exit-hook';
import { buildApp } from '../app.js';
import { seedDemo } from '../db/seed.js';
import { createAuth } from '../platform/auth/auth.js';
import type { Config } from '../platform/config.js';
import { startJobs } from '../platform/jobs/jobs.js';
import { listHubRows } from '../platform/tenancy/tenancy.js';
import { openDatabase } from './database.js';
import { progressBar } from './progress.js';

/**
 * Starts the database (if embedded), migrates, serves API + web. With `demo` (what `npm start`
 * asks for) an empty database gets the demo hubs and their accounts first; without it nothing
 * is seeded, so a city's deployment never carries the demo's published password.
 */
export async function serve(config: Config, options: { demo: boolean }): Promise<void> {
  const database = await openDatabase(config, { poolSize: 20 });
  const empty = (await listHubRows(database.db)).length === 0;
  const seeded = empty && options.demo;
  if (seeded) {
    const bar = progressBar('Seeding the demo hubs');
    await seedDemo(database.db, createAuth(database.db, config), (_step, done, total) => bar.update(done, total));
    bar.stop();
  }
  const app = await buildApp({ db: database.db, config });
  const jobs = config.startJobs
    ? await startJobs(
        database.url,
        database.db,
        (msg, err) => app.log.error({ err: { message: (err as Error)?.message, code: (err as { code?: string })?.code } }, msg),
        config,
      )
    : null;

  // On SIGINT/SIGTERM: stop taking requests, let jobs finish, close the pools, then stop
  // the embedded database. async-exit-hook waits for this (up to 10 s) before exiting.
  exitHook((done) => {
    void (async () => {
      await app.close().catch(() => {});
      await jobs?.stop().catch(() => {});
      await database.shutdown().catch(() => {});
    })().finally(done);
  });

  await app.listen({ host: config.host, port: config.port });
  process.stdout.write(banner(config, { seeded, demo: options.demo, empty }));
}

function banner(config: Config, state: { seeded: boolean; demo: boolean; empty: boolean }): string {
  const next = state.demo
    ? [
        '  Demo accounts (password dragongate-demo-2026):',
        '    admin@ officer@ reviewer@ finance@ station@ space@ compute@ auditor@ startup@ graduate@  ...hangzhou.demo',
        '    admin@shenzhen.demo, admin@beijing.demo',
      ]
    : state.empty
      ? [
          '  No hub yet. To open the first one:',
          '    dragongate users create --email YOU   (the password from DRAGONGATE_PASSWORD)',
          '    dragongate operators add YOU',
          '    then sign in and choose "Open a hub" (or: dragongate --help, hubs create)',
        ]
      : [];
  return [
    '',
    `  Dragon Gate is running at ${config.publicUrl}`,
    `  API docs: ${config.publicUrl}/api/docs`,
    `  Data: ${config.databaseUrl ? 'DATABASE_URL' : config.home}${state.seeded ? ' (demo data seeded)' : ''}`,
    '',
    ...next,
    ...(next.length ? [''] : []),
  ].join('\n');
}
