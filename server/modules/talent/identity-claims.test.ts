import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { residentIdBornOn } from '../../test/resident-ids.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

/**
 * A resident id given at graduate verification is no oracle: the answer is the same whether
 * the hub knows the number or not, a record holding it is never linked on the graduate's
 * word (a claim waits for staff), someone who gave the number first blocks no one, and an
 * account may try only so often.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const KNOWN = residentIdBornOn('1999-03-15', 123);
const FRESH = residentIdBornOn('2000-07-01', 456);

const degree = { university: 'Zhejiang University', level: 'bachelor', graduatesOn: '2025-06-30' };
const verify = (c: TestContext, hub: HubRow, who: TestUser, id: string | undefined, name = { zh: '林晓', en: 'Lin Xiao' }) =>
  c.app.inject(as(who, { method: 'POST', url: `/api/hubs/${hub.slug}/talent/graduate`, payload: { name, degree, ...(id ? { residentId: id } : {}) } }));

async function staffRecord(hub: HubRow, officer: TestUser, id: string): Promise<string> {
  const res = await ctx.app.inject(
    as(officer, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/people`,
      payload: { name: { zh: '林晓', en: 'Lin Xiao' }, bornOn: '1999-03-15', roles: ['student'], residentId: id },
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function recordOf(hub: HubRow, user: TestUser) {
  const { rows } = await ctx.database.db.execute<{ id: string; resident_id_masked: string | null }>(
    sql`SELECT id, resident_id_masked FROM people WHERE hub_id = ${hub.id} AND user_id = ${user.id}`,
  );
  return rows[0] ?? null;
}
async function maskedOn(hub: HubRow, personId: string) {
  const { rows } = await ctx.database.db.execute<{ resident_id_masked: string | null; user_id: string | null }>(
    sql`SELECT resident_id_masked, user_id FROM people WHERE hub_id = ${hub.id} AND id = ${personId}`,
  );
  return rows[0]!;
}

const claims = (hub: HubRow, who: TestUser, status = 'pending') =>
  ctx.app.inject(as(who, { method: 'GET', url: `/api/hubs/${hub.slug}/talent/identity-claims?status=${status}` }));
const decide = (hub: HubRow, who: TestUser, id: string, decision: 'approved' | 'rejected') =>
  ctx.app.inject(
    as(who, { method: 'POST', url: `/api/hubs/${hub.slug}/talent/identity-claims/${id}/decision`, payload: { decision, note: 'checked the diploma' } }),
  );

describe('graduate verification with a resident id', () => {
  it('answers a number the hub holds exactly as a number it does not, and links nothing on the graduate’s word', async () => {
    const hub = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const recorded = await staffRecord(hub, officer, KNOWN);
    const [known, fresh] = [await createTestUser(ctx), await createTestUser(ctx)];

    const onKnown = await verify(ctx, hub, known, KNOWN);
    const onFresh = await verify(ctx, hub, fresh, FRESH);
    expect(onKnown.statusCode, onKnown.body).toBe(200);
    expect([onKnown.statusCode, onKnown.json()]).toEqual([onFresh.statusCode, onFresh.json()]);
    expect(onKnown.json()).toMatchObject({ verified: true });
    // Read back afterwards, the standing tells nothing either.
    const standing = (who: TestUser) => ctx.app.inject(as(who, { method: 'GET', url: `/api/hubs/${hub.slug}/talent/graduate` }));
    expect((await standing(known)).json()).toEqual((await standing(fresh)).json());

    // The fresh number is on the graduate's own record; the known one stays where staff put it.
    expect((await recordOf(hub, fresh))!.resident_id_masked).toBe(`330106********${FRESH.slice(14)}`);
    const mine = (await recordOf(hub, known))!;
    expect(mine.id).not.toBe(recorded);
    expect(mine.resident_id_masked).toBeNull();
    expect(await maskedOn(hub, recorded)).toEqual({ resident_id_masked: `330106********${KNOWN.slice(14)}`, user_id: null });

    // Staff see the claim: the claimant beside the record.
    const listed = await claims(hub, officer);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        status: 'pending',
        claimant: { email: known.email, name: { zh: '林晓', en: 'Lin Xiao' }, degrees: [degree] },
        person: expect.objectContaining({ id: recorded, bornOn: '1999-03-15', usedByAnotherAccount: false }),
      }),
    ]);
    // Giving the number again adds no second claim.
    expect((await verify(ctx, hub, known, KNOWN)).json()).toEqual(onFresh.json());
    expect((await claims(hub, officer)).json().items).toHaveLength(1);
    // Nor do graduates see claims, their own or anyone's.
    expect([403, 404]).toContain((await claims(hub, known)).statusCode);
  });

  it('someone who gave the number first blocks no one: the owner verifies, and staff move the number to them', async () => {
    const hub = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const [first, owner] = [await createTestUser(ctx), await createTestUser(ctx)];
    expect((await verify(ctx, hub, first, KNOWN, { zh: '冒名', en: 'Mao Ming' })).statusCode).toBe(200);
    const taken = (await recordOf(hub, first))!;
    expect(taken.resident_id_masked).not.toBeNull();

    const byOwner = await verify(ctx, hub, owner, KNOWN);
    expect([byOwner.statusCode, byOwner.json().verified]).toEqual([200, true]);
    const ownersRecord = (await recordOf(hub, owner))!;
    expect(ownersRecord.id).not.toBe(taken.id);
    // The first account keeps its record (no silent change); the owner's claim waits for staff.
    expect((await maskedOn(hub, taken.id)).user_id).toBe(first.id);
    const [claim] = (await claims(hub, officer)).json().items;
    expect(claim).toMatchObject({ claimant: { email: owner.email }, person: { id: taken.id, name: { en: 'Mao Ming' }, usedByAnotherAccount: true } });

    const approved = await decide(hub, officer, claim.id, 'approved');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', note: 'checked the diploma' });
    expect((await recordOf(hub, owner))!.resident_id_masked).toBe(`330106********${KNOWN.slice(14)}`);
    expect((await recordOf(hub, first))!.resident_id_masked).toBeNull();
    // Decided once: a second decision is a conflict on `decision`.
    const again = await decide(hub, officer, claim.id, 'rejected');
    expect([again.statusCode, again.json().error.code, again.json().error.fields[0].path]).toEqual([409, 'CONFLICT', 'decision']);
  });

  it('staff link the owner to the record they hold and reject an impostor’s claim to it; an impostor who claimed first blocks nothing', async () => {
    const hub = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const auditor = await createTestUser(ctx, { hub, roles: ['auditor'] });
    const recorded = await staffRecord(hub, officer, KNOWN);
    const [impostor, owner] = [await createTestUser(ctx), await createTestUser(ctx)];
    expect((await verify(ctx, hub, impostor, KNOWN, { zh: '冒名', en: 'Mao Ming' })).statusCode).toBe(200);
    expect((await verify(ctx, hub, owner, KNOWN)).statusCode).toBe(200);
    const pending = (await claims(hub, officer)).json().items as { id: string; claimant: { email: string } }[];
    expect(pending.map((c) => c.claimant.email)).toEqual([impostor.email, owner.email]);
    const [byImpostor, byOwner] = pending;

    // An auditor reads claims but decides none.
    expect((await claims(hub, auditor)).statusCode).toBe(200);
    expect((await decide(hub, auditor, byOwner!.id, 'approved')).statusCode).toBe(403);

    expect((await decide(hub, officer, byImpostor!.id, 'rejected')).json()).toMatchObject({ status: 'rejected' });
    expect((await decide(hub, officer, byOwner!.id, 'approved')).statusCode).toBe(200);
    expect((await recordOf(hub, owner))!.id).toBe(recorded);
    expect((await recordOf(hub, impostor))!.id).not.toBe(recorded);
    // What the owner declared came along: their standing reads the record staff hold.
    const profile = await ctx.app.inject(as(owner, { method: 'GET', url: `/api/hubs/${hub.slug}/talent/profile` }));
    expect(profile.json()).toMatchObject({ personId: recorded, degrees: [expect.objectContaining({ level: 'bachelor', source: 'declared' })] });
    expect((await claims(hub, officer)).json().items).toEqual([]);
    expect((await claims(hub, officer, 'approved')).json().items).toEqual([expect.objectContaining({ id: byOwner!.id })]);
    const { rows } = await ctx.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE hub_id = ${hub.id} AND action LIKE 'talent.identity_claim%' ORDER BY seq`,
    );
    expect(rows.map((r) => r.action)).toEqual([
      'talent.identity_claimed',
      'talent.identity_claimed',
      'talent.identity_claim_rejected',
      'talent.identity_claim_approved',
    ]);
  });

  it('tells the claimant of the decision in the app, in words that name no one else, and tells no one else', async () => {
    const hub = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const OTHER = residentIdBornOn('1999-03-15', 777);
    await staffRecord(hub, officer, OTHER);
    const [first, owner, stranger] = [await createTestUser(ctx), await createTestUser(ctx), await createTestUser(ctx)];
    expect((await verify(ctx, hub, first, KNOWN, { zh: '冒名', en: 'Mao Ming' })).statusCode).toBe(200);
    expect((await verify(ctx, hub, owner, KNOWN)).statusCode).toBe(200);
    expect((await verify(ctx, hub, stranger, OTHER, { zh: '路人', en: 'Lu Ren' })).statusCode).toBe(200);
    const [toFirst, toStaff] = (await claims(hub, officer)).json().items as { id: string; person: { id: string } }[];

    expect((await decide(hub, officer, toFirst!.id, 'approved')).statusCode).toBe(200);
    expect((await decide(hub, officer, toStaff!.id, 'rejected')).statusCode).toBe(200);

    // One notification per decision, to its claimant: not to the account that held the number, nor to staff.
    const { rows } = await ctx.database.db.execute<{ user_id: string; kind: string; subject_id: string }>(
      sql`SELECT user_id, kind, subject_id FROM notifications WHERE hub_id = ${hub.id} ORDER BY kind`,
    );
    expect(rows).toEqual([
      { user_id: owner.id, kind: 'identity_claim_approved', subject_id: toFirst!.id },
      { user_id: stranger.id, kind: 'identity_claim_rejected', subject_id: toStaff!.id },
    ]);
    const mine = (who: TestUser) => ctx.app.inject(as(who, { method: 'GET', url: `/api/hubs/${hub.slug}/notifications` }));
    const [approved] = (await mine(owner)).json().items;
    expect(approved.payload).toEqual({
      title: { zh: '您的身份核验已完成，档案已关联。', en: 'Your identity check is complete; your record is linked.' },
      link: `/hubs/${hub.slug}/stays`,
    });
    const [rejected] = (await mine(stranger)).json().items;
    expect(rejected.payload).toEqual({
      title: { zh: '您的身份核验未能确认，请联系人才服务办公室。', en: 'Your identity check could not be confirmed; contact the talent office.' },
      link: `/hubs/${hub.slug}/stays`,
    });
    // Nothing of the other record, its account or the staff's note.
    for (const said of [JSON.stringify(approved), JSON.stringify(rejected)]) {
      for (const secret of ['冒名', 'Mao Ming', first.email, toFirst!.person.id, toStaff!.person.id, 'diploma']) expect(said).not.toContain(secret);
    }
    expect((await mine(first)).json().items).toEqual([]);
  });

  it('limits verifications per account, whatever they carry', async () => {
    const limited = await startTestApp({ graduateVerificationsPerHour: 2 });
    const hub = await createTestHub(limited);
    const [guesser, other] = [await createTestUser(limited), await createTestUser(limited)];
    const codes = [];
    for (const id of [KNOWN, FRESH, residentIdBornOn('2001-01-01', 789)]) codes.push((await verify(limited, hub, guesser, id)).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const refused = await verify(limited, hub, guesser, undefined);
    expect([refused.statusCode, refused.json().error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(refused.headers['retry-after']).toBe(String(refused.json().error.retryAfterSeconds));
    expect(refused.json().error.retryAfterSeconds).toBeGreaterThan(3000);
    // Another account is not held back by the first one's attempts.
    expect((await verify(limited, hub, other, KNOWN)).statusCode).toBe(200);
  });

  it('counts an account’s verifications on every server together', async () => {
    const [one, two] = [await startTestApp({ graduateVerificationsPerHour: 2 }), await startTestApp({ graduateVerificationsPerHour: 2 })];
    const hub = await createTestHub(one);
    const guesser = await createTestUser(one);
    expect((await verify(one, hub, guesser, KNOWN)).statusCode).toBe(200);
    expect((await verify(two, hub, guesser, FRESH)).statusCode).toBe(200);
    // The third try, sent to either server, is the third in the hour.
    expect((await verify(two, hub, guesser, residentIdBornOn('2001-01-01', 789))).statusCode).toBe(429);
    expect((await verify(one, hub, guesser, undefined)).statusCode).toBe(429);
    // Tries at once are counted one by one: of five more from a fresh account, exactly two pass.
    const eager = await createTestUser(one);
    const codes = await Promise.all(
      [one, two, one, two, one].map((c, i) => verify(c, hub, eager, residentIdBornOn('2002-02-02', 100 + i)).then((r) => r.statusCode)),
    );
    expect(codes.filter((c) => c === 200)).toHaveLength(2);
    expect(codes.filter((c) => c === 429)).toHaveLength(3);
  });
});
