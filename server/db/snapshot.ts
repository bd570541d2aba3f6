import { drizzle } from 'drizzle-orm/node-postgres';
import { poolOf, type Db } from './connection.js';
import * as schema from './schema.js';

/**
 * Runs a reader that yields as it goes (an export streamed to a client) inside one
 * REPEATABLE READ, READ ONLY transaction on a connection of its own: every statement it
 * sends, however many and however slowly the client takes the answer, reads the same
 * snapshot, so a write committed meanwhile is either wholly in the answer or not at all.
 *
 * The connection is taken at the first read (a generator nobody starts holds nothing) and
 * given back when the reader ends, fails, or is abandoned (`return()`, as when a download
 * is cut off).
 */
export async function* inSnapshot<T>(db: Db, read: (snapshot: Db) => AsyncGenerator<T>): AsyncGenerator<T> {
  const client = await poolOf(db).connect();
  let done = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    yield* read(drizzle(client, { schema }) as unknown as Db);
    done = true;
  } finally {
    // READ ONLY: committing or rolling back changes nothing; a broken connection is dropped.
    const ended = await client.query(done ? 'COMMIT' : 'ROLLBACK').then(
      () => true,
      () => false,
    );
    client.release(!ended);
  }
}
