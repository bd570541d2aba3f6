import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { readStaysSeed } from '../../db/seed-stays.js';
import { fundedYear } from '../../test/budget-factories.js';
import { residentIdBornOn } from '../../test/resident-ids.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { computeVoucherDraft } from '../../test/program-factories.js';
import { stayStation } from '../../test/stay-factories.js';
import { addDays, localToday } from '../stays/stay-dates.js';

/**
 * When staff link an account to the record they hold, what the account did as its own
 * record goes with it: a station's nights and "one per applicant" count on the record it
 * goes on with, so a graduate cannot start over by being linked.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const KNOWN = residentIdBornOn('1999-03-15', 321);

async function world() {
  const hub = await createTestHub(ctx);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const made = await ctx.app.inject(
    as(officer, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/people`,
      payload: { name: { zh: '林晓', en: 'Lin Xiao' }, bornOn: '1999-03-15', roles: ['student'], residentId: KNOWN },
    }),
  );
  expect(made.statusCode, made.body).toBe(201);
  // Four nights in a lifetime; the declared degree is recent enough whatever the test clock.
  const station = await stayStation(ctx.database.db, hub, 4, { maxNightsLifetime: 4, graduatedWithinMonths: 1200 });
  const owner = await createTestUser(ctx);
  const verified = await ctx.app.inject(
    as(owner, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/talent/graduate`,
      payload: {
        name: { zh: '林晓', en: 'Lin Xiao' },
        degree: { university: 'Zhejiang University', level: 'bachelor', graduatesOn: '2025-06-30' },
        residentId: KNOWN,
      },
    }),
  );
  expect(verified.statusCode, verified.body).toBe(200);
  return { hub, officer, owner, station, recorded: made.json().id as string, today: localToday(hub.timeZone) };
}

const book = (hub: HubRow, who: TestUser, stationId: string, checkIn: string, checkOut: string) =>
  ctx.app.inject(as(who, { method: 'POST', url: `/api/hubs/${hub.slug}/stays/bookings`, payload: { stationId, checkIn, checkOut } }));

async function pendingClaim(hub: HubRow, officer: TestUser): Promise<string> {
  const res = await ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/talent/identity-claims?status=pending` }));
  expect(res.json().items, res.body).toHaveLength(1);
  return res.json().items[0].id as string;
}
const decide = (hub: HubRow, officer: TestUser, id: string) =>
  ctx.app.inject(
    as(officer, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/talent/identity-claims/${id}/decision`,
      payload: { decision: 'approved', note: 'diploma seen' },
    }),
  );

async function ownRecordId(hub: HubRow, user: TestUser): Promise<string> {
  const { rows } = await ctx.database.db.execute<{ id: string }>(sql`SELECT id FROM people WHERE hub_id = ${hub.id} AND user_id = ${user.id}`);
  return rows[0]!.id;
}

/** A published rule-only allowance for people, one per applicant, approved at once. */
async function allowance(hub: HubRow, officer: TestUser): Promise<string> {
  await fundedYear(ctx.database.db, hub, { allowances: 1_000_000_000n }, 100_000_000_000n);
  const draft = computeVoucherDraft({
    name: { zh: '生活补贴', en: 'Living allowance' },
    kind: 'talent_allowance',
    budgetLine: 'allowances',
    claimField: undefined,
    rules: { applicantType: 'person', mode: 'rule_only', form: [], criteria: [], benefit: { type: 'fixed', amount: '1000000' } },
  } as never);
  const program = (await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: draft }))).json();
  expect((await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/publish` }))).statusCode).toBe(200);
  return program.id as string;
}
const apply = (hub: HubRow, who: TestUser, programId: string) =>
  ctx.app.inject(as(who, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${programId}/applications`, payload: { answers: {} } }));

describe('linking an account to the record staff hold', () => {
  it('moves its stays and applications there: the nights and the one place count on the linked record', async () => {
    const { hub, officer, owner, station, recorded, today } = await world();
    const programId = await allowance(hub, officer);
    const former = await ownRecordId(hub, owner);
    expect((await book(hub, owner, station.id, addDays(today, 1), addDays(today, 4))).statusCode).toBe(201);
    const applied = await apply(hub, owner, programId);
    expect(applied.json().status, applied.body).toBe('approved');

    const approved = await decide(hub, officer, await pendingClaim(hub, officer));
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await ownRecordId(hub, owner)).toBe(recorded);

    // Three of four nights are spent on the record the graduate now holds: two more are refused.
    const more = await book(hub, owner, station.id, addDays(today, 10), addDays(today, 12));
    expect([more.statusCode, more.json().error?.code], more.body).toEqual([409, 'STAY_LIMIT_REACHED']);
    expect((await book(hub, owner, station.id, addDays(today, 10), addDays(today, 11))).statusCode).toBe(201);
    // The allowance was had once already.
    const again = await apply(hub, owner, programId);
    expect([again.statusCode, again.json().error?.code], again.body).toEqual([409, 'ALREADY_APPLIED']);

    // Nothing is left on the record the account let go, and the graduate still sees their stays.
    const { rows } = await ctx.database.db.execute<{ n: number }>(sql`
      SELECT (SELECT count(*) FROM stay_bookings WHERE hub_id = ${hub.id} AND person_id = ${former})
           + (SELECT count(*) FROM applications WHERE hub_id = ${hub.id} AND person_id = ${former})
           + (SELECT count(*) FROM talent_degrees WHERE hub_id = ${hub.id} AND person_id = ${former}) AS n`);
    expect(Number(rows[0]!.n)).toBe(0);
    const mine = await ctx.app.inject(as(owner, { method: 'GET', url: `/api/hubs/${hub.slug}/stays/bookings` }));
    expect(mine.json().items, mine.body).toHaveLength(2);
    const { rows: audit } = await ctx.database.db.execute<{ payload: { moved: Record<string, number> } }>(
      sql`SELECT payload FROM audit_events WHERE hub_id = ${hub.id} AND action = 'talent.identity_claim_approved'`,
    );
    expect(audit[0]!.payload.moved).toEqual({ applications: 1, relations: 0, stays: 1, talent: 1 });
  });

  it('keeps the class an officer granted the account’s own record: the tier and the card follow, an older card is revoked', async () => {
    const { hub, officer, owner, recorded } = await world();
    const url = `/api/hubs/${hub.slug}/talent`;
    expect((await ctx.app.inject(as(officer, { method: 'PUT', url: `${url}/catalogue`, payload: readStaysSeed().talentCatalogue }))).statusCode).toBe(200);
    const grant = (personId: string, tier: string, conditions: string[]) =>
      ctx.app.inject(
        as(officer, {
          method: 'POST',
          url: `${url}/people/${personId}/assessments`,
          payload: { tier, decision: 'granted', conditions, evidence: [], validFrom: '2026-01-01', validUntil: '2035-12-31' },
        }),
      );
    // Class C on the staff's record first; class B on the graduate's own record later (the latest decision).
    expect((await grant(recorded, 'C', ['provincial_talent_program'])).statusCode).toBe(201);
    const older = await ctx.database.db.execute<{ id: string }>(sql`SELECT id FROM talent_assessments WHERE hub_id = ${hub.id} AND person_id = ${recorded}`);
    await ctx.database.db.execute(sql`
      INSERT INTO talent_cards (hub_id, id, person_id, assessment_id, tier, expires_on, kid, token)
      VALUES (${hub.id}, gen_random_uuid(), ${recorded}, ${older.rows[0]!.id}, 'C', '2035-12-31', 'k', 'token-of-the-older-card')`);
    expect((await grant(await ownRecordId(hub, owner), 'B', ['national_major_talent_program'])).statusCode).toBe(201);

    expect((await decide(hub, officer, await pendingClaim(hub, officer))).statusCode).toBe(200);
    const { rows } = await ctx.database.db.execute<{ talent_tier: string }>(sql`SELECT talent_tier FROM people WHERE hub_id = ${hub.id} AND id = ${recorded}`);
    expect(rows[0]!.talent_tier).toBe('B');
    const card = await ctx.app.inject(as(owner, { method: 'GET', url: `${url}/card` }));
    expect([card.statusCode, card.json().tier], card.body).toEqual([200, 'B']);
    const { rows: revoked } = await ctx.database.db.execute<{ revoked: boolean }>(
      sql`SELECT revoked_at IS NOT NULL AS revoked FROM talent_cards WHERE hub_id = ${hub.id} AND token = 'token-of-the-older-card'`,
    );
    expect(revoked[0]!.revoked).toBe(true);
  });

  it('refuses the link while both records hold a stay on the same nights, and changes nothing', async () => {
    const { hub, officer, owner, station, recorded, today } = await world();
    // A stay the desk booked on the staff's record, and the graduate's own on the same nights.
    await ctx.database.db.execute(sql`
      INSERT INTO stay_bookings (hub_id, id, station_id, bed_id, person_id, user_id, check_in, check_out, status, code)
      VALUES (${hub.id}, gen_random_uuid(), ${station.id}, ${station.bedIds[0]}, ${recorded}, ${officer.id}, ${addDays(today, 2)}, ${addDays(today, 3)}, 'confirmed', 'DESK000001')`);
    expect((await book(hub, owner, station.id, addDays(today, 1), addDays(today, 4))).statusCode).toBe(201);
    const former = await ownRecordId(hub, owner);

    const claim = await pendingClaim(hub, officer);
    const refused = await decide(hub, officer, claim);
    expect([refused.statusCode, refused.json().error.code, refused.json().error.fields[0]], refused.body).toEqual([
      409,
      'CONFLICT',
      expect.objectContaining({ path: 'decision', code: 'STAYS_OVERLAP' }),
    ]);
    expect(await ownRecordId(hub, owner)).toBe(former);
    expect(await pendingClaim(hub, officer)).toBe(claim);
  });

  it('refuses a booking judged on the record the account has left', async () => {
    const { hub, officer, owner, station, today } = await world();
    const former = await ownRecordId(hub, owner);
    expect((await decide(hub, officer, await pendingClaim(hub, officer))).statusCode).toBe(200);
    // What a booking read just before the link carries: the old record, for this account.
    const { rows } = await ctx.database.db.execute<{ refusal: string | null; booking_id: string | null }>(sql`
      SELECT refusal, booking_id FROM dg_stay_take(${hub.id}::uuid, ${station.id}::uuid, ${former}::uuid, ${owner.id}::uuid,
        ${addDays(today, 1)}::date, ${addDays(today, 3)}::date, true, gen_random_uuid(), 'confirmed', NULL, NULL)`);
    expect(rows[0]).toEqual({ refusal: 'GUEST_CHANGED', booking_id: null });
  });
});
