import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fundedYear } from '../../test/budget-factories.js';
import { ecosystemBuilder } from '../../test/ecosystem-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { computeVoucherDraft } from '../../test/program-factories.js';
import { matchProgramsJob } from './definitions/match-programs.job.js';
import { scheduleMatchingJob } from './definitions/schedule-matching.job.js';
import { setJobQueue } from './queue.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('match-programs job', () => {
  it('matches a person program against people with an account; the nightly scheduler enqueues one job per hub', async () => {
    const hub = await createTestHub(ctx);
    await fundedYear(ctx.database.db, hub, { allowances: 1_000_000_000n }, 1_000_000_000_000n);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const draft = computeVoucherDraft({
      name: { zh: '生活补贴', en: 'Living allowance' },
      kind: 'talent_allowance',
      budgetLine: 'allowances',
      claimField: undefined,
      rules: {
        applicantType: 'person',
        mode: 'rule_only',
        form: [],
        criteria: [
          {
            key: 'tier',
            name: { zh: '人才', en: 'Talent' },
            expression: "applicant.talentTier in ['A', 'B', 'C']",
            reason: { zh: '须为人才', en: 'Talent only' },
          },
        ],
        benefit: { type: 'fixed', amount: '1000000' },
      },
    } as never);
    const created = await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: draft }));
    expect(created.statusCode, created.body).toBe(201);
    const program = created.json();
    await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/publish` }));

    const eco = ecosystemBuilder(ctx, hub, officer);
    const talent = await createTestUser(ctx);
    const linked = await eco.person({ talentTier: 'B' });
    await eco.person({ talentTier: 'A' }); // no account: not matched
    const plain = await eco.person({});
    await ctx.database.db.execute(sql`UPDATE people SET user_id = ${talent.id} WHERE hub_id = ${hub.id} AND id = ${linked.id}`);
    await ctx.database.db.execute(sql`UPDATE people SET user_id = ${officer.id} WHERE hub_id = ${hub.id} AND id = ${plain.id}`);

    await matchProgramsJob.handle(ctx.database.db, matchProgramsJob.payload.parse({ hubId: hub.id }));
    const { rows } = await ctx.database.db.execute(sql`SELECT applicant_type, applicant_id FROM program_matches WHERE hub_id = ${hub.id}`);
    expect(rows).toEqual([{ applicant_type: 'person', applicant_id: linked.id }]);
    const mine = (await ctx.app.inject(as(talent, { method: 'GET', url: `/api/hubs/${hub.slug}/matches` }))).json();
    expect(mine.items.map((m: { program: { id: string }; reasons: { name: { en: string } }[] }) => [m.program.id, m.reasons[0]!.name.en])).toEqual([
      [program.id, 'Talent'],
    ]);

    const sent: { name: string; data: object }[] = [];
    await scheduleMatchingJob.handle(ctx.database.db, {}, { send: async (name, data) => sent.push({ name, data }) });
    expect(sent).toContainEqual({ name: 'match-programs', data: { hubId: hub.id } });
    expect(scheduleMatchingJob.cron).toBeDefined();
  });

  it('asks for matching of a program when it is published or changed, and that job matches only it', async () => {
    const hub = await createTestHub(ctx);
    await fundedYear(ctx.database.db, hub, { compute: 1_000_000_000n }, 1_000_000_000_000n);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const founder = await createTestUser(ctx, { hub });
    const eco = ecosystemBuilder(ctx, hub, founder);
    const startup = await eco.org({ kind: 'startup', sectors: ['ai'] });
    const sent: { name: string; data: { hubId: string; programId?: string } }[] = [];
    setJobQueue({ send: async (name, data) => sent.push({ name, data: data as { hubId: string } }) });
    try {
      const created = await ctx.app.inject(
        as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: computeVoucherDraft({ budgetLine: 'compute' } as never) }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const program = created.json();
      expect(sent).toEqual([]); // a draft finds nobody
      const published = await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/publish` }));
      expect(published.statusCode, published.body).toBe(200);
      expect(sent).toEqual([{ name: 'match-programs', data: { hubId: hub.id, programId: program.id } }]);

      await matchProgramsJob.handle(ctx.database.db, matchProgramsJob.payload.parse(sent[0]!.data));
      const mine = (await ctx.app.inject(as(founder, { method: 'GET', url: `/api/hubs/${hub.slug}/matches` }))).json();
      expect(mine.items.map((m: { program: { id: string }; applicant: { id: string } }) => [m.program.id, m.applicant.id])).toEqual([[program.id, startup.id]]);
    } finally {
      setJobQueue(null);
    }
  });
});
