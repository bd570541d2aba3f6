import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { stayStation } from '../../test/stay-factories.js';

// Migration 0044 turns a station's district, once free text, into a code of its hub's list.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const migration = readFileSync(new URL('../../../migrations/0044_station_district_code.sql', import.meta.url), 'utf8');

describe('migration 0044: station districts as codes', () => {
  it('gives a station the code of the hub district its text names (code, Chinese or English name), and keeps any other text', async () => {
    const hub = await createTestHub(ctx, {
      districts: [
        { code: 'xihu', name: { zh: '西湖区', en: 'Xihu' } },
        { code: 'binjiang', name: { zh: '滨江区', en: 'Binjiang' } },
        { code: 'yuhang', name: { zh: '余杭区', en: 'Yuhang' } },
      ],
    });
    const other = await createTestHub(ctx, { districts: [{ code: 'nanshan', name: { zh: '南山区', en: 'Nanshan' } }] });
    const texts = ['Xihu', '滨江区', 'YUHANG', 'Nanshan', 'Gongshu'];
    const ids: string[] = [];
    for (const text of texts) {
      const { id } = await stayStation(ctx.database.db, hub, 1);
      await ctx.database.db.execute(sql`UPDATE stay_stations SET district = ${text} WHERE hub_id = ${hub.id} AND id = ${id}`);
      ids.push(id);
    }
    const { id: elsewhere } = await stayStation(ctx.database.db, other, 1);
    await ctx.database.db.execute(sql`UPDATE stay_stations SET district = 'Xihu' WHERE hub_id = ${other.id} AND id = ${elsewhere}`);

    const districts = async () =>
      (await ctx.database.db.execute<{ id: string; district: string }>(sql`SELECT id, district FROM stay_stations WHERE hub_id IN (${hub.id}, ${other.id})`))
        .rows;
    for (let run = 0; run < 2; run++) {
      await ctx.database.db.execute(sql.raw(migration));
      const after = new Map((await districts()).map((r) => [r.id, r.district]));
      // Another hub's district list never names this hub's stations, nor the other way round.
      expect(ids.map((id) => after.get(id))).toEqual(['xihu', 'binjiang', 'yuhang', 'Nanshan', 'Gongshu']);
      expect(after.get(elsewhere)).toBe('Xihu');
    }
  });
});
