import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorMessages } from '../../../contracts/error-messages.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const ID = '11010519491231002X';

describe('people', () => {
  it('staff record a person; the resident id is stored encrypted and shown masked', async () => {
    const hub = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const res = await ctx.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/people`,
        payload: { name: { zh: '梁文锋', en: 'Liang Wenfeng' }, roles: ['founder'], bornOn: '1985-01-01', residentId: ID.toLowerCase() },
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: { en: 'Liang Wenfeng' }, roles: ['founder'], residentIdMasked: '110105********002X' });
    const { rows } = await ctx.database.db.execute(sql`SELECT row_to_json(p)::text AS j FROM people p WHERE hub_id = ${hub.id}`);
    expect(String(rows[0]!.j)).not.toContain('19491231');
    const dup = await ctx.app.inject(
      as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/people`, payload: { name: { zh: '甲', en: 'Someone' }, residentId: ID } }),
    );
    expect(dup.statusCode).toBe(409);
  });

  it('a bad resident id is a 400 on that field in both languages', async () => {
    const hub = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const res = await ctx.app.inject(
      as(officer, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/people`,
        headers: { 'accept-language': 'zh-CN' },
        payload: { name: { zh: '甲', en: 'A' }, residentId: '110105194912310021' },
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'residentId', code: 'INVALID_RESIDENT_ID', message: fieldErrorMessages.INVALID_RESIDENT_ID['zh-CN'] }]);
  });

  it('staff list and search people; applicants and other hubs’ staff get nothing', async () => {
    const hub = await createTestHub(ctx);
    const other = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const auditor = await createTestUser(ctx, { hub, roles: ['auditor'] });
    const applicant = await createTestUser(ctx);
    const foreignAdmin = await createTestUser(ctx, { hub: other, roles: ['hub_admin'] });
    for (const en of ['Wang Xingxing', 'Zhu Qiuguo']) {
      await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/people`, payload: { name: { zh: '某', en } } }));
    }
    const list = (user: typeof officer, q = '') => ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/people${q}` }));
    expect((await list(auditor)).json().items).toHaveLength(2);
    const first = (await list(auditor, '?limit=1')).json();
    expect(first.items.map((p: { name: { en: string } }) => p.name.en)).toEqual(['Wang Xingxing']);
    expect((await list(auditor, `?limit=1&next=${first.next}`)).json()).toMatchObject({ items: [{ name: { en: 'Zhu Qiuguo' } }], next: null });
    expect((await list(officer, '?q=xing')).json().items.map((p: { name: { en: string } }) => p.name.en)).toEqual(['Wang Xingxing']);
    expect((await list(applicant)).statusCode).toBe(404);
    expect((await list(foreignAdmin)).statusCode).toBe(404);
    const write = await ctx.app.inject(as(auditor, { method: 'POST', url: `/api/hubs/${hub.slug}/people`, payload: { name: { zh: '乙', en: 'B' } } }));
    expect(write.statusCode).toBe(403);
  });
});
