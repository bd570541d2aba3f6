import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../db/transaction.js';
import { createStayBooking } from '../../modules/stays/bookings.service.js';
import { addDays, localToday } from '../../modules/stays/stay-dates.js';
import { ecosystemBuilder } from '../../test/ecosystem-factories.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { expectPagedList } from '../../test/paging.js';
import { rdGrantDraft, reviewedWorld } from '../../test/review-factories.js';
import { graduates, manageStation, scopeOf, stayStation } from '../../test/stay-factories.js';
import { uuidv7 } from '../ids.js';

/**
 * The lists that answered everything at once now page like the others (limit + next):
 * every item once and in order over pages of one, and a cursor not ours is a 400 on `next`.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('cursor paging of every list', () => {
  it('listStayStations, listStayBookings (a station’s) and listStayWaitlist', async () => {
    const hub = await createTestHub(ctx);
    const db = ctx.database.db;
    const stations = [await stayStation(db, hub, 4), await stayStation(db, hub, 4), await stayStation(db, hub, 4)];
    const listed = await expectPagedList<{ id: string; name: { en: string } }>(ctx, null, `/api/hubs/${hub.slug}/stays/stations`, { atLeast: 3 });
    const names = listed.map((s) => s.name.en);
    expect(names).toEqual([...names].sort());

    const manager = await createTestUser(ctx, { hub, roles: ['station_manager'] });
    await manageStation(db, hub, stations[0]!.id, manager.id);
    const base = addDays(localToday(hub.timeZone), 3);
    for (const [i, g] of (await graduates(db, hub, 3)).entries()) {
      const checkIn = addDays(base, i * 2);
      await withTransaction(db, (tx) => createStayBooking(tx, scopeOf(hub, g.userId), { stationId: stations[0]!.id, checkIn, checkOut: addDays(checkIn, 2) }));
    }
    const bookings = await expectPagedList<{ checkIn: string }>(ctx, manager, `/api/hubs/${hub.slug}/stays/bookings?station=${stations[0]!.id}`, {
      atLeast: 3,
    });
    expect(bookings.map((b) => b.checkIn)).toEqual([addDays(base, 4), addDays(base, 2), base]);

    const waiter = await createTestUser(ctx, { hub });
    const person = uuidv7();
    await db.execute(
      sql`INSERT INTO people (hub_id, id, name_zh, name_en, roles, user_id) VALUES (${hub.id}, ${person}, '候补', 'Waiter', '{student}', ${waiter.id})`,
    );
    for (const station of stations)
      await db.execute(sql`INSERT INTO stay_waitlist (hub_id, id, station_id, person_id, user_id, starts_on, ends_on)
        VALUES (${hub.id}, ${uuidv7()}, ${station.id}, ${person}, ${waiter.id}, ${base}, ${addDays(base, 2)})`);
    const entries = await expectPagedList<{ stationId: string }>(ctx, waiter, `/api/hubs/${hub.slug}/stays/waitlist`, { atLeast: 3 });
    expect(entries.map((e) => e.stationId)).toEqual(stations.map((s) => s.id));
    // Someone else's waitlist is not in mine.
    expect((await ctx.app.inject(as(manager, { method: 'GET', url: `/api/hubs/${hub.slug}/stays/waitlist` }))).json()).toEqual({ items: [], next: null });
  });

  it('listPrograms, listApplications and listReviewQueue', async () => {
    const w = await reviewedWorld(ctx);
    for (let i = 0; i < 2; i++) {
      const created = await w.call(w.officer, 'POST', '/programs', rdGrantDraft());
      expect(created.statusCode, created.body).toBe(201);
    }
    await expectPagedList(ctx, w.officer, `/api/hubs/${w.hub.slug}/programs`, { atLeast: 3 });
    // The public sees the published one only.
    expect((await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/programs` })).json().items).toHaveLength(1);

    for (let i = 0; i < 3; i++) {
      const founder = await createTestUser(ctx);
      const org = (await w.call(founder, 'POST', '/organizations', organizationInput({ kind: 'startup', sectors: ['ai'] }))).json();
      const applied = await w.call(founder, 'POST', `/programs/${w.program.id}/applications`, { organizationId: org.id, answers: { plan: `Plan ${i}` } });
      expect(applied.statusCode, applied.body).toBe(201);
    }
    const all = await expectPagedList<{ id: string }>(ctx, w.officer, `/api/hubs/${w.hub.slug}/applications?program=${w.program.id}`, { atLeast: 4 });
    expect(all.map((a) => a.id)).toEqual(
      all
        .map((a) => a.id)
        .sort()
        .reverse(),
    );
    // An applicant pages through their own only.
    expect((await w.call(w.founder, 'GET', '/applications?limit=1')).json()).toMatchObject({ items: [{ id: w.application.id }], next: null });

    for (const a of all) expect((await w.call(w.officer, 'POST', `/applications/${a.id}/reviewers`)).statusCode).toBe(200);
    const queues = await Promise.all(
      w.reviewers.map(async (r) => ({ r, n: (await w.call(r, 'GET', '/review-queue?limit=100')).json().items.length as number })),
    );
    const busiest = queues.sort((a, b) => b.n - a.n)[0]!;
    const queue = await expectPagedList<{ applicationId: string }>(ctx, busiest.r, `/api/hubs/${w.hub.slug}/review-queue`, {
      atLeast: 2,
      keyOf: (i) => i.applicationId,
    });
    expect(new Set(queue.map((i) => i.applicationId)).size).toBe(queue.length);
    expect(queue.length).toBe(busiest.n);
  }, 240_000);

  it('listTalentAssessments and listOrganizationFacts', async () => {
    const hub = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer', 'hub_admin'] });
    const eco = ecosystemBuilder(ctx, hub, officer);
    const person = await eco.person({ roles: ['student'] });
    for (const tier of ['E', 'D', 'C'])
      await ctx.database.db.execute(sql`INSERT INTO talent_assessments (hub_id, id, person_id, tier, decision, conditions, valid_from, valid_until, officer_id)
        VALUES (${hub.id}, ${uuidv7()}, ${person.id}, ${tier}, 'granted', '{}', '2026-01-01', '2028-01-01', ${officer.id})`);
    const assessments = await expectPagedList<{ tier: string }>(ctx, officer, `/api/hubs/${hub.slug}/talent/people/${person.id}/assessments`, { atLeast: 3 });
    expect(assessments.map((a) => a.tier)).toEqual(['C', 'D', 'E']);

    const org = await eco.org({ kind: 'startup', sectors: ['ai'] });
    for (const [metric, asOf] of [
      ['headcount', '2025-01-01'],
      ['headcount', '2024-01-01'],
      ['market_share', '2025-01-01'],
    ])
      expect(
        (
          await ctx.app.inject(
            as(officer, {
              method: 'POST',
              url: `/api/hubs/${hub.slug}/organizations/${org.id}/facts`,
              payload: { metric, asOf, quantity: '12', source: { note: 'test' } },
            }),
          )
        ).statusCode,
      ).toBe(201);
    const facts = await expectPagedList<{ metric: string; asOf: string }>(ctx, officer, `/api/hubs/${hub.slug}/organizations/${org.id}/facts`, {
      atLeast: 3,
    });
    expect(facts.map((f) => `${f.metric}@${f.asOf}`)).toEqual(['headcount@2024-01-01', 'headcount@2025-01-01', 'market_share@2025-01-01']);
  });

  it('listLedgerTransfers and listStaff, whose cursors reach SQL as a uuid', async () => {
    const hub = await createTestHub(ctx);
    const finance = await createTestUser(ctx, { hub, roles: ['finance_officer'] });
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    await createTestUser(ctx, { hub, roles: ['auditor'] });
    const post = (url: string, payload: object) => ctx.app.inject(as(finance, { method: 'POST', url: `/api/hubs/${hub.slug}${url}`, payload }));
    expect((await post('/fiscal-years', { year: 2026, revenue: '100000' })).statusCode).toBe(201);
    for (const code of ['a-line', 'b-line'])
      expect((await post('/fiscal-years/2026/lines', { code, name: { zh: code, en: code }, amount: '100', transferId: uuidv7() })).statusCode).toBe(201);
    const transfers = await expectPagedList<{ reason: string }>(ctx, finance, `/api/hubs/${hub.slug}/fiscal-years/2026/transfers`, { atLeast: 3 });
    expect(transfers.map((t) => t.reason)).toEqual(['fund_line', 'fund_line', 'allocate_envelope']);
    await expectPagedList<{ userId: string }>(ctx, admin, `/api/hubs/${hub.slug}/staff`, { atLeast: 3, keyOf: (m) => m.userId });
    // A name that is text and a user id that is not a uuid.
    const forged = Buffer.from(JSON.stringify(['a', 'x'])).toString('base64url');
    const res = await ctx.app.inject(as(admin, { method: 'GET', url: `/api/hubs/${hub.slug}/staff?next=${forged}` }));
    expect([res.statusCode, res.json().error.fields]).toEqual([400, [expect.objectContaining({ path: 'next' })]]);
  });
});
