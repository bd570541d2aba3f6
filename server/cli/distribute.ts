import { distribute, isCitus } from '../db/citus/distribute.js';
import type { Config } from '../platform/config.js';
import { openDatabase } from './database.js';

const out = (line: string) => process.stdout.write(line + '\n');

/** `dragongate db distribute`: migrate, then place every table on Citus (idempotent). */
export async function dbDistribute(config: Config): Promise<number> {
  if (!config.databaseUrl) {
    out('db distribute needs DATABASE_URL pointing at a Citus coordinator.');
    return 2;
  }
  const database = await openDatabase(config);
  try {
    if (!(await isCitus(database.db))) {
      out('This database has no Citus extension (CREATE EXTENSION citus on the coordinator and every worker first).');
      return 1;
    }
    const report = await distribute(database.db);
    out(
      report.converted
        ? `Distributed: ${report.distributed} tables by hub_id, ${report.reference} reference tables (${report.converted} placed now); ${report.foreignKeys} foreign keys restored.`
        : `Already distributed: ${report.distributed} tables by hub_id, ${report.reference} reference tables, ${report.foreignKeys} foreign keys; nothing to do.`,
    );
    return 0;
  } finally {
    await database.shutdown();
  }
}
