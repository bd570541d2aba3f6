import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorMessages } from '../../../contracts/error-messages.js';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { computeVoucherDraft, contractAnswers } from '../../test/program-factories.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { verifyLedger } from '../budget/index.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function publishedVoucher(budget = 10_000_000_000n, overrides = {}) {
  const hub = await createTestHub(ctx);
  await fundedYear(ctx.database.db, hub, { 'compute-vouchers': budget }, 1_000_000_000_000n);
  const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
  const created = await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: computeVoucherDraft(overrides) }));
  expect(created.statusCode, created.body).toBe(201);
  const program = created.json();
  expect((await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/publish` }))).statusCode).toBe(200);
  return { hub, officer, program };
}

async function founderOf(hub: HubRow, overrides: Record<string, unknown> = {}) {
  const founder = await createTestUser(ctx);
  const org = (
    await ctx.app.inject(
      as(founder, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/organizations`,
        payload: organizationInput({ kind: 'startup', sectors: ['ai'], ...overrides }),
      }),
    )
  ).json();
  return { founder, org };
}

const apply = (hub: HubRow, user: TestUser, programId: string, body: object, lang = 'en-US', headers: Record<string, string> = {}) =>
  ctx.app.inject(
    as(user, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/programs/${programId}/applications`,
      payload: body,
      headers: { 'accept-language': lang, ...headers },
    }),
  );

describe('rule-only applications', () => {
  it('a second program on the same contract pays only up to the stacking limit: the claim is read with the program', async () => {
    const stacked = () => {
      const draft = computeVoucherDraft();
      return { ...draft, rules: { ...draft.rules, benefit: { ...draft.rules.benefit, stacking: { group: 'compute', maxCombinedBasisPoints: 4000 } } } };
    };
    const { hub, officer, program: first } = await publishedVoucher(10_000_000_000n, stacked());
    const second = (await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: stacked() }))).json();
    await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${second.id}/publish` }));
    const { founder, org } = await founderOf(hub);
    const answers = contractAnswers('100000000', 'domestic');
    const a = await apply(hub, founder, first.id, { organizationId: org.id, answers });
    expect([a.statusCode, a.json().amount]).toEqual([201, '30000000']);
    // 40% of the contract in all, 30% already paid on it: 10% more.
    const b = await apply(hub, founder, second.id, { organizationId: org.id, answers });
    expect([b.statusCode, b.json().status, b.json().amount]).toEqual([201, 'approved', '10000000']);
    // Another contract is another claim: the full 30%.
    const other = await founderOf(hub);
    const c = await apply(hub, other.founder, second.id, { organizationId: other.org.id, answers: contractAnswers('100000000', 'domestic') });
    expect([c.statusCode, c.json().amount]).toEqual([201, '30000000']);
  });

  it('a retry under the same Idempotency-Key answers the first application again, word for word, and files nothing more', async () => {
    const { hub, program } = await publishedVoucher();
    const { founder, org } = await founderOf(hub);
    const body = { organizationId: org.id, answers: contractAnswers('100000000', 'domestic') };
    const headers = { 'idempotency-key': `apply-${crypto.randomUUID()}` };
    const first = await apply(hub, founder, program.id, body, 'en-US', headers);
    const retry = await apply(hub, founder, program.id, body, 'en-US', headers);
    expect([first.statusCode, retry.statusCode, first.headers['idempotent-replayed'], retry.headers['idempotent-replayed']]).toEqual([
      201,
      201,
      undefined,
      'true',
    ]);
    expect(retry.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ status: 'approved', amount: '30000000', number: expect.stringMatching(/^[A-Z]+-\d{4}-\d{6}$/) });
    const { rows } = await ctx.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM applications WHERE hub_id = ${hub.id}`);
    expect(rows[0]!.n).toBe(1);
    const reused = await apply(hub, founder, program.id, { ...body, answers: contractAnswers('200000000', 'domestic') }, 'en-US', headers);
    expect([reused.statusCode, reused.json().error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('a co-funded award commits and pays only the city’s share on the budget line; the award shows the whole', async () => {
    const draft = computeVoucherDraft();
    const benefit = { ...draft.rules.benefit, coFunding: { cityBasisPoints: 7000 } };
    const { hub, program } = await publishedVoucher(10_000_000_000n, { rules: { ...draft.rules, benefit } });
    const { founder, org } = await founderOf(hub);
    const res = await apply(hub, founder, program.id, { organizationId: org.id, answers: contractAnswers('100000000', 'domestic') });
    expect(res.json()).toMatchObject({ status: 'approved', amount: '30000000', benefit: { cityShare: '21000000', employerShare: '9000000' } });
    const { rows } = await ctx.database.db.execute(sql`SELECT amount::text, posted::text FROM commitments WHERE hub_id = ${hub.id} AND id = ${res.json().id}`);
    expect(rows).toEqual([{ amount: '21000000', posted: '21000000' }]);
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
  });

  it('a startup claims a compute voucher and is approved at once, with the amount explained and committed', async () => {
    const { hub, officer, program } = await publishedVoucher();
    const { founder, org } = await founderOf(hub);
    const res = await apply(hub, founder, program.id, { organizationId: org.id, answers: contractAnswers('100000000', 'domestic') });
    expect(res.statusCode, res.body).toBe(201);
    const application = res.json();
    expect(application).toMatchObject({ status: 'approved', amount: '30000000', screening: { eligible: true }, refusal: null });
    expect(application.benefit.lines.map((l: { key: string }) => l.key)).toContain('percentage');
    const { rows } = await ctx.database.db.execute(sql`SELECT amount::text, posted::text FROM commitments WHERE hub_id = ${hub.id} AND id = ${application.id}`);
    expect(rows).toEqual([{ amount: '30000000', posted: '30000000' }]);
    expect(await verifyLedger(ctx.database.db, hub.id)).toEqual([]);
    // The commitment and its payment were appended to the audit chain in SQL: still one chain.
    expect((await verifyAuditChain(ctx.database.db, hub.id)).break).toBeNull();
    const seen = await ctx.app.inject(as(founder, { method: 'GET', url: `/api/hubs/${hub.slug}/applications/${application.id}` }));
    expect(seen.json().id).toBe(application.id);

    // The ledger names the award account and the cause in words: program, applicant, short number.
    const ledger = (await ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/fiscal-years/2026/transfers` }))).json();
    const committed = ledger.items.find((t: { reason: string }) => t.reason === 'commit');
    expect(committed.debitAccount).toMatchObject({ kind: 'budget_line', code: 'compute-vouchers' });
    expect(committed.creditAccount).toMatchObject({
      kind: 'award',
      name: { zh: `资助：算力券 · ${org.name.zh}`, en: `Award: Compute voucher · ${org.name.en}` },
      cause: { type: 'application', id: application.id, number: application.number },
    });
    expect(committed.cause).toMatchObject({ type: 'application', number: application.number, name: { en: `Compute voucher · ${org.name.en}` } });
  });

  it('an ineligible applicant sees which criterion failed, in both languages', async () => {
    const { hub, program } = await publishedVoucher();
    const { founder, org } = await founderOf(hub, { kind: 'company', sectors: ['robotics'] });
    const en = (await apply(hub, founder, program.id, { organizationId: org.id, answers: contractAnswers('1000') })).json();
    expect(en.status).toBe('refused');
    expect(
      en.screening.results
        .filter((r: { passed: boolean }) => !r.passed)
        .map((r: { key: string; reason: { en: string; zh: string } }) => [r.key, r.reason.en, r.reason.zh]),
    ).toEqual([
      ['is_startup', 'Only startups may apply', '仅限初创企业'],
      ['ai_sector', 'Must work in AI', '须属于人工智能领域'],
    ]);
    const { rows } = await ctx.database.db.execute(sql`SELECT count(*)::int AS n FROM commitments WHERE hub_id = ${hub.id}`);
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses bad input with a code and writes nothing: wrong type, above the cap, second application, outside the window', async () => {
    const { hub, officer, program } = await publishedVoucher();
    const { founder, org } = await founderOf(hub);
    const wrongType = await apply(
      hub,
      founder,
      program.id,
      { organizationId: org.id, answers: { ...contractAnswers('1000'), contract_amount: 'lots' } },
      'zh-CN',
    );
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.fields).toEqual([
      { path: 'answers.contract_amount', code: 'INVALID_TYPE', message: fieldErrorMessages.INVALID_TYPE['zh-CN'] },
    ]);
    const aboveCap = await apply(hub, founder, program.id, { organizationId: org.id, answers: contractAnswers('100000000001') });
    expect(aboveCap.json().error.fields).toEqual([expect.objectContaining({ path: 'answers.contract_amount', code: 'TOO_BIG' })]);
    expect((await apply(hub, founder, program.id, { organizationId: org.id, answers: contractAnswers('1000') })).statusCode).toBe(201);
    const second = await apply(hub, founder, program.id, { organizationId: org.id, answers: contractAnswers('1000') });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('ALREADY_APPLIED');

    const closed = (
      await ctx.app.inject(
        as(officer, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/programs`,
          payload: computeVoucherDraft({ window: { opensOn: '2020-01-01', closesOn: '2020-12-31' } }),
        }),
      )
    ).json();
    await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${closed.id}/publish` }));
    const late = await apply(hub, founder, closed.id, { organizationId: org.id, answers: contractAnswers('1000') });
    expect(late.json().error.code).toBe('OUTSIDE_WINDOW');
    const { rows } = await ctx.database.db.execute(sql`SELECT count(*)::int AS n FROM applications WHERE hub_id = ${hub.id}`);
    expect(rows[0]!.n).toBe(1);
  });

  it('applicants see only their own applications; another organisation cannot be used', async () => {
    const { hub, officer, program } = await publishedVoucher();
    const a = await founderOf(hub);
    const b = await founderOf(hub);
    const mine = (await apply(hub, a.founder, program.id, { organizationId: a.org.id, answers: contractAnswers('1000') })).json();
    expect((await ctx.app.inject(as(b.founder, { method: 'GET', url: `/api/hubs/${hub.slug}/applications/${mine.id}` }))).statusCode).toBe(404);
    expect((await ctx.app.inject(as(b.founder, { method: 'GET', url: `/api/hubs/${hub.slug}/applications` }))).json().items).toEqual([]);
    const listed = (await ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/applications?program=${program.id}` }))).json().items;
    // Officers see who applied, by name, and the short number people quote.
    expect(listed).toMatchObject([{ id: mine.id, number: mine.number, applicant: { type: 'organization', id: a.org.id, name: a.org.name } }]);
    // And on the application's own page, where they assign reviewers and approve money.
    const opened = await ctx.app.inject(as(officer, { method: 'GET', url: `/api/hubs/${hub.slug}/applications/${mine.id}` }));
    expect(opened.json().applicant).toEqual({ type: 'organization', id: a.org.id, name: a.org.name });
    expect(mine.number).toMatch(new RegExp(`^${hub.code}-20\\d\\d-000001$`));
    const stolen = await apply(hub, b.founder, program.id, { organizationId: a.org.id, answers: contractAnswers('1000') });
    expect(stolen.statusCode).toBe(404);
  });
});

describe('program rules', () => {
  it('a bad criterion is a 400 naming the criterion and the position', async () => {
    const hub = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const draft = computeVoucherDraft();
    draft.rules.criteria[1]!.expression = "'ai' in applicant.sectorz";
    const res = await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: draft }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      expect.objectContaining({
        path: 'rules.criteria.1.expression',
        code: 'INVALID_EXPRESSION',
        detail: expect.stringMatching(/^ai_sector: line 1, column \d+/),
      }),
    ]);
    const check = await ctx.app.inject(
      as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/validate-criteria`, payload: { rules: draft.rules } }),
    );
    expect(check.json()).toMatchObject({ ok: false, errors: [expect.objectContaining({ criterion: 'ai_sector' })] });
  });

  it('the criteria check needs only keys, types and expressions, so the editor checks as the officer types', async () => {
    const hub = await createTestHub(ctx);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const applicant = await createTestUser(ctx, { hub });
    const check = (user: typeof officer, rules: unknown) =>
      ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/validate-criteria`, payload: { rules } }));
    const rules = {
      applicantType: 'organization',
      form: [{ key: 'contractAmount', type: 'money' }],
      criteria: [
        { key: 'big', expression: 'form.contractAmount >= 100000 && applicant.headcount < 300' },
        { key: 'half', expression: 'applicant.headcount <' },
        { key: 'person_fact', expression: 'applicant.socialInsuranceMonths >= 6' },
      ],
    };
    const res = await check(officer, rules);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: false,
      errors: [
        { criterion: 'half', position: { line: 1 } },
        { criterion: 'person_fact', code: expect.any(String) },
      ],
    });
    expect((await check(officer, { ...rules, criteria: rules.criteria.slice(0, 1) })).json()).toEqual({ ok: true, errors: [] });
    const bad = await check(officer, { ...rules, form: [{ key: 'Contract Amount', type: 'money' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ path: 'rules.form.0.key' })]);
    expect((await check(applicant, rules)).statusCode).toBe(404);
  });

  it('changed rules become a new version; the public sees criteria in plain words, the reports owed by name and the budget left', async () => {
    const { hub, officer, program } = await publishedVoucher(5_000_000n);
    const draft = computeVoucherDraft();
    draft.rules.criteria.pop();
    const midterm = { key: 'midterm', name: { zh: '中期报告', en: 'Midterm report' }, dueAfterMonths: 6 };
    draft.rules.review = { milestones: [midterm] };
    const updated = (await ctx.app.inject(as(officer, { method: 'PUT', url: `/api/hubs/${hub.slug}/programs/${program.id}`, payload: draft }))).json();
    expect(updated.version).toBe(2);
    const pub = (await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/programs/${program.id}` })).json();
    expect(pub).toMatchObject({ version: 2, budgetLeft: '5000000', criteria: [{ key: 'is_startup' }] });
    expect(pub.milestones).toEqual([midterm]);
    expect(pub.rules).toBeUndefined();
  });
});
