import type { Query, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Db, Tx } from './connection.js';

/**
 * Named prepared statements, for the few statements every booking runs. PostgreSQL parses a
 * named statement once per connection and keeps it; each later run sends only its values,
 * and after five runs PostgreSQL may keep one generic plan instead of planning again (on
 * Citus a statement that names its hub by a parameter is still planned per run, on the hub's
 * one shard: `round-trips.test.ts`).
 *
 * A name stands for one SQL text: every value a parameter, never written into the text. Two
 * texts under one name would make PostgreSQL refuse the second on a connection that already
 * holds the first, so the first text a name is used with is kept, and another one throws here
 * at once, on every connection alike.
 */

const dialect = new PgDialect();
const textOfName = new Map<string, string>();

/** A query as drizzle prepares it under a name. */
type Prepared<R> = { getQuery(): Query; execute(): Promise<R> };

/** A drizzle query builder (a select), which prepares itself under a name. */
type Preparable<R> = { prepare(name: string): Prepared<R> };

/** Runs a drizzle query as the named statement `name`. */
export async function runNamed<R>(name: string, query: Preparable<R>): Promise<R> {
  return await runPrepared(name, query.prepare(name));
}

/** `db.execute(query)` as the named statement `name` (its rows raw, as `db.execute` gives them). */
export async function executeNamed<T extends Record<string, unknown>>(db: Db | Tx, name: string, query: SQL): Promise<pg.QueryResult<T>> {
  return await runPrepared(
    name,
    db._.session.prepareQuery<{ execute: pg.QueryResult<T>; all: T[]; values: unknown[][] }>(dialect.sqlToQuery(query), undefined, name, false),
  );
}

/** Runs what drizzle prepared under `name`, once the name is known to stand for its text. */
async function runPrepared<R>(name: string, prepared: Prepared<R>): Promise<R> {
  const text = prepared.getQuery().sql;
  const known = textOfName.get(name);
  if (known === undefined) textOfName.set(name, text);
  else if (known !== text) throw new Error(`statement ${name} was prepared with another SQL text`);
  return await prepared.execute();
}
