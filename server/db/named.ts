import type { Placeholder, Query, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Db, Tx } from './connection.js';

/**
 * Named prepared statements, for the few statements every booking runs, built once. A
 * statement is written once with `sql.placeholder(...)` for each of its values; drizzle
 * turns it into SQL text once per database handle (the pool's, or a transaction's) and each
 * run only fills in the values. PostgreSQL parses a named statement once per connection and
 * keeps it; each later run sends only its values, and after five runs PostgreSQL may keep one
 * generic plan instead of planning again (on Citus a statement that names its hub by a
 * parameter is still planned per run, on the hub's one shard: `round-trips.test.ts`).
 *
 * Building a query (drizzle walking its parts to write its text) was the largest part of what
 * a booking cost the server's one thread; built once, a booking's Node CPU halved
 * (docs/scaling.md, "Named statements built once").
 *
 * A name stands for one SQL text: every value a placeholder, never written into the text. Two
 * texts under one name would make PostgreSQL refuse the second on a connection that already
 * holds the first, so the first text a name is used with is kept, and another one throws here
 * at once, on every connection alike.
 */

/** A value of a named statement: the value itself, or the placeholder a run fills in. */
export type Param<T = string> = T | Placeholder;

const dialect = new PgDialect();
const textOfName = new Map<string, string>();

/** A query as drizzle prepares it under a name; a run fills its placeholders from `values`. */
type Prepared<R> = { getQuery(): Query; execute(values?: Record<string, unknown>): Promise<R> };

/** A drizzle query builder (a select), which prepares itself under a name. */
type Preparable<R> = { prepare(name: string): Prepared<R> };

/** The values a named statement's placeholders take, by placeholder name. */
type Values = Record<string, unknown>;

/**
 * A drizzle select run as the named statement `name`: `build` writes it on the handle it is
 * given, with placeholders for its values, once per handle.
 */
export function namedSelect<V extends Values, R>(name: string, build: (db: Db | Tx) => Preparable<R>): (db: Db | Tx, values: V) => Promise<R> {
  return onEachHandle(name, (db) => build(db).prepare(name));
}

/** A statement of SQL (`sql` with placeholders for its values) run as the named statement `name`, its rows raw as `db.execute` gives them. */
export function namedSql<V extends Values, T extends Record<string, unknown>>(
  name: string,
  query: SQL,
): (db: Db | Tx, values: V) => Promise<pg.QueryResult<T>> {
  const built = dialect.sqlToQuery(query);
  return onEachHandle(name, (db) => db._.session.prepareQuery<{ execute: pg.QueryResult<T>; all: T[]; values: unknown[][] }>(built, undefined, name, false));
}

/** The statement prepared once per database handle (kept while the handle lives), run with each call's values. */
function onEachHandle<V extends Values, R>(name: string, prepare: (db: Db | Tx) => Prepared<R>): (db: Db | Tx, values: V) => Promise<R> {
  const prepared = new WeakMap<Db | Tx, Prepared<R>>();
  return async (db, values) => {
    let statement = prepared.get(db);
    if (!statement) {
      statement = prepare(db);
      keepText(name, statement.getQuery().sql);
      prepared.set(db, statement);
    }
    return await statement.execute(values);
  };
}

/** Throws unless `name` stands for `text` (the first text it was used with). */
function keepText(name: string, text: string): void {
  const known = textOfName.get(name);
  if (known === undefined) textOfName.set(name, text);
  else if (known !== text) throw new Error(`statement ${name} was prepared with another SQL text`);
}
