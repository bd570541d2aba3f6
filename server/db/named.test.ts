import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../test/harness.js';
import { executeNamed } from './named.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('named prepared statements', () => {
  it('are parsed once per connection and run again with new values', async () => {
    await ctx.database.db.transaction(async (tx) => {
      const plusOne = (n: number) => executeNamed<{ n: number }>(tx, 'named_test_plus_one', sql`SELECT ${n}::int + 1 AS n`);
      expect((await plusOne(1)).rows).toEqual([{ n: 2 }]);
      expect((await plusOne(41)).rows).toEqual([{ n: 42 }]);
      // One statement kept on this connection (a transaction is one connection), under its name.
      const { rows } = await tx.execute<{ statement: string }>(sql`SELECT statement FROM pg_prepared_statements WHERE name = 'named_test_plus_one'`);
      expect(rows.map((r) => r.statement)).toEqual(['SELECT $1::int + 1 AS n']);
    });
  });

  it('refuse a second SQL text under a name, on any connection, before it is sent', async () => {
    await executeNamed(ctx.database.db, 'named_test_one_text', sql`SELECT ${1}::int AS n`);
    await expect(executeNamed(ctx.database.db, 'named_test_one_text', sql`SELECT ${1}::int AS m`)).rejects.toThrow(
      'statement named_test_one_text was prepared with another SQL text',
    );
  });
});
