import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { reviewedWorld } from '../../test/review-factories.js';
import { checkHubConditions } from './conditions.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const later = new Date(Date.now() + 30 * 86_400_000);

/** A reviewed CNY 1 m grant with 2 working days of public notice, approved by the officer. */
async function noticedAward() {
  const w = await reviewedWorld(ctx, { review: { twoPersonThreshold: null, reviewersPerApplication: 1, noticeWorkingDays: 2 } });
  const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
  const r = w.reviewers.find((u) => u.id === board.assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId)!;
  await w.call(r, 'POST', w.at('/reviews'), { scores: { innovation: 5, team: 5 }, recommendation: 'approve' });
  const decided = await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'Strong plan; team of 40 engineers' });
  expect(decided.json().status, decided.body).toBe('awarded');
  const number = decided.json().number as string;
  const lodge = (payload: object, remoteAddress = '203.0.113.7', lang = 'en-US') =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/hubs/${w.hub.slug}/public/notices/${number}/objections`,
      payload,
      remoteAddress,
      headers: { 'accept-language': lang },
    });
  const paid = async () =>
    (
      await ctx.database.db.execute<{ paid: string }>(
        sql`SELECT posted::text AS paid FROM commitments WHERE hub_id = ${w.hub.id} AND cause_id = ${w.application.id} AND NOT released`,
      )
    ).rows[0]?.paid;
  return { ...w, number, lodge, paid };
}

const objection = { contact: 'citizen@example.cn', reason: 'The company had only 4 staff in 2026, not 40.' };

describe('public notice (公示)', () => {
  it('holds payment until the period ends and the objection is resolved; signed-out objection; dismissal published; another hub 404', async () => {
    const w = await noticedAward();
    expect(await w.paid()).toBe('0');
    const board = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/public/notices` });
    expect(board.statusCode).toBe(200);
    const [item] = board.json().items;
    expect(item).toMatchObject({ number: w.number, amount: '100000000', reason: 'Strong plan; team of 40 engineers', open: true, dismissals: [] });
    expect(item.endsOn > item.startsOn).toBe(true);

    // Incomplete: 400 naming the field, in both languages; nothing written.
    const missing = await w.lodge({ reason: objection.reason });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe('contact');
    const zh = await w.lodge({ contact: 'x@y.cn', reason: 'short' }, '203.0.113.7', 'zh-CN');
    expect(zh.json().error.fields[0]).toMatchObject({ path: 'reason' });
    expect(zh.json().error.message).toMatch(/[\u4e00-\u9fff]/);

    const lodged = await w.lodge({ ...objection, evidence: { name: 'roster.txt', content: Buffer.from('4 people on the payroll').toString('base64') } });
    expect(lodged.statusCode, lodged.body).toBe(201);
    expect(lodged.json()).toEqual({ reference: expect.stringMatching(/^OBJ-[0-9A-F]{8}$/), status: 'received' });
    // The same address again on the same award: limited; the answer says nothing about the first.
    const again = await w.lodge(objection);
    expect(again.statusCode).toBe(429);
    expect(again.body).not.toContain('citizen@example.cn');
    // Another address may object too; the board never shows objectors or counts.
    expect((await w.lodge({ ...objection, contact: '138 0000 0000' }, '198.51.100.9')).statusCode).toBe(201);
    const shown = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/public/notices` })).body;
    expect(shown).not.toContain('citizen@example.cn');
    expect(shown).not.toContain('4 staff');

    // Payment waits: finance by hand is refused, and the daily job after the period still pays nothing while objections are open.
    const byHand = await w.call(w.finance, 'POST', w.at('/tranches/1/release'), { reason: 'pay now' });
    expect(byHand.statusCode).toBe(409);
    expect(byHand.json().error.code).toBe('NOTICE_PENDING');
    expect((await checkHubConditions(ctx.database.db, w.hub, later)).paid).toBe(0);
    expect(await w.paid()).toBe('0');

    // Officers see both, with contact and evidence; another hub's officer gets 404 on the objection.
    const list = (await w.call(w.officer, 'GET', '/objections?status=open')).json();
    expect(list.items).toHaveLength(2);
    const first = list.items.find((o: { contact: string }) => o.contact === 'citizen@example.cn');
    expect(first).toMatchObject({ number: w.number, evidence: { name: 'roster.txt' }, status: 'open' });
    const evidence = await w.call(w.officer, 'GET', `/objections/${first.id}/evidence`);
    expect(evidence.body).toBe('4 people on the payroll');
    const other = await createTestHub(ctx);
    const stranger = await createTestUser(ctx, { hub: other, roles: ['program_officer'] });
    const foreign = await ctx.app.inject({
      method: 'POST',
      url: `/api/hubs/${other.slug}/objections/${first.id}/resolution`,
      payload: { outcome: 'dismissed', reason: 'not ours' },
      headers: { cookie: stranger.cookie, origin: 'http://localhost:3000' },
    });
    expect(foreign.statusCode).toBe(404);
    expect(
      (await ctx.app.inject({ method: 'POST', url: `/api/hubs/${other.slug}/public/notices/${w.number}/objections`, payload: objection })).statusCode,
    ).toBe(404);
    expect((await w.call(w.founder, 'GET', '/objections')).statusCode).toBe(404);

    // Two officers resolve the same objection at once: one wins, the other is 409; a retry with the key replays.
    const resolve = (user: typeof w.officer, outcome: string, key: string) =>
      w.call(
        user,
        'POST',
        `/objections/${first.id}/resolution`,
        { outcome, reason: 'Payroll records show 41 staff in March 2026.' },
        { 'idempotency-key': key },
      );
    const [a, b] = await Promise.all([resolve(w.officer, 'dismissed', 'resolve-a-0001'), resolve(w.officer2, 'dismissed', 'resolve-b-0001')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 'resolve-a-0001' : 'resolve-b-0001';
    const replay = await resolve(a.statusCode === 200 ? w.officer : w.officer2, 'dismissed', winner);
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');

    // One objection still open: still nothing paid after the period.
    expect((await checkHubConditions(ctx.database.db, w.hub, later)).paid).toBe(0);
    const second = list.items.find((o: { contact: string }) => o.contact !== 'citizen@example.cn');
    expect((await resolve(w.officer, 'dismissed', 'resolve-c-0001')).statusCode).toBe(409);
    const done = await w.call(w.officer, 'POST', `/objections/${second.id}/resolution`, { outcome: 'dismissed', reason: 'No evidence given.' });
    expect(done.statusCode).toBe(200);
    const published = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/public/notices` })).json().items[0];
    expect(published.dismissals.map((d: { reason: string }) => d.reason).sort()).toEqual([
      'No evidence given.',
      'Payroll records show 41 staff in March 2026.',
    ]);

    // Before the period ends nothing is paid; after it, the job pays the first tranche (40%), once.
    expect((await checkHubConditions(ctx.database.db, w.hub, new Date())).paid).toBe(0);
    expect((await checkHubConditions(ctx.database.db, w.hub, later)).paid).toBe(1);
    expect((await checkHubConditions(ctx.database.db, w.hub, later)).paid).toBe(0);
    expect(await w.paid()).toBe('40000000');
  });

  it('an upheld objection reopens the decision: commitment released, off the board and the public awards; approved again, a new award on notice', async () => {
    const w = await noticedAward();
    expect((await w.lodge(objection)).statusCode).toBe(201);
    const [open] = (await w.call(w.officer, 'GET', '/objections')).json().items;
    const upheld = await w.call(w.officer, 'POST', `/objections/${open.id}/resolution`, { outcome: 'upheld', reason: 'Headcount misstated; decide again.' });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(upheld.json().status).toBe('upheld');
    const app = (await w.call(w.officer, 'GET', `/applications/${w.application.id}`)).json();
    expect(app.status).toBe('in_review');
    const { rows } = await ctx.database.db.execute<{ released: boolean }>(
      sql`SELECT released FROM commitments WHERE hub_id = ${w.hub.id} AND cause_id = ${w.application.id}`,
    );
    expect(rows).toEqual([{ released: true }]);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/public/notices` })).json().items).toEqual([]);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/public/awards` })).json().items).toEqual([]);
    // Decided again: a fresh commitment and a fresh notice.
    const again = await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'Approved at a lower headcount' });
    expect(again.json().status, again.body).toBe('awarded');
    const board = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${w.hub.slug}/public/notices` })).json().items;
    expect(board).toHaveLength(1);
    expect(board[0].reason).toBe('Approved at a lower headcount');
    const { rows: commitments } = await ctx.database.db.execute(
      sql`SELECT released FROM commitments WHERE hub_id = ${w.hub.id} AND cause_id = ${w.application.id} ORDER BY created_at`,
    );
    expect(commitments).toEqual([{ released: true }, { released: false }]);
  });
});
