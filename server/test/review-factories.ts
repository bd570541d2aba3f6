import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import type { ProgramDraft } from '../../contracts/applications.js';
import type { ObligationInput } from '../../contracts/obligations.js';
import type { ReviewSettingsInput } from '../../contracts/review-settings.js';
import type { HubRow } from '../platform/tenancy/tenancy.js';
import { fundedYear } from './budget-factories.js';
import { ecosystemBuilder } from './ecosystem-factories.js';
import { organizationInput } from './factories.js';
import { as, createTestHub, createTestUser, type TestContext, type TestUser } from './harness.js';
import { openWindow } from './test-window.js';

/** A large R&D grant judged by reviewers: CNY 1 m, 40% with the award, 60% once the midterm report is accepted. */
export function rdGrantDraft(
  review: Partial<ReviewSettingsInput> = {},
  amount = '100000000',
  obligations: ObligationInput[] = [],
  coFunding: { cityBasisPoints: number } | null = null,
): ProgramDraft {
  return {
    name: { zh: '重大研发项目资助', en: 'Major R&D grant' },
    description: { zh: '专家评审', en: 'Judged by reviewers' },
    kind: 'subsidy',
    sectors: ['ai'],
    window: openWindow(),
    budgetLine: 'rd-grants',
    fiscalYear: 2026,
    onePerApplicant: true,
    rules: {
      applicantType: 'organization',
      mode: 'reviewed',
      form: [{ key: 'plan', type: 'text', label: { zh: '研发计划', en: 'R&D plan' }, required: true, maxLength: 2000 }],
      criteria: [
        { key: 'ai', name: { zh: '人工智能', en: 'In AI' }, expression: "'ai' in applicant.sectors", reason: { zh: '须属于人工智能', en: 'Must work in AI' } },
      ],
      benefit: {
        type: 'fixed',
        amount,
        tranches: [
          { shareBasisPoints: 4000, condition: null },
          { shareBasisPoints: 6000, condition: { kind: 'milestone_accepted', milestone: 'midterm' } },
        ],
        coFunding,
      },
      review: {
        reviewersPerApplication: 2,
        rubric: [
          { key: 'innovation', name: { zh: '创新性', en: 'Innovation' }, weight: 60, scale: 5 },
          { key: 'team', name: { zh: '团队', en: 'Team' }, weight: 40, scale: 5 },
        ],
        conflictYears: 5,
        twoPersonThreshold: '50000000',
        scoresVisibleToApplicant: true,
        milestones: [{ key: 'midterm', name: { zh: '中期报告', en: 'Midterm report' }, dueAfterMonths: 6 }],
        ...review,
      },
      obligations,
    },
  } as ProgramDraft;
}

export type ReviewedWorld = Awaited<ReturnType<typeof reviewedWorld>>;

/**
 * A hub with a published reviewed grant, two officers, finance, three reviewers linked
 * to person records (one of them founded the applicant's investor: conflicted), and a
 * startup that has applied.
 */
export async function reviewedWorld(
  ctx: TestContext,
  options: {
    review?: Partial<ReviewSettingsInput>;
    amount?: string;
    budget?: bigint;
    obligations?: ObligationInput[];
    coFunding?: { cityBasisPoints: number };
  } = {},
) {
  const hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'rd-grants': options.budget ?? 10_000_000_000n }, 1_000_000_000_000n);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const officer2 = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const finance = await createTestUser(ctx, { hub, roles: ['finance_officer'] });
  const reviewers = [
    await createTestUser(ctx, { hub, roles: ['reviewer'] }),
    await createTestUser(ctx, { hub, roles: ['reviewer'] }),
    await createTestUser(ctx, { hub, roles: ['reviewer'] }),
  ];
  const eco = ecosystemBuilder(ctx, hub, officer);
  const link = async (user: TestUser) => {
    const person = await eco.person({ roles: ['investor'] });
    await ctx.database.db.execute(sql`UPDATE people SET user_id = ${user.id} WHERE hub_id = ${hub.id} AND id = ${person.id}`);
    return person;
  };
  const persons = [await link(reviewers[0]!), await link(reviewers[1]!), await link(reviewers[2]!)];

  const created = await ctx.app.inject(
    as(officer, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/programs`,
      payload: rdGrantDraft(options.review, options.amount, options.obligations, options.coFunding),
    }),
  );
  if (created.statusCode !== 201) throw new Error(created.body);
  const program = created.json() as { id: string };
  await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/publish` }));

  const founder = await createTestUser(ctx);
  const org = (
    await ctx.app.inject(
      as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind: 'startup', sectors: ['ai'] }) }),
    )
  ).json() as { id: string };
  // Reviewer 3 founded a fund that invested in the startup: a conflict the graph shows.
  const fund = await eco.org({ kind: 'investor', sectors: ['ai'], foundedOn: '2020-01-15' });
  await eco.relation('founded', { type: 'person', id: persons[2]!.id }, fund.id, { startsOn: '2020-01-01' });
  await eco.relation('invested_in', { type: 'organization', id: fund.id }, org.id, { startsOn: '2025-03-01', round: 'seed' });

  const applied = await ctx.app.inject(
    as(founder, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/programs/${program.id}/applications`,
      payload: { organizationId: org.id, answers: { plan: 'Embodied AI for logistics' } },
    }),
  );
  if (applied.statusCode !== 201) throw new Error(applied.body);
  const application = applied.json() as { id: string; status: string };

  const call = (user: TestUser | null, method: InjectOptions['method'], path: string, payload?: object, headers: Record<string, string> = {}) =>
    ctx.app.inject(as(user, { method, url: `/api/hubs/${hub.slug}${path}`, ...(payload ? { payload } : {}), headers }));
  const at = (path: string) => `/applications/${application.id}${path}`;
  return { hub, officer, officer2, finance, reviewers, persons, program, founder, org, fund, application, call, at };
}

/** A reviewed CNY 1 m grant with the given obligations, awarded: the first tranche paid, the second waiting (in payment). */
export async function awardInPayment(ctx: TestContext, obligations: ObligationInput[]) {
  const w = await reviewedWorld(ctx, { review: { twoPersonThreshold: null, reviewersPerApplication: 1 }, obligations });
  const board = (await w.call(w.officer, 'POST', w.at('/reviewers'))).json();
  const r = w.reviewers.find((u) => u.id === board.assignments.find((a: { status: string }) => a.status === 'assigned').reviewerId)!;
  await w.call(r, 'POST', w.at('/reviews'), { scores: { innovation: 5, team: 5 }, recommendation: 'approve' });
  const decided = await w.call(w.officer, 'POST', w.at('/decision'), { outcome: 'approve', reason: 'ok' });
  if (decided.json().status !== 'in_payment') throw new Error(decided.body);
  return w;
}

/** The same grant paid in full (closed). */
export async function paidInFullAward(ctx: TestContext, obligations: ObligationInput[]) {
  const w = await awardInPayment(ctx, obligations);
  const paid = await w.call(w.finance, 'POST', w.at('/tranches/2/release'), { reason: 'report accepted on paper' });
  if (paid.json().status !== 'closed') throw new Error(paid.body);
  return w;
}

/** A fresh hub (nothing in it) for cross-hub 404 checks. */
export async function otherHub(ctx: TestContext): Promise<HubRow> {
  return createTestHub(ctx);
}
