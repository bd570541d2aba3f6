import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, startTestApp, type TestContext } from '../../test/harness.js';
import { reviewedWorld, type ReviewedWorld } from '../../test/review-factories.js';
import { verifyAuditChain } from './audit.js';

/**
 * Applications' answers and talent profiles shown to anyone but their subject are audited
 * as personal reads (who, which records, which fields, the result), through `auditedRead`
 * like every other personal read; the applicant reading their own application writes
 * nothing. The last test walks the API document: every operation whose answer carries an
 * application, a review item, a person, a review board or a talent profile is either shown
 * audited here or named as answering only the caller's own data or input, so a new route
 * that answers them fails this file until it is one or the other.
 */

// Answer only what the caller applied with, typed or holds: their own application, profile or input.
const OWN_ONLY = [
  'submitApplication',
  'appealDecision',
  'withdrawApplication',
  'saveApplicationDraft',
  'submitApplicationDraft',
  'resubmitApplication',
  'getTalentProfile', // audited all the same (the holder's own read): audit-completeness.test.ts
  'saveTalentProfile',
  'createPerson', // the person the officer just typed, resident id masked
  'assessTalentTier', // the assessment the officer just made
];
const PERSONAL_SCHEMAS = [
  'Application',
  'ApplicationListItem',
  'ApplicationDetail',
  'ReviewItem',
  'Person',
  'PersonPage',
  'TalentProfile',
  'TalentAssessment',
  'ReviewBoard',
];
/** Operations shown below to write a personal read for a third party (getReviewBoard: personal-reads-in-answers.test.ts). */
const shownAudited = new Set<string>(['getReviewBoard']);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

type Event = { actor_id: string | null; subject_type: string; subject_id: string; payload: { fields: string[]; ids: string[]; count: number; result: string } };
async function personalReads(hubId: string): Promise<Event[]> {
  const { rows } = await ctx.database.db.execute<Event>(
    sql`SELECT actor_id, subject_type, subject_id, payload FROM audit_events WHERE hub_id = ${hubId} AND action = 'personal.read' ORDER BY seq`,
  );
  return rows;
}

/** Runs a call and answers the personal reads it wrote. */
async function readsOf(w: ReviewedWorld, call: () => Promise<{ statusCode: number; body: string }>, status = 200): Promise<Event[]> {
  const before = (await personalReads(w.hub.id)).length;
  const res = await call();
  expect(res.statusCode, res.body).toBe(status);
  return (await personalReads(w.hub.id)).slice(before);
}

const applicationRead = (actor: string, id: string, fields: string[]) => ({
  actor_id: actor,
  subject_type: 'application',
  subject_id: id,
  payload: { fields, ids: [id], count: 1, result: 'ok' },
});

describe('personal data in applications and talent profiles', () => {
  it('audits every answer that shows an application to staff or a reviewer; the applicant reading their own writes nothing', async () => {
    const w = await reviewedWorld(ctx, { review: { reviewersPerApplication: 1, twoPersonThreshold: null } });
    const id = w.application.id;
    const [ownDetail, ownList] = [
      await readsOf(w, () => w.call(w.founder, 'GET', w.at(''))),
      await readsOf(w, () => w.call(w.founder, 'GET', '/applications')),
    ];
    expect([ownDetail, ownList]).toEqual([[], []]);

    expect(await readsOf(w, () => w.call(w.officer, 'GET', w.at('')))).toEqual([applicationRead(w.officer.id, id, ['answers', 'applicant_name'])]);
    shownAudited.add('getApplication');
    expect(await readsOf(w, () => w.call(w.officer, 'GET', '/applications'))).toEqual([applicationRead(w.officer.id, id, ['answers', 'applicant_name'])]);
    shownAudited.add('listApplications');
    expect(await readsOf(w, () => w.call(w.officer, 'POST', w.at('/screen')))).toEqual([applicationRead(w.officer.id, id, ['answers'])]);
    shownAudited.add('screenApplication');

    const board = {
      actor_id: w.officer.id,
      subject_type: 'review_board',
      subject_id: id,
      payload: expect.objectContaining({ fields: ['reviewer_name', 'conflict'] }),
    };
    expect(await readsOf(w, () => w.call(w.officer, 'POST', w.at('/reviewers')))).toEqual([board]);
    shownAudited.add('assignReviewers');

    const boardNow = (await w.call(w.officer, 'GET', w.at('/reviews'))).json() as { assignments: { reviewerId: string; status: string }[] };
    const reviewer = w.reviewers.find((r) => r.id === boardNow.assignments.find((a) => a.status === 'assigned')!.reviewerId)!;
    const asReviewer = (fields: string[]) => applicationRead(reviewer.id, id, fields);
    expect(await readsOf(w, () => w.call(reviewer, 'GET', '/review-queue'))).toEqual([asReviewer(['answers', 'applicant_name'])]);
    shownAudited.add('listReviewQueue');
    expect(await readsOf(w, () => w.call(reviewer, 'GET', `/review-queue/${id}`))).toEqual([asReviewer(['answers', 'applicant_name'])]);
    shownAudited.add('getReviewItem');
    // The reviewer's own board names no other reviewer: nothing recorded; the officer's would be.
    const review = { scores: { innovation: 4, team: 4 }, recommendation: 'approve' };
    expect(await readsOf(w, () => w.call(reviewer, 'POST', w.at('/reviews'), review))).toEqual([]);
    shownAudited.add('submitReview');

    const decided = await readsOf(w, () =>
      w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'sound plan' }, { 'idempotency-key': crypto.randomUUID() }),
    );
    expect(decided).toEqual([applicationRead(w.officer.id, id, ['answers'])]);
    shownAudited.add('decideApplication');
    // No answer, no value: the events name records and fields only.
    expect(JSON.stringify(await personalReads(w.hub.id))).not.toContain('Embodied AI for logistics');
    expect((await verifyAuditChain(ctx.database.db, w.hub.id)).break).toBeNull();
  });

  it("audits an officer's read of a person's talent assessments and of the people register; an empty history writes nothing", async () => {
    const w = await reviewedWorld(ctx);
    const person = w.persons[0]!;
    const url = `/api/hubs/${w.hub.slug}/talent/people/${person.id}/assessments`;
    expect(await readsOf(w, () => ctx.app.inject(as(w.officer, { method: 'GET', url })))).toEqual([]);
    const assessment = { tier: 'C', decision: 'refused', conditions: [], evidence: [], note: '', validFrom: '2026-01-01', validUntil: '2030-12-31' };
    expect(await readsOf(w, () => ctx.app.inject(as(w.officer, { method: 'POST', url, payload: assessment })), 201)).toEqual([]);
    expect(await readsOf(w, () => ctx.app.inject(as(w.officer2, { method: 'GET', url })))).toEqual([
      {
        actor_id: w.officer2.id,
        subject_type: 'talent_profile',
        subject_id: person.id,
        payload: { fields: ['tier', 'conditions', 'evidence', 'note'], ids: [person.id], count: 1, result: 'ok' },
      },
    ]);
    shownAudited.add('listTalentAssessments');

    const people = await readsOf(w, () => w.call(w.officer, 'GET', '/people'));
    expect(people).toEqual([
      expect.objectContaining({
        actor_id: w.officer.id,
        subject_type: 'person',
        payload: expect.objectContaining({ fields: ['name', 'resident_id_masked', 'contact'] }),
      }),
    ]);
    expect(people[0]!.payload.ids).toEqual(expect.arrayContaining(w.persons.map((p) => p.id)));
    shownAudited.add('listPeople');
  });

  // Runs last: the tests above name what they showed.
  it('every operation that answers personal data is audited above or answers only the caller’s own', async () => {
    type Schema = Record<string, unknown>;
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { operationId: string; responses?: Record<string, Schema> }>>;
      components: { schemas: Record<string, Schema> };
    };
    const reached = (schema: unknown, seen = new Set<unknown>()): string[] => {
      if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
      seen.add(schema);
      const ref = (schema as { $ref?: string }).$ref?.split('/').pop();
      const here = ref ? [ref, ...reached(doc.components.schemas[ref], seen)] : [];
      return [...here, ...Object.values(schema).flatMap((child) => reached(child, seen))];
    };
    const personal = Object.values(doc.paths)
      .flatMap((item) => Object.values(item))
      .filter((op) => Object.entries(op.responses ?? {}).some(([status, r]) => status.startsWith('2') && reached(r).some((n) => PERSONAL_SCHEMAS.includes(n))))
      .map((op) => op.operationId);
    expect(personal.length).toBeGreaterThan(15);
    expect(personal.filter((op) => !OWN_ONLY.includes(op) && !shownAudited.has(op))).toEqual([]);
    // And nothing named here is stale.
    expect([...OWN_ONLY, ...shownAudited].filter((op) => !personal.includes(op))).toEqual([]);
  });
});
