import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type Database } from '../../db/connection.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { graduates, scopeOf, stayStation } from '../../test/stay-factories.js';
import { createStayBooking } from './bookings.service.js';
import { addDays, localToday } from './stay-dates.js';

let ctx: TestContext;
let wide: Database;
beforeAll(async () => {
  ctx = await startTestApp();
  wide = connect(inject('databaseUrl'), 20); // real concurrency: 20 sessions at once
});
afterAll(() => wide.close());

const codeOf = (outcome: PromiseSettledResult<unknown>) =>
  outcome.status === 'fulfilled' ? 'BOOKED' : ((outcome.reason as { code?: string }).code ?? String(outcome.reason));

async function doubleBooked(hubId: string): Promise<number> {
  const { rows } = await wide.db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM stay_bookings a JOIN stay_bookings b
      ON a.hub_id = b.hub_id AND a.bed_id = b.bed_id AND a.id < b.id
    WHERE a.hub_id = ${hubId} AND a.status IN ('offered','confirmed','checked_in') AND b.status IN ('offered','confirmed','checked_in')
      AND daterange(a.check_in, a.check_out) && daterange(b.check_in, b.check_out)`);
  return rows[0]!.n;
}

describe('stays under concurrency', () => {
  it('500 graduates ask for overlapping weeks at a 50-bed station at once: exactly 50 booked, no bed twice, the rest refused', async () => {
    const hub = await createTestHub(ctx);
    const station = await stayStation(wide.db, hub, 50);
    const people = await graduates(wide.db, hub, 500);
    const base = addDays(localToday(hub.timeZone), 10);
    // Check-ins on three consecutive days, six nights each: every pair shares nights, so 50 fit.
    const outcomes = await Promise.allSettled(
      people.map((g, i) => {
        const checkIn = addDays(base, i % 3);
        return createStayBooking(wide.db, scopeOf(hub, g.userId), { stationId: station.id, checkIn, checkOut: addDays(checkIn, 6) });
      }),
    );
    const codes = outcomes.map(codeOf);
    expect(codes.filter((c) => c === 'BOOKED')).toHaveLength(50);
    expect(new Set(codes.filter((c) => c !== 'BOOKED'))).toEqual(new Set(['NO_AVAILABILITY']));
    expect(await doubleBooked(hub.id)).toBe(0);
    const { rows } = await wide.db.execute<{ beds: number; n: number }>(
      sql`SELECT count(DISTINCT bed_id)::int AS beds, count(*)::int AS n FROM stay_bookings WHERE hub_id = ${hub.id}`,
    );
    expect(rows[0]).toEqual({ beds: 50, n: 50 });
  });

  it('one graduate sending 10 bookings at once gets at most the nights allowed (6 in all), and never two overlapping', async () => {
    const hub = await createTestHub(ctx);
    const station = await stayStation(wide.db, hub, 20, { maxNightsPerStay: 6, maxNightsLifetime: 6 });
    const [g] = await graduates(wide.db, hub, 1);
    const base = addDays(localToday(hub.timeZone), 5);
    // Ten separate two-night stays: three fit in six nights.
    const apart = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => {
        const checkIn = addDays(base, i * 3);
        return createStayBooking(wide.db, scopeOf(hub, g!.userId), { stationId: station.id, checkIn, checkOut: addDays(checkIn, 2) });
      }),
    );
    expect(apart.map(codeOf).filter((c) => c === 'BOOKED')).toHaveLength(3);
    expect(new Set(apart.map(codeOf).filter((c) => c !== 'BOOKED'))).toEqual(new Set(['STAY_LIMIT_REACHED']));

    // Ten copies of one week from a second graduate: one booking, nine refusals.
    const [h] = await graduates(wide.db, hub, 1);
    const same = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        createStayBooking(wide.db, scopeOf(hub, h!.userId), { stationId: station.id, checkIn: base, checkOut: addDays(base, 6) }),
      ),
    );
    expect(same.map(codeOf).filter((c) => c === 'BOOKED')).toHaveLength(1);
    expect(new Set(same.map(codeOf).filter((c) => c !== 'BOOKED'))).toEqual(new Set(['ALREADY_BOOKED']));
    const { rows } = await wide.db.execute<{ person: string; nights: number }>(sql`
      SELECT person_id AS person, sum(check_out - check_in)::int AS nights FROM stay_bookings WHERE hub_id = ${hub.id} GROUP BY person_id ORDER BY 2`);
    expect(rows.map((r) => r.nights)).toEqual([6, 6]);
    expect(await doubleBooked(hub.id)).toBe(0);
  });

  it('ten copies of one booking under one Idempotency-Key at once: one booking, one audit event, the first answer ten times', async () => {
    const hub = await createTestHub(ctx);
    const station = await stayStation(wide.db, hub, 5);
    const [g] = await graduates(wide.db, hub, 1);
    const checkIn = addDays(localToday(hub.timeZone), 2);
    const input = { stationId: station.id, checkIn, checkOut: addDays(checkIn, 3) };
    const key = `book-${crypto.randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => createStayBooking(wide.db, scopeOf(hub, g!.userId), input, key)));
    expect(new Set(answers.map((a) => a.booking.id)).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(new Set(answers.map((a) => JSON.stringify(a)).map((a) => a.replace('"replayed":true', '"replayed":false'))).size).toBe(1);
    const { rows } = await wide.db.execute<{ bookings: number; events: number }>(sql`
      SELECT (SELECT count(*)::int FROM stay_bookings WHERE hub_id = ${hub.id}) AS bookings,
             (SELECT count(*)::int FROM audit_events WHERE hub_id = ${hub.id} AND action = 'stay.booked') AS events`);
    expect(rows[0]).toEqual({ bookings: 1, events: 1 });

    // The same key for other nights is refused; nothing is written.
    await expect(createStayBooking(wide.db, scopeOf(hub, g!.userId), { ...input, checkOut: addDays(checkIn, 2) }, key)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    // A retry after the check-in day has passed would be refused on its dates: it gets the first answer.
    const later = new Date(Date.now() + 5 * 86_400_000);
    const retry = await createStayBooking(wide.db, scopeOf(hub, g!.userId), input, key, later);
    expect([retry.replayed, retry.booking.id]).toEqual([true, answers[0]!.booking.id]);
    await expect(createStayBooking(wide.db, scopeOf(hub, g!.userId), input, undefined, later)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await verifyAuditChain(wide.db, hub.id)).break).toBeNull();
  });

  it('a process killed with SIGKILL mid-stream loses no acknowledged booking and books no bed twice', async () => {
    const hub = await createTestHub(ctx);
    const station = await stayStation(wide.db, hub, 200);
    const people = await graduates(wide.db, hub, 200);
    const checkIn = addDays(localToday(hub.timeZone), 3);
    const args = [
      '--import',
      'tsx',
      'server/test/stays-crash-child.ts',
      hub.slug,
      station.id,
      checkIn,
      addDays(checkIn, 4),
      people.map((g) => g.userId).join(','),
    ];
    const child = spawn(process.execPath, args, { env: { ...process.env, DATABASE_URL: inject('databaseUrl') }, stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: string[] = [];
    let finished = false;
    await new Promise<void>((resolve) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
        if (line === 'done') finished = true;
        if (acknowledged.length === 12) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(finished).toBe(false);
    expect(acknowledged.length).toBeGreaterThanOrEqual(12);
    // Transactions in flight when it died were rolled back, not half-applied.
    await wide.db.execute(sql`SELECT pg_sleep(0.2)`);
    const { rows } = await wide.db.execute<{ user_id: string; n: number }>(sql`
      SELECT p.user_id, count(*)::int AS n FROM stay_bookings b JOIN people p ON p.hub_id = b.hub_id AND p.id = b.person_id
      WHERE b.hub_id = ${hub.id} AND b.status = 'confirmed' GROUP BY p.user_id`);
    const booked = new Map(rows.map((r) => [r.user_id, r.n]));
    for (const userId of acknowledged) expect(booked.get(userId)).toBe(1);
    expect([...booked.values()].every((n) => n === 1)).toBe(true);
    expect(await doubleBooked(hub.id)).toBe(0);
    expect((await verifyAuditChain(wide.db, hub.id)).break).toBeNull();
  });
});
