import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationStatuses, workflowEvents, type ApplicationStatus, type WorkflowEvent } from '../../../contracts/reviews.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { reviewedWorld, type ReviewedWorld } from '../../test/review-factories.js';
import { verifyLedger } from '../budget/index.js';
import { eventsFrom, nextState, terminalStates, transitions, type ActorKind } from './workflow.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const actorKinds: ActorKind[] = ['applicant', 'officer', 'finance', 'system'];
const idArb = fc.constantFrom('u1', 'u2', null);

describe('the workflow table (pure)', () => {
  it('terminal states go nowhere; nothing goes back to draft, refused only from a draft the rules refuse; only the edge’s actors fire it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...applicationStatuses),
        fc.constantFrom(...workflowEvents),
        fc.constantFrom(...actorKinds),
        fc.boolean(),
        idArb,
        idArb,
        (from, event, actor, own, actorId, first) => {
          const r = nextState(from, event, actor, { actorId, ownApplication: own, firstApproverId: first });
          // Terminal states go nowhere, but a breach found after the last payment is still clawed back (and the award stays closed).
          const recovery = from === 'closed' && event === 'claw_back';
          if (terminalStates.includes(from) && !recovery) expect(r.ok).toBe(false);
          if (!r.ok) return;
          if (recovery) expect(r.to).toBe('closed');
          // Nothing goes back to draft; refused is reached only by the rules refusing a submitted draft.
          expect(r.to).not.toBe('draft');
          if (r.to === 'refused') expect([from, event, actor]).toEqual(['draft', 'refuse', 'system']);
          expect(transitions[event].from).toContain(from);
          expect(transitions[event].by).toContain(actor);
          if (['approve', 'reject', 'return', 'second_approve', 'second_reject'].includes(event)) expect(own).toBe(false);
          if (event === 'second_approve' || event === 'second_reject') expect(actorId !== null && actorId !== first).toBe(true);
        },
      ),
      // The whole space is a few thousand cases; enough runs to meet every edge each time.
      { numRuns: 5000 },
    );
  });

  it('every state is reachable from draft (refused: when the rules refuse a submitted draft)', () => {
    const seen = new Set<ApplicationStatus>(['draft']);
    const queue: ApplicationStatus[] = ['draft'];
    while (queue.length) for (const e of eventsFrom(queue.shift()!)) if (!seen.has(transitions[e].to)) queue.push([...seen.add(transitions[e].to)].at(-1)!);
    expect([...seen].sort()).toEqual([...applicationStatuses].sort());
  });
});

// ---- The services against the table, over random sequences of actions and actors ----

type Who = 'founder' | 'officer' | 'officer2' | 'finance' | 'r0' | 'r1' | 'r2';
type Step =
  | { op: 'assign' | 'screen'; who: Who }
  | { op: 'review'; who: Who; recommendation: 'approve' | 'reject' }
  | { op: 'decide'; who: Who; outcome: 'approve' | 'reject' | 'return' }
  | { op: 'appeal' | 'withdraw' | 'resubmit' | 'report' | 'accept' | 'release'; who: Who }
  | { op: 'clawback'; who: Who; amount: string }
  | { op: 'reviewAll'; who: Who };

const who = fc.constantFrom<Who>('founder', 'officer', 'officer2', 'finance', 'r0', 'r1', 'r2');
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constantFrom('assign' as const, 'screen' as const), who }),
  fc.record({ op: fc.constant('review' as const), who, recommendation: fc.constantFrom('approve' as const, 'reject' as const) }),
  fc.record({ op: fc.constant('decide' as const), who, outcome: fc.constantFrom('approve' as const, 'reject' as const, 'return' as const) }),
  fc.record({
    op: fc.constantFrom('appeal' as const, 'withdraw' as const, 'resubmit' as const, 'report' as const, 'accept' as const, 'release' as const),
    who,
  }),
  fc.record({ op: fc.constant('clawback' as const), who, amount: fc.constantFrom('1', '10000000', '40000000', '100000000') }),
  fc.record({ op: fc.constant('reviewAll' as const), who }),
);

// Random steps alone seldom get as far as money: start each run from a random-length
// prefix of the happy path (assign, all review, approve, second approval).
const happy: Step[] = [
  { op: 'assign', who: 'officer' },
  { op: 'reviewAll', who: 'officer' },
  { op: 'decide', who: 'officer', outcome: 'approve' },
  { op: 'decide', who: 'officer2', outcome: 'approve' },
];
const runArb = fc
  .tuple(
    fc.oneof({ arbitrary: fc.constant(happy.length), weight: 2 }, { arbitrary: fc.integer({ min: 0, max: happy.length - 1 }), weight: 1 }),
    fc.array(stepArb, { minLength: 6, maxLength: 20 }),
  )
  .map(([n, rest]) => [...happy.slice(0, n), ...rest]);

async function reviewAll(w: ReviewedWorld) {
  const { rows } = await ctx.database.db.execute<{ reviewer_id: string }>(
    sql`SELECT reviewer_id FROM review_assignments WHERE hub_id = ${w.hub.id} AND status = 'assigned' ORDER BY reviewer_id`,
  );
  let last = null;
  for (const r of rows)
    last = await w.call(
      w.reviewers.find((u) => u.id === r.reviewer_id)!,
      'POST',
      w.at('/reviews'),
      { scores: { innovation: 5, team: 5 }, recommendation: 'approve' },
    );
  return last ?? w.call(w.officer, 'GET', w.at('/reviews'));
}

function send(w: ReviewedWorld, user: TestUser, s: Step) {
  const r = { reason: `model ${s.op}` };
  switch (s.op) {
    case 'reviewAll':
      return reviewAll(w);
    case 'assign':
      return w.call(user, 'POST', w.at('/reviewers'));
    case 'screen':
      return w.call(user, 'POST', w.at('/screen'));
    case 'review':
      return w.call(user, 'POST', w.at('/reviews'), { scores: { innovation: 3, team: 4 }, recommendation: s.recommendation });
    case 'decide':
      return w.call(user, 'POST', w.at('/decision'), { outcome: s.outcome, reason: 'model' });
    case 'appeal':
      return w.call(user, 'POST', w.at('/appeal'), r);
    case 'withdraw':
      return w.call(user, 'POST', w.at('/withdraw'), r);
    case 'resubmit':
      return w.call(user, 'POST', w.at('/resubmit'), { answers: { plan: `plan ${Math.random()}` } });
    case 'report':
      return w.call(user, 'POST', w.at('/milestones/midterm/report'), { text: 'done' });
    case 'accept':
      return w.call(user, 'POST', w.at('/milestones/midterm/review'), { outcome: 'accept' });
    case 'release':
      return w.call(user, 'POST', w.at('/tranches/2/release'), r);
    case 'clawback':
      return w.call(user, 'POST', w.at('/clawback'), { amount: s.amount, reason: 'breach' });
  }
}

async function snapshot(w: ReviewedWorld) {
  const db = ctx.database.db;
  const one = async (q: ReturnType<typeof sql>) => (await db.execute(q)).rows[0] as Record<string, string | number | null>;
  const app = await one(sql`SELECT status FROM applications WHERE hub_id = ${w.hub.id} AND id = ${w.application.id}`);
  const moves = await one(sql`SELECT count(*)::int AS n FROM application_transitions WHERE hub_id = ${w.hub.id}`);
  const tranches = await one(sql`SELECT coalesce(sum(amount) FILTER (WHERE status = 'paid'), 0)::text AS paid FROM award_tranches WHERE hub_id = ${w.hub.id}`);
  const claws = await one(sql`SELECT coalesce(sum(amount), 0)::text AS clawed FROM award_clawbacks WHERE hub_id = ${w.hub.id}`);
  const ledger = await one(sql`
    SELECT coalesce(sum(a.credits_posted - a.debits_posted), 0)::text AS net, coalesce(sum(c.posted), 0)::text AS posted
    FROM commitments c JOIN ledger_accounts a ON a.hub_id = c.hub_id AND a.id = c.award_account_id WHERE c.hub_id = ${w.hub.id}`);
  return {
    status: app.status as ApplicationStatus,
    moves: moves.n as number,
    paid: BigInt(tranches.paid!),
    clawed: BigInt(claws.clawed!),
    net: BigInt(ledger.net!),
    posted: BigInt(ledger.posted!),
  };
}

const kindOf: Record<Who, ActorKind | 'reviewer'> = {
  founder: 'applicant',
  officer: 'officer',
  officer2: 'officer',
  finance: 'finance',
  r0: 'reviewer',
  r1: 'reviewer',
  r2: 'reviewer',
};

describe('the workflow model (services, real PostgreSQL)', () => {
  it('no illegal transition ever succeeds, a refused step changes nothing, and the ledger always equals the paid tranches', async () => {
    const reached = new Set<ApplicationStatus>();
    await fc.assert(
      fc.asyncProperty(runArb, async (steps) => {
        const w = await reviewedWorld(ctx, { review: { twoPersonThreshold: '50000000' } });
        const users: Record<Who, TestUser> = {
          founder: w.founder,
          officer: w.officer,
          officer2: w.officer2,
          finance: w.finance,
          r0: w.reviewers[0]!,
          r1: w.reviewers[1]!,
          r2: w.reviewers[2]!,
        };
        const ids = new Map(Object.entries(users).map(([k, u]) => [u.id, k as Who]));
        for (const s of steps) {
          const before = await snapshot(w);
          const res = await send(w, users[s.who], s);
          expect(res.statusCode, res.body).toBeLessThan(500);
          const after = await snapshot(w);
          if (res.statusCode >= 400 && s.op !== 'reviewAll') expect(after).toEqual(before);
          reached.add(after.status);
          // Money: what the ledger paid the award is what its tranches paid, less claw-backs.
          expect(after.net).toBe(after.paid - after.clawed);
          expect(after.posted).toBe(after.paid);
        }
        // Every recorded transition is an edge of the table, fired by an actor it allows.
        const { rows } = await ctx.database.db.execute<{
          from_status: ApplicationStatus;
          to_status: ApplicationStatus;
          event: WorkflowEvent;
          actor_id: string | null;
        }>(sql`SELECT from_status, to_status, event, actor_id FROM application_transitions WHERE hub_id = ${w.hub.id} ORDER BY created_at, id`);
        let firstApprover: string | null = null;
        for (const t of rows) {
          const edge = transitions[t.event];
          expect(edge.from).toContain(t.from_status);
          expect(t.to_status).toBe(edge.to);
          const actor = t.actor_id ? kindOf[ids.get(t.actor_id)!] : null;
          if (!edge.by.includes('system')) expect(edge.by).toContain(actor);
          if (t.event === 'approve') firstApprover = t.actor_id;
          if (t.event === 'second_approve' || t.event === 'second_reject') expect(t.actor_id).not.toBe(firstApprover);
        }
        expect(await verifyLedger(ctx.database.db, w.hub.id)).toEqual([]);
        expect((await verifyAuditChain(ctx.database.db, w.hub.id)).break).toBeNull();
      }),
      { numRuns: 8 },
    );
    // The runs went past the decision into money, or the ledger check above proved little.
    expect([...reached].some((st) => ['in_payment', 'closed'].includes(st))).toBe(true);
  }, 240_000);
});
