import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { hubs } from '../platform/tenancy/tenancy.tables.js';
import { createTestHub, startTestApp, type TestContext } from '../test/harness.js';
import { namedSelect, namedSql } from './named.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const plusOne = namedSql<{ n: number }, { n: number }>('named_test_plus_one', sql`SELECT ${sql.placeholder('n')}::int + 1 AS n`);

describe('named prepared statements', () => {
  it('are parsed once per connection and run again with new values', async () => {
    await ctx.database.db.transaction(async (tx) => {
      expect((await plusOne(tx, { n: 1 })).rows).toEqual([{ n: 2 }]);
      expect((await plusOne(tx, { n: 41 })).rows).toEqual([{ n: 42 }]);
      // One statement kept on this connection (a transaction is one connection), under its name.
      const { rows } = await tx.execute<{ statement: string }>(sql`SELECT statement FROM pg_prepared_statements WHERE name = 'named_test_plus_one'`);
      expect(rows.map((r) => r.statement)).toEqual(['SELECT $1::int + 1 AS n']);
    });
  });

  it('run on the pool and in a transaction alike, a select mapped to its fields', async () => {
    const hubOf = namedSelect<{ slug: string }, { slug: string; nameEn: string; createdAt: Date }[]>('named_test_hub', (db) =>
      db
        .select({ slug: hubs.slug, nameEn: hubs.nameEn, createdAt: hubs.createdAt })
        .from(hubs)
        .where(eq(hubs.slug, sql.placeholder('slug'))),
    );
    const { slug } = await createTestHub(ctx);
    const [hub] = await ctx.database.db.select({ slug: hubs.slug, nameEn: hubs.nameEn, createdAt: hubs.createdAt }).from(hubs).where(eq(hubs.slug, slug));
    expect(hub!.createdAt).toBeInstanceOf(Date);
    expect(await hubOf(ctx.database.db, { slug })).toEqual([hub]);
    expect(await hubOf(ctx.database.db, { slug: 'no-such-hub' })).toEqual([]);
    await ctx.database.db.transaction(async (tx) => expect(await hubOf(tx, { slug })).toEqual([hub]));
  });

  it('run at once from many callers on the pool, each with its own values (one statement object shared by all)', async () => {
    const ns = Array.from({ length: 64 }, (_, i) => i * 7);
    const answers = await Promise.all(ns.map(async (n) => (await plusOne(ctx.database.db, { n })).rows[0]!.n));
    expect(answers).toEqual(ns.map((n) => n + 1));
  });

  it('refuse a run that leaves a placeholder without its value', async () => {
    await expect(plusOne(ctx.database.db, {} as { n: number })).rejects.toThrow(`No value for placeholder "n" was provided`);
  });

  it('refuse a second SQL text under a name, on any connection, before it is sent', async () => {
    await namedSql('named_test_one_text', sql`SELECT ${sql.placeholder('n')}::int AS n`)(ctx.database.db, { n: 1 });
    const other = namedSql('named_test_one_text', sql`SELECT ${sql.placeholder('n')}::int AS m`);
    await expect(other(ctx.database.db, { n: 1 })).rejects.toThrow('statement named_test_one_text was prepared with another SQL text');
  });
});
