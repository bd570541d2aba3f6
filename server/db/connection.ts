import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { parseCryptoSuite, type CryptoSuite } from '../platform/crypto/suite.js';
import * as schema from './schema.js';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; services take it so the caller decides the unit of work. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Database = { db: Db; pool: pg.Pool; close: () => Promise<void> };

/** The pool a handle was made with (drizzle keeps it as `$client`; the `Db` type leaves it out): for work that needs a connection of its own. */
export const poolOf = (db: Db): pg.Pool => (db as unknown as { $client: pg.Pool }).$client;

// DATE columns stay 'YYYY-MM-DD' strings: a founding date has no time zone.
pg.types.setTypeParser(1082, (v) => v);

/**
 * A pool whose sessions carry the crypto suite (`dragongate.crypto_suite`), which the
 * audit chain's SQL function (`dg_audit_append`) reads to pick SHA-256 or SM3.
 */
export function connect(url: string, max = 10, suite: CryptoSuite = parseCryptoSuite(process.env.CRYPTO_SUITE)): Database {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'dragongate', options: `-c dragongate.crypto_suite=${suite}` });
  pool.on('error', () => {
    // An idle client lost its connection (e.g. the server restarted); the pool replaces it.
  });
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
