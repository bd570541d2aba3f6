import { verifyLedger } from '../modules/budget/index.js';
import type { Config } from '../platform/config.js';
import { findHub, listHubRows } from '../platform/tenancy/tenancy.js';
import { openDatabase } from './database.js';
import { progressBar } from './progress.js';

/** `dragongate ledger verify [--hub X]`: every invariant over the whole history; exit 1 if any fails. */
export async function ledgerVerify(config: Config, hubSlug: string | undefined): Promise<number> {
  const database = await openDatabase(config);
  try {
    const hubs = hubSlug ? [await findHub(database.db, hubSlug)] : await listHubRows(database.db);
    const bar = progressBar('Verifying ledgers');
    let failed = 0;
    const lines: string[] = [];
    for (const [i, hub] of hubs.entries()) {
      const problems = await verifyLedger(database.db, hub.id);
      bar.update(i + 1, hubs.length);
      if (problems.length) failed++;
      lines.push(problems.length ? `BROKEN ${hub.slug}: ${problems.length} problem(s)` : `ok ${hub.slug}`);
      for (const p of problems) lines.push(`  ${p.check}: ${p.subject}: ${p.detail}`);
    }
    bar.stop();
    process.stdout.write(lines.join('\n') + '\n');
    return failed ? 1 : 0;
  } finally {
    await database.shutdown();
  }
}
