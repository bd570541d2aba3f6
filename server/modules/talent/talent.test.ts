import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { readStaysSeed } from '../../db/seed-stays.js';
import { PDF, uploadAs } from '../../test/file-factories.js';
import { spaceOrgs } from '../../test/space-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('talent tiers and cards', () => {
  it('an officer grants class C; the holder’s card verifies publicly, survives a key rotation, and forgeries fail', async () => {
    const hub = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const station = await createTestUser(ctx, { hub, roles: ['station_manager'] });
    const talent = await createTestUser(ctx);
    const url = `/api/hubs/${hub.slug}/talent`;
    expect((await ctx.app.inject(as(officer, { method: 'PUT', url: `${url}/catalogue`, payload: readStaysSeed().talentCatalogue }))).statusCode).toBe(200);
    const verified = await ctx.app.inject(
      as(talent, {
        method: 'POST',
        url: `${url}/graduate`,
        payload: { name: { zh: '陈静', en: 'Chen Jing' }, degree: { university: 'Zhejiang University', level: 'doctorate', graduatesOn: '2020-06-30' } },
      }),
    );
    expect(verified.json()).toMatchObject({
      verified: true,
      eligible: false,
      reasons: [
        { key: 'degree', ok: true },
        { key: 'graduation', ok: false },
      ],
    });
    const { rows } = await ctx.database.db.execute<{ id: string }>(sql`SELECT id FROM people WHERE hub_id = ${hub.id} AND user_id = ${talent.id}`);
    const personId = rows[0]!.id;
    const assess = (who: typeof officer, body: object) =>
      ctx.app.inject(as(who, { method: 'POST', url: `${url}/people/${personId}/assessments`, payload: body }));
    const grant = {
      tier: 'C',
      decision: 'granted',
      conditions: ['provincial_talent_program'],
      evidence: ['certificate.pdf'],
      validFrom: '2026-01-01',
      validUntil: '2030-12-31',
    };

    expect((await assess(talent, grant)).statusCode).toBe(404);
    // A station manager reads no one's assessments, so assessing answers as for anyone else.
    expect((await assess(station, grant)).statusCode).toBe(404);
    const unknown = await assess(officer, { ...grant, conditions: ['cas_cae_academician'] });
    expect([unknown.statusCode, unknown.json().error.fields[0]]).toMatchObject([400, { path: 'conditions.0', code: 'UNKNOWN_REF' }]);
    const backwards = await assess(officer, { ...grant, validUntil: '2025-01-01' });
    expect([backwards.statusCode, backwards.json().error.fields[0].code]).toEqual([400, 'ENDS_BEFORE_START']);
    expect((await ctx.app.inject(as(talent, { method: 'GET', url: `${url}/card` }))).statusCode).toBe(404);
    const granted = await assess(officer, grant);
    expect(granted.statusCode, granted.body).toBe(201);

    const card = (await ctx.app.inject(as(talent, { method: 'GET', url: `${url}/card` }))).json();
    expect(card).toMatchObject({ tier: 'C', status: 'valid', expiresOn: '2030-12-31' });
    expect((await ctx.app.inject(as(talent, { method: 'GET', url: `${url}/card` }))).json().token).toBe(card.token);
    const check = (token: string) => ctx.app.inject({ method: 'GET', url: `${url}/verify?token=${encodeURIComponent(token)}` });
    const ok = await check(card.token);
    expect(ok.json()).toEqual({ status: 'valid', tier: 'C', expiresOn: '2030-12-31', hub: { slug: hub.slug, name: { zh: '测试', en: `Test ${hub.slug}` } } });

    // Altered claims (class A instead of C) keep the old signature: refused.
    const [body, signature] = card.token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const altered = `${Buffer.from(JSON.stringify({ ...claims, tier: 'A' })).toString('base64url')}.${signature}`;
    for (const forged of [altered, `${body}.${Buffer.alloc(64).toString('base64url')}`, 'not-a-card-token-at-all']) {
      const res = await check(forged);
      expect([res.statusCode, res.json().error.code]).toEqual([400, 'CARD_INVALID']);
    }

    // A rotation: the old card still verifies; a new card is signed with the new key.
    expect((await ctx.app.inject(as(officer, { method: 'POST', url: `${url}/signing-keys/rotate` }))).statusCode).toBe(403);
    expect((await ctx.app.inject(as(admin, { method: 'POST', url: `${url}/signing-keys/rotate` }))).statusCode).toBe(403);
    const security = await createTestUser(ctx, { hub, roles: ['security_admin'] });
    const rotated = await ctx.app.inject(as(security, { method: 'POST', url: `${url}/signing-keys/rotate` }));
    expect(rotated.json().kid).not.toBe(claims.kid);
    expect((await check(card.token)).json().status).toBe('valid');
    await assess(officer, { ...grant, tier: 'B', conditions: ['national_major_talent_program'] });
    expect((await check(card.token)).json().status).toBe('revoked');
    const next = (await ctx.app.inject(as(talent, { method: 'GET', url: `${url}/card` }))).json();
    expect(JSON.parse(Buffer.from(next.token.split('.')[0], 'base64url').toString()).kid).toBe(rotated.json().kid);
    expect((await check(next.token)).json()).toMatchObject({ status: 'valid', tier: 'B' });
    const { rows: tier } = await ctx.database.db.execute<{ talent_tier: string }>(
      sql`SELECT talent_tier FROM people WHERE hub_id = ${hub.id} AND id = ${personId}`,
    );
    expect(tier[0]!.talent_tier).toBe('B');

    // Another hub's page does not vouch for this hub's card.
    const other = await createTestHub(ctx);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/hubs/${other.slug}/talent/verify?token=${next.token}` })).json().error.code).toBe('CARD_INVALID');
  });

  it('a talent profile keeps the employer and evidence files the holder uploaded, and no one else’s', async () => {
    const hub = await createTestHub(ctx);
    const talent = await createTestUser(ctx);
    const other = await createTestUser(ctx);
    const url = `/api/hubs/${hub.slug}/talent/profile`;
    expect((await ctx.app.inject(as(talent, { method: 'GET', url }))).statusCode).toBe(404); // not verified yet
    await ctx.app.inject(
      as(talent, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/talent/graduate`,
        payload: { name: { zh: '赵磊', en: 'Zhao Lei' }, degree: { university: 'Zhejiang University', level: 'bachelor', graduatesOn: '2026-06-30' } },
      }),
    );
    const mine = (await uploadAs(ctx, hub, talent, PDF, 'award.pdf')).json().id;
    const theirs = (await uploadAs(ctx, hub, other, PDF, 'other.pdf')).json().id;
    const refused = await ctx.app.inject(as(talent, { method: 'PUT', url, payload: { employer: 'Hikvision', evidence: [mine, theirs] } }));
    expect([refused.statusCode, refused.json().error.fields]).toEqual([400, [expect.objectContaining({ path: 'evidence.1', code: 'FILE_NOT_FOUND' })]]);
    const saved = await ctx.app.inject(as(talent, { method: 'PUT', url, payload: { employer: 'Hikvision', evidence: [mine] } }));
    expect(saved.json()).toMatchObject({
      employer: 'Hikvision',
      evidence: [mine],
      degrees: [{ university: 'Zhejiang University', universityName: null, level: 'bachelor', graduatesOn: '2026-06-30', source: 'declared' }],
      tier: null,
    });
  });

  it('a talent profile shows the degrees staff recorded as alumnus ties, as the graduate’s standing counts them', async () => {
    const hub = await createTestHub(ctx);
    const talent = await createTestUser(ctx);
    const verified = await ctx.app.inject(
      as(talent, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/talent/graduate`,
        payload: { name: { zh: '钱雯', en: 'Qian Wen' }, degree: { university: 'Zhejiang University', level: 'bachelor', graduatesOn: '2024-06-30' } },
      }),
    );
    expect(verified.statusCode).toBeLessThan(300);
    const [university] = await spaceOrgs(ctx.database.db, hub, 1);
    await ctx.database.db.execute(
      sql`UPDATE organizations SET kind = 'university', name_zh = '浙江大学', name_en = 'Zhejiang University' WHERE hub_id = ${hub.id} AND id = ${university!}`,
    );
    await ctx.database.db.execute(sql`
      INSERT INTO relations (hub_id, id, kind, from_person_id, to_organization_id, degree, ends_on, source_note)
      SELECT ${hub.id}, gen_random_uuid(), 'alumnus_of', p.id, ${university!}, 'master', '2026-06-30', 'registrar'
      FROM people p WHERE p.hub_id = ${hub.id} AND p.user_id = ${talent.id}`);
    const profile = (await ctx.app.inject(as(talent, { method: 'GET', url: `/api/hubs/${hub.slug}/talent/profile` }))).json();
    expect(profile.degrees).toEqual([
      { university: 'Zhejiang University', universityName: null, level: 'bachelor', graduatesOn: '2024-06-30', source: 'declared' },
      { university: '浙江大学', universityName: { zh: '浙江大学', en: 'Zhejiang University' }, level: 'master', graduatesOn: '2026-06-30', source: 'recorded' },
    ]);
  });

  it('a graduate without a Chinese name verifies with the name as on the passport, in any script', async () => {
    const hub = await createTestHub(ctx);
    const graduate = await createTestUser(ctx);
    const verify = (name: { zh: string; en: string }) =>
      ctx.app.inject(
        as(graduate, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/talent/graduate`,
          payload: { name, degree: { university: 'Moscow State University', level: 'master', graduatesOn: '2026-06-30' } },
        }),
      );
    const verified = await verify({ zh: 'Мария Иванова', en: 'Maria Ivanova' });
    expect([verified.statusCode, verified.json().verified], verified.body).toEqual([200, true]);
    const { rows } = await ctx.database.db.execute<{ name_zh: string; name_en: string }>(
      sql`SELECT name_zh, name_en FROM people WHERE hub_id = ${hub.id} AND user_id = ${graduate.id}`,
    );
    expect(rows).toEqual([{ name_zh: 'Мария Иванова', name_en: 'Maria Ivanova' }]);
    // A name is still needed: blank is refused.
    const blank = await verify({ zh: '  ', en: 'Maria Ivanova' });
    expect([blank.statusCode, blank.json().error.fields[0].path]).toEqual([400, 'name.zh']);
  });

  it('a person of another hub named in the path of their assessments is 404, never an empty page', async () => {
    const hub = await createTestHub(ctx);
    const other = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const otherOfficer = await createTestUser(ctx, { hub: other, roles: ['program_officer'] });
    const person = (who: typeof officer, slug: string) =>
      ctx.app.inject(as(who, { method: 'POST', url: `/api/hubs/${slug}/people`, payload: { name: { zh: '甲', en: 'A' } } }));
    const own = (await person(officer, hub.slug)).json().id as string;
    const foreign = (await person(otherOfficer, other.slug)).json().id as string;
    const list = (id: string) => ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/talent/people/${id}/assessments` }));
    expect((await list(foreign)).statusCode).toBe(404);
    expect((await list(own)).json()).toEqual({ items: [], next: null });
  });
});
