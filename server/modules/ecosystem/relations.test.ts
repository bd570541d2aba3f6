import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ecosystemBuilder } from '../../test/ecosystem-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function world() {
  const hub = await createTestHub(ctx);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const b = ecosystemBuilder(ctx, hub, officer);
  const org = await b.org({ foundedOn: '2016-08-26' });
  const uni = await b.university();
  const person = await b.person({ bornOn: '1990-01-01' });
  const relationCount = async () => (await ctx.database.db.execute(sql`SELECT count(*)::int AS n FROM relations WHERE hub_id = ${hub.id}`)).rows[0]!.n;
  const post = (payload: Record<string, unknown>) => ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/relations`, payload }));
  return { hub, officer, b, org, uni, person, relationCount, post };
}

describe('relations', () => {
  it('records founded, alumnus and investment relations with names of both ends', async () => {
    const { b, org, uni, person, hub, officer } = await world();
    const founded = await b.relation('founded', { type: 'person', id: person.id }, org.id, { startsOn: '2016-08-26' });
    await b.relation('alumnus_of', { type: 'person', id: person.id }, uni.id, { degree: 'master', endsOn: '2015-06-30', startsOn: '2012-09-01' });
    const investor = await b.org({ kind: 'investor', sectors: ['finance'] });
    await b.relation('invested_in', { type: 'organization', id: investor.id }, org.id, {
      round: 'a',
      amount: { amountMinor: '5000000000', currency: 'CNY' },
      startsOn: '2018-03-01',
    });
    expect(founded).toMatchObject({ kind: 'founded', from: { type: 'person', id: person.id }, to: { id: org.id } });

    const list = await ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/relations?organization=${org.id}` }));
    expect(list.json().items).toHaveLength(2);
    expect(list.json().next).toBeNull();
    const investment = list.json().items.find((r: { kind: string }) => r.kind === 'invested_in');
    expect(investment).toMatchObject({ round: 'a', amount: { amountMinor: '5000000000', currency: 'CNY' }, from: { name: { zh: expect.any(String) } } });
  });

  it('refuses impossible dates naming the field, and writes nothing', async () => {
    const { org, person, post, relationCount } = await world();
    const from = { type: 'person', id: person.id };
    const to = { type: 'organization', id: org.id };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'works_at', startsOn: '1980-01-01' }, 'startsOn', 'BEFORE_BIRTH'],
      [{ kind: 'founded', startsOn: '2019-01-01' }, 'startsOn', 'NOT_NEAR_FOUNDING'],
      [{ kind: 'works_at', startsOn: '2020-01-01', endsOn: '2019-01-01' }, 'endsOn', 'ENDS_BEFORE_START'],
    ];
    for (const [extra, path, code] of cases) {
      const res = await post({ from, to, source: { note: 't' }, ...extra });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.fields).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect(await relationCount()).toBe(0);
  });

  it('both ends must exist in this hub; an alumnus relation must point at a university', async () => {
    const { org, person, post, relationCount } = await world();
    const elsewhere = await world();
    const foreign = await post({
      kind: 'works_at',
      from: { type: 'person', id: person.id },
      to: { type: 'organization', id: elsewhere.org.id },
      source: { note: 't' },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual([expect.objectContaining({ path: 'to.id', code: 'NOT_IN_HUB' })]);
    const foreignPerson = await post({
      kind: 'works_at',
      from: { type: 'person', id: elsewhere.person.id },
      to: { type: 'organization', id: org.id },
      source: { note: 't' },
    });
    expect(foreignPerson.json().error.fields).toEqual([expect.objectContaining({ path: 'from.id', code: 'NOT_IN_HUB' })]);
    const notUni = await post({ kind: 'alumnus_of', from: { type: 'person', id: person.id }, to: { type: 'organization', id: org.id }, source: { note: 't' } });
    expect(notUni.json().error.fields).toEqual([expect.objectContaining({ path: 'to.id', code: 'NOT_A_UNIVERSITY' })]);
    const wrongFrom = await post({
      kind: 'partners_with',
      from: { type: 'person', id: person.id },
      to: { type: 'organization', id: org.id },
      source: { note: 't' },
    });
    expect(wrongFrom.json().error.fields).toEqual([expect.objectContaining({ path: 'from.type' })]);
    const noSource = await post({ kind: 'works_at', from: { type: 'person', id: person.id }, to: { type: 'organization', id: org.id }, source: {} });
    expect(noSource.json().error.fields).toEqual([expect.objectContaining({ path: 'source', code: 'REQUIRED' })]);
    expect(await relationCount()).toBe(0);
  });

  it('applicants may not list or record relations', async () => {
    const { hub, org, person } = await world();
    const applicant = await createTestUser(ctx);
    expect((await ctx.app.inject(as(applicant, { method: 'GET', url: `/api/hubs/${hub.slug}/relations` }))).statusCode).toBe(404);
    const res = await ctx.app.inject(
      as(applicant, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/relations`,
        payload: { kind: 'works_at', from: { type: 'person', id: person.id }, to: { type: 'organization', id: org.id }, source: { note: 't' } },
      }),
    );
    expect(res.statusCode).toBe(404);
  });
});
