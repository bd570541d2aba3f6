import { sql } from 'drizzle-orm';
import { sm2 } from 'sm-crypto-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { readStaysSeed } from '../../db/seed-stays.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { forgetHubs, type HubRow } from '../tenancy/tenancy.js';
import { organizationInput } from '../../test/factories.js';
import { verifyAuditChain } from '../audit/audit.js';
import { fieldCrypto } from './fields.js';

// One database, two deployments of it: the same installation before and after switching
// CRYPTO_SUITE (each app's pool tells dg_audit_append its suite; each app signs and
// encrypts in its own). Old records must stay verifiable and readable.
let international: TestContext;
let gm: TestContext;
beforeAll(async () => {
  international = await startTestApp({ cryptoSuite: 'international' });
  gm = await startTestApp({ cryptoSuite: 'gm' });
});

const SECOND = '110101199003077758';

describe('crypto suites', () => {
  it('/api/health reports the suite', async () => {
    expect((await gm.app.inject({ method: 'GET', url: '/api/health' })).json().cryptoSuite).toBe('gm');
    expect((await international.app.inject({ method: 'GET', url: '/api/health' })).json().cryptoSuite).toBe('international');
  });

  it('the audit chain is SM3 under gm, and a chain that mixes suites verifies; tampering still breaks it', async () => {
    const hub = await newHub();
    const officer = await createTestUser(international, { hub, roles: ['program_officer'] });
    const create = (ctx: TestContext, n: number) =>
      ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ headcount: n }) }));
    for (const [ctx, n] of [
      [international, 1],
      [gm, 2],
      [gm, 3],
      [international, 4],
      [gm, 5],
    ] as const)
      expect((await create(ctx, n)).statusCode).toBe(201);
    const { rows } = await international.database.db.execute<{ seq: string; hash_alg: string; action: string }>(
      sql`SELECT seq, hash_alg, action FROM audit_events WHERE hub_id = ${hub.id} ORDER BY seq`,
    );
    expect(rows.filter((r) => r.action === 'organization.created').map((r) => r.hash_alg)).toEqual(['sha256', 'sm3', 'sm3', 'sha256', 'sm3']);
    expect(await verifyAuditChain(international.database.db, hub.id)).toMatchObject({ events: rows.length, break: null });
    const sm3Seq = Number(rows.find((r) => r.hash_alg === 'sm3')!.seq);
    await gm.database.db.execute(sql`UPDATE audit_events SET subject_id = 'x' WHERE hub_id = ${hub.id} AND seq = ${sm3Seq}`);
    expect((await verifyAuditChain(gm.database.db, hub.id)).break).toMatchObject({ seq: sm3Seq, reason: 'hash_mismatch' });
  });

  it('resident ids are SM4 + HMAC-SM3 under gm; a number stored before the switch is still a duplicate after it', async () => {
    const hub = await newHub();
    const officer = await createTestUser(international, { hub, roles: ['program_officer'] });
    const add = (ctx: TestContext, residentId: string) =>
      ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/people`, payload: { name: { zh: '甲', en: 'A' }, residentId } }));
    expect((await add(international, '11010519491231002X')).statusCode).toBe(201);
    const second = await add(gm, SECOND);
    expect(second.statusCode, second.body).toBe(201);
    const { rows } = await gm.database.db.execute<{ c: string; d: string }>(
      sql`SELECT resident_id_cipher AS c, resident_id_digest AS d FROM people WHERE hub_id = ${hub.id} ORDER BY id`,
    );
    expect(rows[0]!.c).toMatch(/^v2\.aes-256-gcm\./);
    expect(rows[1]!.c).toMatch(/^v2\.sm4-ctr\+hmac-sm3\./);
    expect(rows[1]!.d).toMatch(/^sm3:/);
    // Readable by either deployment (the same installation secret).
    for (const suite of ['international', 'gm'] as const) {
      const crypto = fieldCrypto(gm.config.authSecret, suite);
      expect([crypto.decrypt(rows[0]!.c), crypto.decrypt(rows[1]!.c)]).toEqual(['11010519491231002X', SECOND]);
    }
    const again = await add(gm, '11010519491231002X');
    expect([again.statusCode, again.json().error.fields[0]]).toEqual([409, expect.objectContaining({ path: 'residentId' })]);
    expect((await add(international, SECOND)).statusCode).toBe(409);
  });

  it('talent cards are SM2-signed under gm (verifiable by sm-crypto-v2 with the default ID); cards signed before the switch still verify', async () => {
    const hub = await newHub();
    const officer = await createTestUser(international, { hub, roles: ['program_officer'] });
    const url = `/api/hubs/${hub.slug}/talent`;
    await international.app.inject(as(officer, { method: 'PUT', url: `${url}/catalogue`, payload: readStaysSeed().talentCatalogue }));
    const issue = async (ctx: TestContext, tier: 'C' | 'B') => {
      const talent = await createTestUser(ctx);
      await ctx.app.inject(
        as(talent, {
          method: 'POST',
          url: `${url}/graduate`,
          payload: { name: { zh: '陈静', en: 'Chen Jing' }, degree: { university: 'Zhejiang University', level: 'doctorate', graduatesOn: '2020-06-30' } },
        }),
      );
      const person = await personOf(ctx, hub, talent);
      const granted = await ctx.app.inject(
        as(officer, {
          method: 'POST',
          url: `${url}/people/${person}/assessments`,
          payload: {
            tier,
            decision: 'granted',
            conditions: [tier === 'C' ? 'provincial_talent_program' : 'national_major_talent_program'],
            evidence: ['certificate.pdf'],
            validFrom: '2026-01-01',
            validUntil: '2030-12-31',
          },
        }),
      );
      expect(granted.statusCode, granted.body).toBe(201);
      return (await ctx.app.inject(as(talent, { method: 'GET', url: `${url}/card` }))).json().token as string;
    };
    const check = (ctx: TestContext, token: string) => ctx.app.inject({ method: 'GET', url: `${url}/verify?token=${encodeURIComponent(token)}` });

    const before = await issue(international, 'C');
    const after = await issue(gm, 'B');
    const { rows } = await gm.database.db.execute<{ kid: string; alg: string; public_key: string; retired: boolean }>(
      sql`SELECT k.kid, k.alg, k.public_key, k.retired_at IS NOT NULL AS retired FROM talent_signing_keys k WHERE hub_id = ${hub.id} ORDER BY created_at`,
    );
    expect(rows.map((r) => [r.alg, r.retired])).toEqual([
      ['ed25519', true],
      ['sm2', false],
    ]);
    const { rows: cards } = await gm.database.db.execute<{ alg: string }>(sql`SELECT alg FROM talent_cards WHERE hub_id = ${hub.id} ORDER BY issued_at`);
    expect(cards.map((c) => c.alg)).toEqual(['ed25519', 'sm2']);

    for (const ctx of [international, gm]) {
      expect((await check(ctx, before)).json()).toMatchObject({ status: 'valid', tier: 'C' });
      expect((await check(ctx, after)).json()).toMatchObject({ status: 'valid', tier: 'B' });
    }
    // Another SM2 implementation, given only the public key, accepts the card's signature.
    const [body, signature] = after.split('.') as [string, string];
    const der = Buffer.from(signature, 'base64url').toString('hex');
    expect(sm2.doVerifySignature(Buffer.from(body), der, rows[1]!.public_key, { hash: true, der: true })).toBe(true);
    // Altered claims under the old signature: refused.
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const altered = `${Buffer.from(JSON.stringify({ ...claims, tier: 'A' })).toString('base64url')}.${signature}`;
    expect((await check(gm, altered)).json().error.code).toBe('CARD_INVALID');
  });
});

/** A hub both deployments see at once (each process caches the hub list for 30 s). */
async function newHub(): Promise<HubRow> {
  const hub = await createTestHub(international);
  forgetHubs(gm.database.db);
  return hub;
}

async function personOf(ctx: TestContext, hub: HubRow, user: TestUser): Promise<string> {
  const { rows } = await ctx.database.db.execute<{ id: string }>(sql`SELECT id FROM people WHERE hub_id = ${hub.id} AND user_id = ${user.id}`);
  return rows[0]!.id;
}
