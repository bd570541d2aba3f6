import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename } from 'node:fs/promises';
import type { Config } from '../platform/config.js';
import { countAuditEvents } from '../platform/audit/audit.js';
import { auditChainNamed } from '../platform/audit/deployment-chain.js';
import { auditExportFormats, exportAuditChain, type AuditExportFormat } from '../platform/audit/export.js';
import { openDatabase } from './database.js';
import { progressBar } from './progress.js';

const usage = 'usage: dragongate audit export FILE --hub SLUG|deployment [--format jsonl|csv] [--from ISO] [--to ISO]\n';

/**
 * `dragongate audit export FILE --hub SLUG`: a chain's events (archived ones included) as
 * JSON lines or CSV, with a progress bar. Written to FILE.partial and renamed at the end,
 * so a cut export never looks whole. Reads only; beside a running server it uses that
 * server's database and leaves it running (`openDatabase` stops only what it started).
 */
export async function auditExport(
  config: Config,
  file: string | undefined,
  args: { hub?: string; format?: string; from?: string; to?: string },
): Promise<number> {
  const format = (args.format ?? (file?.endsWith('.csv') ? 'csv' : 'jsonl')) as AuditExportFormat;
  const badTime = [args.from, args.to].some((t) => t !== undefined && Number.isNaN(Date.parse(t)));
  if (!file || !args.hub || !auditExportFormats.includes(format) || badTime) {
    process.stderr.write(usage);
    return 2;
  }
  const database = await openDatabase(config, { poolSize: 2 });
  try {
    const chain = await auditChainNamed(database.db, args.hub);
    if (!chain) {
      process.stderr.write(`no hub ${args.hub}\n`);
      return 1;
    }
    const total = await countAuditEvents(database.db, chain.id);
    const bar = progressBar(`Exporting ${chain.slug}`);
    const partial = `${file}.partial`;
    const out = createWriteStream(partial);
    let done = 0;
    for await (const chunk of exportAuditChain(database.db, chain.id, format, { from: args.from, to: args.to }, (n) => {
      done = n;
      bar.update(n, total);
    })) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await rename(partial, file);
    bar.stop();
    process.stdout.write(`exported ${done} events of ${chain.slug} to ${file}\n`);
    return 0;
  } finally {
    await database.shutdown();
  }
}
