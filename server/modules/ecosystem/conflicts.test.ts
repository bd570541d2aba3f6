import { beforeAll, describe, expect, it } from 'vitest';
import { ecosystemBuilder } from '../../test/ecosystem-factories.js';
import { createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { findConflicts } from './conflicts.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

describe('conflicts of interest from the graph', () => {
  it('finds direct ties, the applicant’s investors and classmates of a founder, within the window only', async () => {
    const hub = await createTestHub(ctx);
    const staff = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const eco = ecosystemBuilder(ctx, hub, staff);
    const startup = await eco.org({ kind: 'startup', foundedOn: '2023-03-01' });
    const other = await eco.org({ kind: 'startup', foundedOn: '2023-03-01' });
    const fund = await eco.org({ kind: 'investor', foundedOn: '2015-06-01' });
    const zju = await eco.university('Zhejiang University');
    const founder = await eco.person();
    await eco.relation('founded', { type: 'person', id: founder.id }, startup.id, { startsOn: '2023-03-01' });
    await eco.relation('alumnus_of', { type: 'person', id: founder.id }, zju.id, { startsOn: '2014-09-01', endsOn: '2018-06-30', degree: 'bachelor' });
    await eco.relation('invested_in', { type: 'organization', id: fund.id }, startup.id, { startsOn: '2024-01-01', round: 'seed' });

    const employee = await eco.person();
    await eco.relation('works_at', { type: 'person', id: employee.id }, startup.id, { startsOn: '2024-01-01' });
    const fundPartner = await eco.person();
    await eco.relation('works_at', { type: 'person', id: fundPartner.id }, fund.id, { startsOn: '2016-01-01' });
    const classmate = await eco.person();
    await eco.relation('alumnus_of', { type: 'person', id: classmate.id }, zju.id, { startsOn: '2014-09-01', endsOn: '2018-06-30', degree: 'bachelor' });
    const olderAlumnus = await eco.person();
    await eco.relation('alumnus_of', { type: 'person', id: olderAlumnus.id }, zju.id, { startsOn: '2010-09-01', endsOn: '2014-06-30', degree: 'bachelor' });
    const formerEmployee = await eco.person();
    await eco.relation('works_at', { type: 'person', id: formerEmployee.id }, startup.id, { startsOn: '2023-04-01', endsOn: '2023-12-31' });
    const stranger = await eco.person();
    await eco.relation('works_at', { type: 'person', id: stranger.id }, other.id, { startsOn: '2024-01-01' });

    const reviewers = [employee, fundPartner, classmate, olderAlumnus, formerEmployee, stranger].map((p) => p.id);
    const hits = await findConflicts(ctx.database.db, hub.id, { reviewers, organizations: [startup.id, other.id], persons: [], since: '2017-01-01' });
    const summary = hits.map((h) => [h.reviewerPersonId, h.applicantId, h.kind, h.relation, h.organizationId]).sort();
    expect(summary).toEqual(
      [
        [employee.id, startup.id, 'direct', 'works_at', startup.id],
        [fundPartner.id, startup.id, 'investor', 'works_at', fund.id],
        [classmate.id, startup.id, 'alumni', 'alumnus_of', zju.id],
        [formerEmployee.id, startup.id, 'direct', 'works_at', startup.id],
        [stranger.id, other.id, 'direct', 'works_at', other.id],
      ].sort(),
    );
    // A shorter window drops the tie that ended in 2023 and the 2018 classmates.
    const recent = await findConflicts(ctx.database.db, hub.id, { reviewers, organizations: [startup.id], persons: [], since: '2024-01-01' });
    expect(recent.map((h) => h.reviewerPersonId).sort()).toEqual([employee.id, fundPartner.id].sort());
    // A person applicant: their own classmates and the organisation they work at count.
    const asPerson = await findConflicts(ctx.database.db, hub.id, { reviewers, organizations: [], persons: [founder.id], since: '2015-01-01' });
    expect(asPerson.map((h) => [h.reviewerPersonId, h.kind]).sort()).toEqual(
      [
        [employee.id, 'direct'],
        [fundPartner.id, 'investor'],
        [classmate.id, 'alumni'],
        [formerEmployee.id, 'direct'],
      ].sort(),
    );
  });
});
