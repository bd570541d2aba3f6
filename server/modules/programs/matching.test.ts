import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { computeVoucherDraft, contractAnswers } from '../../test/program-factories.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { readsForm } from './matching.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function hubWithVoucher() {
  const hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n }, 1_000_000_000_000n);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const draft = computeVoucherDraft();
  // A criterion on a form answer: matching cannot decide it, the application will.
  draft.rules.criteria.push({
    key: 'big_contract',
    name: { zh: '大合同', en: 'A sizeable contract' },
    expression: 'form.contract_amount >= 100',
    reason: { zh: '合同太小', en: 'Contract too small' },
  });
  const program = (await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: draft }))).json();
  expect((await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/publish` }))).statusCode).toBe(200);
  return { hub, officer, program, draft };
}

async function founderOf(hub: HubRow, overrides: Record<string, unknown> = {}) {
  const founder = await createTestUser(ctx);
  const res = await ctx.app.inject(
    as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind: 'startup', sectors: ['ai'], ...overrides }) }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return { founder, org: res.json() as { id: string } };
}

const run = (hub: HubRow, user: TestUser, body: object = {}) =>
  ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/matches/run`, payload: body }));
const matchesOf = (hub: HubRow, user: TestUser, query = '') => ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/matches${query}` }));
const stored = async (hub: HubRow) =>
  (
    await ctx.database.db.execute<{ applicant_id: string; program_version: number }>(
      sql`SELECT applicant_id, program_version FROM program_matches WHERE hub_id = ${hub.id} ORDER BY applicant_id`,
    )
  ).rows;

describe('matching', () => {
  it('stores exactly the eligible organisations, with their reasons; a second run duplicates nothing', async () => {
    const { hub, officer, program } = await hubWithVoucher();
    const a = await founderOf(hub);
    const b = await founderOf(hub, { sectors: ['ai', 'robotics'] });
    await founderOf(hub, { kind: 'company' });
    await founderOf(hub, { sectors: ['games'] });

    const first = await run(hub, officer);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ programs: 1, applicants: 4, evaluations: 4, matches: 2, removed: 0 });
    const rows = await stored(hub);
    expect(rows.map((r) => r.applicant_id)).toEqual([a.org.id, b.org.id].sort());
    expect(rows[0]!.program_version).toBe(1);
    // The reasons shown follow from that version's rules: every decidable criterion passed.
    const listed = (await matchesOf(hub, officer, `?program=${program.id}`)).json();
    expect(
      listed.items.map((m: { reasons: { key: string }[]; atApplication: { key: string }[] }) => [
        m.reasons.map((r) => r.key),
        m.atApplication.map((r) => r.key),
      ]),
    ).toEqual([
      [['is_startup', 'ai_sector'], ['big_contract']],
      [['is_startup', 'ai_sector'], ['big_contract']],
    ]);

    expect((await run(hub, officer)).json()).toMatchObject({ matches: 2, removed: 0 });
    expect(await stored(hub)).toHaveLength(2);
  });

  it('an applicant sees the programs they qualify for until they apply; not another applicant’s', async () => {
    const { hub, officer, program } = await hubWithVoucher();
    const a = await founderOf(hub);
    const b = await founderOf(hub, { kind: 'company' });
    await run(hub, officer);

    const mine = (await matchesOf(hub, a.founder)).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      program: { id: program.id, name: { en: 'Compute voucher' } },
      applicant: { type: 'organization', id: a.org.id },
      reasons: [{ key: 'is_startup', name: { en: 'A startup' } }, { key: 'ai_sector' }],
      atApplication: [{ key: 'big_contract' }],
    });
    expect((await matchesOf(hub, b.founder)).json()).toEqual({ items: [], next: null });

    const applied = await ctx.app.inject(
      as(a.founder, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/programs/${program.id}/applications`,
        payload: { organizationId: a.org.id, answers: contractAnswers('100000') },
      }),
    );
    expect(applied.json().status).toBe('approved');
    expect((await matchesOf(hub, a.founder)).json().items).toEqual([]);
    // The next run records that it applied.
    await run(hub, officer);
    const { rows } = await ctx.database.db.execute(sql`SELECT applied FROM program_matches WHERE hub_id = ${hub.id} AND applicant_id = ${a.org.id}`);
    expect(rows).toEqual([{ applied: true }]);
  });

  it('staff see who qualifies and has not applied; applicants may not run matching', async () => {
    const { hub, officer, program } = await hubWithVoucher();
    const a = await founderOf(hub);
    const b = await founderOf(hub);
    await run(hub, officer);
    await ctx.app.inject(
      as(b.founder, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/programs/${program.id}/applications`,
        payload: { organizationId: b.org.id, answers: contractAnswers('100000') },
      }),
    );

    const reviewer = await createTestUser(ctx, { hub, roles: ['reviewer'] });
    const seen = (await matchesOf(hub, reviewer, `?program=${program.id}`)).json();
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0].applicant).toMatchObject({ type: 'organization', id: a.org.id, name: { en: expect.stringMatching(/^Test Robotics/) } });
    // An applicant asking for a program sees only their own matches.
    expect((await matchesOf(hub, b.founder, `?program=${program.id}`)).json().items).toEqual([]);

    expect((await run(hub, a.founder)).statusCode).toBe(404);
    expect((await run(hub, reviewer)).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'POST', url: `/api/hubs/${hub.slug}/matches/run`, payload: {} })).statusCode).toBe(401);
    // Another hub's officer learns nothing of this one.
    const other = await createTestHub(ctx);
    const stranger = await createTestUser(ctx, { hub: other, roles: ['program_officer'] });
    expect((await matchesOf(hub, stranger, `?program=${program.id}`)).json().items).toEqual([]);
  });

  it('drops the match of an organisation the changed criteria no longer admit, and of a closed program', async () => {
    const { hub, officer, program, draft } = await hubWithVoucher();
    const a = await founderOf(hub);
    const b = await founderOf(hub, { sectors: ['ai', 'robotics'] });
    await run(hub, officer);
    expect(await stored(hub)).toHaveLength(2);

    draft.rules.criteria[1]!.expression = "'robotics' in applicant.sectors";
    expect((await ctx.app.inject(as(officer, { method: 'PUT', url: `/api/hubs/${hub.slug}/programs/${program.id}`, payload: draft }))).statusCode).toBe(200);
    const again = (await run(hub, officer, { programId: program.id })).json();
    expect(again).toMatchObject({ programs: 1, matches: 1, removed: 1 });
    expect((await stored(hub)).map((r) => r.applicant_id)).toEqual([b.org.id]);
    expect((await matchesOf(hub, a.founder)).json().items).toEqual([]);

    const closed = { ...draft, window: { opensOn: '2020-01-01', closesOn: '2020-12-31' } };
    await ctx.app.inject(as(officer, { method: 'PUT', url: `/api/hubs/${hub.slug}/programs/${program.id}`, payload: closed }));
    expect((await run(hub, officer)).json()).toMatchObject({ programs: 0, removed: 1 });
    expect(await stored(hub)).toHaveLength(0);
  });

  it('invites the matched who have not applied, once', async () => {
    const { hub, officer, program } = await hubWithVoucher();
    const a = await founderOf(hub);
    await founderOf(hub, { kind: 'company' });
    await run(hub, officer);
    const invite = () => ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/invitations` }));
    expect((await invite()).json()).toEqual({ invited: 1, emailed: 0 });
    expect((await invite()).json()).toEqual({ invited: 0, emailed: 0 });
    const { rows } = await ctx.database.db.execute(sql`SELECT user_id FROM notifications WHERE hub_id = ${hub.id}`);
    expect(rows).toEqual([{ user_id: a.founder.id }]);
    expect((await ctx.app.inject(as(a.founder, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/invitations` }))).statusCode).toBe(404);
  });

  it('tells form criteria apart from the rest', () => {
    expect(readsForm('form.contract_amount >= 100')).toBe(true);
    expect(readsForm("has(form.x) && applicant.kind == 'startup'")).toBe(true);
    expect(readsForm("applicant.kind == 'form.x'")).toBe(false);
    expect(readsForm("'ai' in applicant.sectors")).toBe(false);
  });
});
