import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../../db/transaction.js';
import { validUscc } from '../../../test/factories.js';
import { createTestHub, startTestApp, type TestContext } from '../../../test/harness.js';
import { newId } from './bulk.js';
import { batchWriter } from './import-writer.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const org = (id = newId()) => ({
  ok: true as const,
  table: 'organizations' as const,
  values: {
    id,
    kind: 'startup',
    nameZh: '甲',
    nameEn: 'A',
    uscc: validUscc(),
    foundedOn: '2020-01-01',
    sectors: ['ai', 'robotics'],
    headcount: 3,
    website: null,
    district: null,
  },
});
const relation = (from: string, to: string) => ({
  ok: true as const,
  table: 'relations' as const,
  values: {
    id: newId(),
    kind: 'partners_with',
    fromPersonId: null,
    fromOrganizationId: from,
    toOrganizationId: to,
    startsOn: null,
    endsOn: null,
    title: null,
    degree: null,
    round: null,
    amountMinor: '5',
    currency: 'CNY',
    sourceUrl: null,
    sourceNote: 'x',
  },
});

describe('batch writer', () => {
  it('writes in batches, organisations before the relations that point at them', async () => {
    const hub = await createTestHub(ctx);
    const ids = Array.from({ length: 7 }, () => newId());
    const written = await withTransaction(ctx.database.db, async (tx) => {
      const writer = batchWriter(tx, hub.id, 2);
      for (let i = 0; i < ids.length; i++) {
        await writer.add(org(ids[i]));
        if (i > 0) await writer.add(relation(ids[i - 1]!, ids[i]!));
      }
      return writer.finish();
    });
    expect(written).toEqual({ organizations: 7, people: 0, relations: 6, facts: 0 });
    const { rows } = await ctx.database.db.execute(sql`SELECT sectors FROM organizations WHERE hub_id = ${hub.id} LIMIT 1`);
    expect(rows[0]!.sectors).toEqual(['ai', 'robotics']);
  });

  it('a failed batch fails the transaction (no half-written import), however many batches follow', async () => {
    const hub = await createTestHub(ctx);
    const work = withTransaction(ctx.database.db, async (tx) => {
      const writer = batchWriter(tx, hub.id, 1);
      await writer.add(org());
      await writer.add(relation(newId(), newId())); // ends that do not exist
      for (let i = 0; i < 5; i++) await writer.add(org());
      return writer.finish();
    });
    await expect(work).rejects.toThrow();
    const { rows } = await ctx.database.db.execute(sql`SELECT count(*)::int AS n FROM organizations WHERE hub_id = ${hub.id}`);
    expect(rows[0]!.n).toBe(0);
  });
});
