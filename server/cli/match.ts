import { runMatching } from '../modules/programs/index.js';
import type { Config } from '../platform/config.js';
import type { Actor } from '../platform/policies.js';
import { findHub } from '../platform/tenancy/tenancy.js';
import { openDatabase } from './database.js';
import { progressBar } from './progress.js';

const out = (line: string) => process.stdout.write(line + '\n');
// The CLI runs with the database's own authority, as the operator who holds its credentials.
const operator: Actor = { userId: null, hubRoles: ['hub_admin'] };

/** `dragongate match --hub X [--program ID]`: runs matching now, with a progress bar. */
export async function match(config: Config, args: { hub?: string; program?: string }): Promise<number> {
  if (!args.hub) {
    out('usage: dragongate match --hub SLUG [--program ID]');
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const hub = await findHub(database.db, args.hub);
    const bar = progressBar(`Matching ${hub.slug}`);
    const counts = await runMatching(
      database.db,
      { hub, actor: operator },
      { ...(args.program && { programId: args.program }), onProgress: (done, total) => bar.update(done, total) },
    );
    bar.stop();
    const n = (x: number) => x.toLocaleString('en-US');
    out(
      `${hub.slug}: ${n(counts.programs)} programs, ${n(counts.applicants)} applicants, ${n(counts.evaluations)} evaluations, ` +
        `${n(counts.matches)} matches (${n(counts.removed)} stale removed) in ${counts.seconds.toFixed(1)} s`,
    );
    return 0;
  } finally {
    await database.shutdown();
  }
}
