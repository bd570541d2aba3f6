import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type Database } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { computeVoucherDraft, fixedBenefit } from '../../test/program-factories.js';
import { AppError } from '../../platform/errors.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { verifyLedger } from '../budget/index.js';
import { createOrganization } from '../ecosystem/index.js';
import { submitApplication } from './applications.service.js';
import { createProgram, publishProgram } from './programs.service.js';
import { applications } from './programs.tables.js';

let ctx: TestContext;
let wide: Database;
beforeAll(async () => {
  ctx = await startTestApp();
  wide = connect(inject('databaseUrl'), 20);
});
afterAll(() => wide.close());

/** A signed-up founder (address confirmed) with an AI startup of their own, created through the real service. */
async function founderWithStartup(hub: HubRow) {
  const userId = (
    await ctx.database.db.execute(
      sql`INSERT INTO users (id, name, email, email_verified) VALUES (gen_random_uuid(), 'F', ${`f-${randomUUID()}@test.example`}, true) RETURNING id`,
    )
  ).rows[0]!.id as string;
  const actor = { userId, hubRoles: [] };
  const org = await withTransaction(wide.db, (tx) => createOrganization(tx, { hub, actor }, organizationInput({ kind: 'startup', sectors: ['ai'] }) as never));
  return { actor, orgId: org.id };
}

/** A published rule-only compute-voucher program with budget for `awards` awards of CNY 3,000 (`draft`: another shape of it). */
async function voucherProgram(hub: HubRow, awards: bigint, draft = computeVoucherDraft()) {
  await fundedYear(wide.db, hub, { 'compute-vouchers': AWARD * awards }, 1_000_000_000_000n);
  const officer = { userId: randomUUID(), hubRoles: ['program_officer' as const] };
  const program = await withTransaction(wide.db, (tx) => createProgram(tx, { hub, actor: officer }, draft as never));
  await withTransaction(wide.db, (tx) => publishProgram(tx, { hub, actor: officer }, program.id));
  return program;
}

const AWARD = 300_000n; // 30% of a CNY 10,000 contract on domestic chips, in fen

describe('rule-only program under a rush', () => {
  it('100 applicants at once, budget for 40: exactly 40 approved, the rest BUDGET_EXHAUSTED, books right', async () => {
    const hub = await createTestHub(ctx);
    const program = await voucherProgram(hub, 40n);

    // 100 founders, each with an AI startup of their own (created through the real service).
    const founders = await Promise.all(Array.from({ length: 100 }, () => founderWithStartup(hub)));
    const outcomes = await Promise.all(
      founders.map(async ({ actor, orgId }) => {
        try {
          const { row } = await submitApplication(wide.db, { hub, actor }, program.id, {
            organizationId: orgId,
            answers: { contract_number: randomUUID(), contract_amount: '1000000', chips: 'domestic' },
          });
          return row.status;
        } catch (e) {
          if (e instanceof AppError) return e.code;
          throw e;
        }
      }),
    );
    const count = (v: string) => outcomes.filter((o) => o === v).length;
    expect(count('approved')).toBe(40);
    expect(count('BUDGET_EXHAUSTED')).toBe(60);
    const stored = await wide.db
      .select({ status: applications.status, number: applications.number })
      .from(applications)
      .where(and(eq(applications.hubId, hub.id)));
    expect(stored.map((s) => s.status)).toEqual(Array(40).fill('approved'));
    // Short numbers: each its own, in the hub's sequence for the year (rolled-back ones leave gaps, never twins).
    const numbers = stored.map((s) => s.number);
    expect(new Set(numbers).size).toBe(40);
    for (const n of numbers) expect(n).toMatch(new RegExp(`^${hub.code}-\\d{4}-\\d{6}$`));
    expect(Math.max(...numbers.map((n) => Number(n.slice(-6))))).toBeLessThanOrEqual(100);
    expect(await verifyLedger(wide.db, hub.id)).toEqual([]);
  });

  it('ten copies of one submission under one Idempotency-Key at once: one award, one commitment, the first answer ten times', async () => {
    const hub = await createTestHub(ctx);
    const program = await voucherProgram(hub, 5n);
    const { actor, orgId } = await founderWithStartup(hub);
    const input = { organizationId: orgId, answers: { contract_number: randomUUID(), contract_amount: '1000000', chips: 'domestic' } };
    const key = `apply-${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => submitApplication(wide.db, { hub, actor }, program.id, input, key)));
    expect(new Set(answers.map((a) => a.row.id)).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(new Set(answers.map((a) => JSON.stringify(a.row, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))).size).toBe(1);
    expect([answers[0]!.row.status, answers[0]!.row.amount]).toEqual(['approved', AWARD]);
    const { rows } = await wide.db.execute<{ applications: number; commitments: number; events: number }>(sql`
      SELECT (SELECT count(*)::int FROM applications WHERE hub_id = ${hub.id}) AS applications,
             (SELECT count(*)::int FROM commitments WHERE hub_id = ${hub.id}) AS commitments,
             (SELECT count(*)::int FROM audit_events WHERE hub_id = ${hub.id} AND action = 'application.approved') AS events`);
    expect(rows[0]).toEqual({ applications: 1, commitments: 1, events: 1 });

    // The same key for another contract is refused; nothing is written.
    const other = { ...input, answers: { ...input.answers, contract_number: randomUUID() } };
    await expect(submitApplication(wide.db, { hub, actor }, program.id, other, key)).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    // A retry after the window has closed would be refused: it gets the first answer; a first attempt then is refused.
    const later = new Date(`${program.closesOn}T23:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 2);
    const retry = await submitApplication(wide.db, { hub, actor }, program.id, input, key, later);
    expect([retry.replayed, retry.row.id, retry.row.number]).toEqual([true, answers[0]!.row.id, answers[0]!.row.number]);
    await expect(submitApplication(wide.db, { hub, actor }, program.id, other, randomUUID(), later)).rejects.toMatchObject({ code: 'OUTSIDE_WINDOW' });
    const after = await wide.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM applications WHERE hub_id = ${hub.id}`);
    expect(after.rows[0]!.n).toBe(1);
    expect(await verifyLedger(wide.db, hub.id)).toEqual([]);
    expect((await verifyAuditChain(wide.db, hub.id)).break).toBeNull();
  });
});

/** Each submission's status and amount, or the refusal's code. */
async function submitAll(hub: HubRow, programId: string, submissions: { actor: { userId: string; hubRoles: never[] }; orgId: string; contract: string }[]) {
  return Promise.all(
    submissions.map(async ({ actor, orgId, contract }) => {
      try {
        const { row } = await submitApplication(wide.db, { hub, actor }, programId, {
          organizationId: orgId,
          answers: { contract_number: contract, contract_amount: '1000000', chips: 'domestic' },
        });
        return { status: row.status, amount: row.amount };
      } catch (e) {
        if (e instanceof AppError) return { status: e.code, amount: null };
        throw e;
      }
    }),
  );
}

describe('awards that depend on earlier awards, at once (migrations/0047: the award’s turn)', () => {
  it('six startups claiming one contract at once: one subsidy, five refusals', async () => {
    const hub = await createTestHub(ctx);
    const program = await voucherProgram(hub, 10n);
    const contract = `C-${randomUUID().slice(0, 8)}`;
    const founders = await Promise.all(Array.from({ length: 6 }, () => founderWithStartup(hub)));
    const outcomes = await submitAll(
      hub,
      program.id,
      founders.map((f) => ({ ...f, contract })),
    );
    expect(outcomes.filter((o) => o.status === 'approved')).toEqual([{ status: 'approved', amount: AWARD }]);
    expect(outcomes.filter((o) => o.status === 'refused')).toHaveLength(5);
    expect(await verifyLedger(wide.db, hub.id)).toEqual([]);
  });

  it('one startup sending five claims at once under a yearly cap: the awards add up to the cap, never past it', async () => {
    const hub = await createTestHub(ctx);
    const cap = AWARD + AWARD / 3n;
    const draft = computeVoucherDraft({ onePerApplicant: false });
    draft.rules.benefit = { ...fixedBenefit(AWARD), caps: { perApplicantPerYear: cap.toString() } };
    const program = await voucherProgram(hub, 10n, draft);
    const founder = await founderWithStartup(hub);
    const outcomes = await submitAll(
      hub,
      program.id,
      Array.from({ length: 5 }, () => ({ ...founder, contract: `C-${randomUUID().slice(0, 8)}` })),
    );
    const paid = outcomes.filter((o) => o.status === 'approved').map((o) => o.amount!);
    expect(paid.sort()).toEqual([AWARD / 3n, AWARD].sort());
    expect(outcomes.filter((o) => o.status === 'refused')).toHaveLength(3);
    expect(await verifyLedger(wide.db, hub.id)).toEqual([]);
  });
});
