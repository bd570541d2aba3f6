import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorMessages } from '../../../contracts/error-messages.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/**
 * Zod's ISO formats take year 0000, which PostgreSQL refuses: before contracts/dates.ts any
 * day or moment field in year 0 reached the database and answered 500.
 */
describe('days and moments outside years 1 to 9999', () => {
  it('a day in year 0 in a body is a 400 on its field, in both languages, and stores nothing', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx);
    for (const lang of ['en-US', 'zh-CN'] as const) {
      const res = await ctx.app.inject(
        as(user, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/organizations`,
          headers: { 'accept-language': lang },
          payload: organizationInput({ foundedOn: '0000-01-01' }),
        }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([{ path: 'foundedOn', code: 'DATE_OUT_OF_RANGE', message: fieldErrorMessages.DATE_OUT_OF_RANGE[lang] }]);
    }
    const { rows } = await ctx.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM organizations WHERE hub_id = ${hub.id}`);
    expect(rows[0]!.n).toBe(0);
  });

  it('a day in year 0 in a query, and a moment in year 0 or past 9999, are 400s on their fields', async () => {
    const hub = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const finance = await createTestUser(ctx, { hub, roles: ['finance_officer'] });
    const get = async (user: typeof admin, url: string) => ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}${url}` }));

    const bookings = await get(admin, '/stays/bookings?from=0000-01-01');
    expect(bookings.statusCode).toBe(400);
    expect(bookings.json().error.fields).toEqual([expect.objectContaining({ path: 'from', code: 'DATE_OUT_OF_RANGE' })]);

    for (const moment of ['0000-01-01T00:00:00Z', '9999-12-31T23:00:00-05:00']) {
      const res = await get(finance, `/fiscal-years/2026/transfers?from=${encodeURIComponent(moment)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'from', code: 'DATE_OUT_OF_RANGE' })]);
    }
    expect((await get(finance, `/fiscal-years/2026/transfers?from=${encodeURIComponent('0001-01-02T00:00:00Z')}`)).statusCode).not.toBe(500);
  });
});
