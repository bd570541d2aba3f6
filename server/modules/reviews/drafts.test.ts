import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { computeVoucherDraft } from '../../test/program-factories.js';
import { reviewedWorld, type ReviewedWorld } from '../../test/review-factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

/** Another startup of the world's hub, with a draft to the reviewed grant. */
async function drafting(w: ReviewedWorld, sectors = ['ai'], answers: Record<string, unknown> = {}) {
  const founder = await createTestUser(ctx);
  const org = (
    await ctx.app.inject(
      as(founder, { method: 'POST', url: `/api/hubs/${w.hub.slug}/organizations`, payload: organizationInput({ kind: 'startup', sectors }) }),
    )
  ).json();
  const res = await w.call(founder, 'POST', `/programs/${w.program.id}/applications`, { organizationId: org.id, answers, draft: true });
  expect(res.statusCode, res.body).toBe(201);
  return { founder, org, draft: res.json() as { id: string; status: string } };
}

const transitionsOf = async (w: ReviewedWorld, id: string) =>
  (
    await ctx.database.db.execute<{ event: string; to_status: string }>(
      sql`SELECT event, to_status FROM application_transitions WHERE hub_id = ${w.hub.id} AND application_id = ${id} ORDER BY created_at, id`,
    )
  ).rows;

describe('drafts of applications to reviewed programs', () => {
  it('a draft is saved incomplete, changed, then submitted into review; afterwards it cannot be changed', async () => {
    const w = await reviewedWorld(ctx);
    const { founder, draft } = await drafting(w);
    expect(draft.status).toBe('draft');

    const wrong = await w.call(founder, 'PUT', `/applications/${draft.id}/answers`, { answers: { plan: 42 } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([expect.objectContaining({ path: 'answers.plan', code: 'INVALID_TYPE' })]);
    const incomplete = await w.call(founder, 'POST', `/applications/${draft.id}/submit`);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.fields).toEqual([expect.objectContaining({ path: 'answers.plan', code: 'REQUIRED' })]);

    const saved = await w.call(founder, 'PUT', `/applications/${draft.id}/answers`, { answers: { plan: 'Robots that sort parcels' } });
    expect(saved.json()).toMatchObject({ status: 'draft', answers: { plan: 'Robots that sort parcels' } });
    const key = { 'idempotency-key': `submit-${draft.id}` };
    const submitted = await w.call(founder, 'POST', `/applications/${draft.id}/submit`, undefined, key);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', screening: { eligible: true } });
    // A retry with the same Idempotency-Key answers the first result and submits nothing twice.
    const retried = await w.call(founder, 'POST', `/applications/${draft.id}/submit`, undefined, key);
    expect([retried.statusCode, retried.headers['idempotent-replayed'], retried.json()]).toEqual([200, 'true', submitted.json()]);
    expect(await transitionsOf(w, draft.id)).toEqual([{ event: 'submit', to_status: 'submitted' }]);

    expect((await w.call(founder, 'POST', `/applications/${draft.id}/submit`)).json().error.code).toBe('ILLEGAL_TRANSITION');
    expect((await w.call(founder, 'PUT', `/applications/${draft.id}/answers`, { answers: { plan: 'late change' } })).json().error.code).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect((await verifyAuditChain(ctx.database.db, w.hub.id)).break).toBeNull();
  });

  it('every save of a draft is audited, the first (filed as a draft) and each change after it', async () => {
    const w = await reviewedWorld(ctx);
    const { founder, draft } = await drafting(w, ['ai'], { plan: 'Parcel robots' });
    const saved = await w.call(founder, 'PUT', `/applications/${draft.id}/answers`, { answers: { plan: 'Parcel robots, two sites' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const { rows } = await ctx.database.db.execute<{ action: string; actor_id: string; payload: unknown }>(
      sql`SELECT action, actor_id, payload FROM audit_events WHERE hub_id = ${w.hub.id} AND subject_type = 'application' AND subject_id = ${draft.id} ORDER BY seq`,
    );
    expect(rows).toEqual([
      { action: 'application.draft_saved', actor_id: founder.id, payload: { program: w.program.id } },
      { action: 'application.draft_saved', actor_id: founder.id, payload: { program: w.program.id } },
    ]);
    expect((await verifyAuditChain(ctx.database.db, w.hub.id)).break).toBeNull();
  });

  it('a draft that fails the rules when submitted is refused with the failed criterion', async () => {
    const w = await reviewedWorld(ctx);
    const { founder, draft } = await drafting(w, ['games'], { plan: 'A game' });
    const res = await w.call(founder, 'POST', `/applications/${draft.id}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'refused', refusal: 'NOT_ELIGIBLE' });
    expect(res.json().screening.results).toEqual([
      expect.objectContaining({ key: 'ai', passed: false, reason: { zh: '须属于人工智能', en: 'Must work in AI' } }),
    ]);
    expect(await transitionsOf(w, draft.id)).toEqual([{ event: 'refuse', to_status: 'refused' }]);
  });

  it('only its applicant changes or submits a draft; a rule-only program takes no drafts', async () => {
    const w = await reviewedWorld(ctx);
    const { draft } = await drafting(w);
    const stranger: TestUser = await createTestUser(ctx);
    expect((await w.call(stranger, 'PUT', `/applications/${draft.id}/answers`, { answers: { plan: 'mine now' } })).statusCode).toBe(404);
    expect((await w.call(stranger, 'POST', `/applications/${draft.id}/submit`)).statusCode).toBe(404);
    expect((await w.call(w.officer, 'POST', `/applications/${draft.id}/submit`)).statusCode).toBe(403);

    const voucher = (await w.call(w.officer, 'POST', '/programs', computeVoucherDraft({ budgetLine: 'rd-grants' }))).json();
    await w.call(w.officer, 'POST', `/programs/${voucher.id}/publish`);
    const ruleOnly = await w.call(w.founder, 'POST', `/programs/${voucher.id}/applications`, { organizationId: w.org.id, answers: {}, draft: true });
    expect(ruleOnly.statusCode).toBe(400);
    expect(ruleOnly.json().error.fields).toEqual([expect.objectContaining({ path: 'draft', code: 'INVALID' })]);
  });

  it('two submissions of one draft at once: one goes through, the other is a 409; one per applicant still holds', async () => {
    const w = await reviewedWorld(ctx);
    const { founder, draft } = await drafting(w, ['ai'], { plan: 'Parcel robots' });
    const results = await Promise.all([
      w.call(founder, 'POST', `/applications/${draft.id}/submit`),
      w.call(founder, 'POST', `/applications/${draft.id}/submit`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await transitionsOf(w, draft.id)).toHaveLength(1);

    // The world's founder applied already: a draft is allowed, its submission is not.
    const again = await w.call(w.founder, 'POST', `/programs/${w.program.id}/applications`, {
      organizationId: w.org.id,
      answers: { plan: 'Second try' },
      draft: true,
    });
    expect(again.statusCode).toBe(201);
    const refused = await w.call(w.founder, 'POST', `/applications/${again.json().id}/submit`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ALREADY_APPLIED');
    expect((await w.call(w.founder, 'GET', `/applications/${again.json().id}`)).json().status).toBe('draft');
  });
});
