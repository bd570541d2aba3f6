import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { Transform } from 'node:stream';
import type { ExchangeFormat } from '../../contracts/ecosystem-exchange.js';
import { generateEcosystem } from '../db/synthetic.js';
import { countEcosystem, exportEcosystem } from '../modules/ecosystem/exchange/export.js';
import { importEcosystem } from '../modules/ecosystem/exchange/import.service.js';
import type { Config } from '../platform/config.js';
import { refusal } from './refusal.js';
import type { Actor } from '../platform/policies.js';
import { findHub, listHubRows } from '../platform/tenancy/tenancy.js';
import { createHub } from '../platform/tenancy/tenancy.service.js';
import { openDatabase } from './database.js';
import { progressBar } from './progress.js';

const out = (line: string) => process.stdout.write(line + '\n');
// The CLI runs with the database's own authority, as the operator who holds its credentials.
const operator: Actor = { userId: null, hubRoles: ['hub_admin'] };

function formatOf(file: string): ExchangeFormat | null {
  const ext = path.extname(file).toLowerCase();
  return ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : null;
}

/** `dragongate import FILE --hub X [--partial] [--dry-run]`: exit 1 when any row is bad. */
export async function importFile(config: Config, file: string | undefined, args: { hub?: string; partial?: boolean; dryRun?: boolean }): Promise<number> {
  const format = file ? formatOf(file) : null;
  if (!file || !format || !args.hub) {
    out('usage: dragongate import FILE.xlsx|FILE.csv --hub SLUG [--partial] [--dry-run]');
    return 2;
  }
  if (!existsSync(file)) {
    out(`no such file: ${file}`);
    return 2;
  }
  const size = statSync(file).size;
  const database = await openDatabase(config);
  try {
    const hub = await findHub(database.db, args.hub);
    let read = 0;
    const open = () => {
      read = 0;
      // Counts bytes as they pass, for the progress bar; the import itself never sees sizes.
      const counter = new Transform({ transform: (chunk: Buffer, _e, done) => ((read += chunk.length), done(null, chunk)) });
      return createReadStream(file).pipe(counter);
    };
    let pass: string | null = null;
    let bar = progressBar('Validating');
    const result = await importEcosystem(
      database.db,
      { hub, actor: operator },
      { format, open },
      {
        partial: args.partial,
        dryRun: args.dryRun,
        locale: 'en-US',
        onError: (e) => out(`  ${e.sheet} line ${e.line}, ${e.field}: ${e.message} (${e.code})`),
        onProgress: (phase) => {
          if (pass && phase !== pass) {
            bar.stop();
            bar = progressBar('Writing');
          }
          pass = phase;
          bar.update(read, size);
        },
      },
    );
    bar.stop();
    const w = result.written;
    const verb = result.dryRun ? 'Would write' : 'Written';
    out(`${verb}: ${w.organizations} organisations, ${w.people} people, ${w.relations} relations, ${w.facts} facts.`);
    if (result.errorCount)
      out(`${result.errorCount} problem(s) in ${result.rejected} row(s)${args.partial ? '; the bad rows were rejected' : '; nothing was written'}.`);
    return result.errorCount ? 1 : 0;
  } catch (error) {
    return refusal(error);
  } finally {
    await database.shutdown();
  }
}

/** `dragongate export FILE --hub X`: the format from the extension. */
export async function exportFile(config: Config, file: string | undefined, args: { hub?: string }): Promise<number> {
  const format = file ? formatOf(file) : null;
  if (!file || !format || !args.hub) {
    out('usage: dragongate export FILE.xlsx|FILE.csv --hub SLUG');
    return 2;
  }
  const database = await openDatabase(config);
  try {
    const hub = await findHub(database.db, args.hub);
    const total = await countEcosystem(database.db, hub.id);
    const bar = progressBar(`Exporting ${hub.slug}`);
    const stream = createWriteStream(file);
    const closed = once(stream, 'close');
    const counts = await exportEcosystem(database.db, { hub, actor: operator }, format, stream, (rows) => bar.update(rows, total));
    await closed;
    bar.stop();
    out(`Exported ${counts.organizations} organisations, ${counts.people} people, ${counts.relations} relations, ${counts.facts} facts to ${file}.`);
    return 0;
  } catch (error) {
    return refusal(error);
  } finally {
    await database.shutdown();
  }
}

/** `dragongate seed --synthetic --orgs N --hub X [--people N] [--relations N]`: makes the hub if missing. */
export async function seedSynthetic(config: Config, args: { hub?: string; orgs?: string; people?: string; relations?: string }): Promise<number> {
  const organizations = Number(args.orgs);
  if (!args.hub || !Number.isInteger(organizations) || organizations < 1) {
    out('usage: dragongate seed --synthetic --orgs N --hub SLUG [--people N] [--relations N]');
    return 2;
  }
  const database = await openDatabase(config);
  try {
    if (!(await listHubRows(database.db)).some((h) => h.slug === args.hub)) {
      await createHub(database.db, {
        slug: args.hub,
        name: { zh: `合成 ${args.hub}`, en: `Synthetic ${args.hub}` },
        country: 'CN',
        timeZone: 'Asia/Shanghai',
        currency: 'CNY',
        defaultLocale: 'zh-CN',
      });
      out(`Hub ${args.hub} created.`);
    }
    const hub = await findHub(database.db, args.hub);
    const bar = progressBar(`Generating ${hub.slug}`);
    const started = performance.now();
    const counts = await generateEcosystem(database.db, hub.id, {
      organizations,
      ...(args.people && { people: Number(args.people) }),
      ...(args.relations && { relations: Number(args.relations) }),
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    out(`Generated ${counts.organizations} organisations, ${counts.people} people, ${counts.relations} relations in ${seconds.toFixed(1)} s.`);
    return 0;
  } finally {
    await database.shutdown();
  }
}
