import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type Database } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { fundedYear } from '../../test/budget-factories.js';
import { organizationInput } from '../../test/factories.js';
import { createTestHub, startTestApp, type TestContext } from '../../test/harness.js';
import { computeVoucherDraft } from '../../test/program-factories.js';
import { AppError } from '../../platform/errors.js';
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

describe('rule-only program under a rush', () => {
  it('100 applicants at once, budget for 40: exactly 40 approved, the rest BUDGET_EXHAUSTED, books right', async () => {
    const hub = await createTestHub(ctx);
    const AWARD = 300_000n; // 30% of a CNY 10,000 contract on domestic chips, in fen
    await fundedYear(wide.db, hub, { 'compute-vouchers': AWARD * 40n }, 1_000_000_000_000n);
    const officer = { userId: randomUUID(), hubRoles: ['program_officer' as const] };
    const program = await withTransaction(wide.db, (tx) => createProgram(tx, { hub, actor: officer }, computeVoucherDraft() as never));
    await withTransaction(wide.db, (tx) => publishProgram(tx, { hub, actor: officer }, program.id));

    // 100 founders, each with an AI startup of their own (created through the real service).
    const founders = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const userId = (
          await ctx.database.db.execute(
            sql`INSERT INTO users (id, name, email, email_verified) VALUES (gen_random_uuid(), 'F', ${`f-${randomUUID()}@test.example`}, true) RETURNING id`,
          )
        ).rows[0]!.id as string;
        const actor = { userId, hubRoles: [] };
        const org = await withTransaction(wide.db, (tx) =>
          createOrganization(tx, { hub, actor }, organizationInput({ kind: 'startup', sectors: ['ai'] }) as never),
        );
        return { actor, orgId: org.id };
      }),
    );
    const outcomes = await Promise.all(
      founders.map(async ({ actor, orgId }) => {
        try {
          const app = await withTransaction(
            wide.db,
            (tx) =>
              submitApplication(tx, { hub, actor }, program.id, {
                organizationId: orgId,
                answers: { contract_number: randomUUID(), contract_amount: '1000000', chips: 'domestic' },
              }),
            { isolation: 'read committed' },
          );
          return app.status;
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
});
