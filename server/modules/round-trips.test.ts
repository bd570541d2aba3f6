import { beforeAll, describe, expect, it } from 'vitest';
import { fundedYear } from '../test/budget-factories.js';
import { organizationInput } from '../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../test/harness.js';
import { contractAnswers, voucherWithScanDraft } from '../test/program-factories.js';
import { stayStation } from '../test/stay-factories.js';
import { PDF, uploadAs } from '../test/file-factories.js';
import { recordStatements, type SentStatement } from '../test/statements.js';
import type { HubRow } from '../platform/tenancy/tenancy.js';
import { addDays, localToday } from './stays/stay-dates.js';

/**
 * Statements (each a round trip, BEGIN and COMMIT included) of one request by a signed-in
 * caller whose session is already read: a count, not a timing. Lower them when a change
 * saves one; a change that adds one must say why here.
 */
const SUBMISSION_STATEMENTS = 2;
const BOOKING_STATEMENTS = 2;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function graduate(hub: HubRow): Promise<TestUser> {
  const user = await createTestUser(ctx);
  const graduatesOn = addDays(localToday(hub.timeZone), -200);
  const res = await ctx.app.inject(
    as(user, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/talent/graduate`,
      payload: { name: { zh: '李明', en: 'Li Ming' }, degree: { university: 'Zhejiang University', level: 'bachelor', graduatesOn } },
    }),
  );
  expect(res.statusCode, res.body).toBe(200);
  return user;
}

/**
 * The statements of one request (after a first one by the same caller, so its session is
 * cached). On Citus (`npm run test:citus`) each must also run on the hub's one shard: a
 * single task and no distributed subplan in its plan. (A subquery that names its hub by the
 * outer row's hub_id, not by the hub's id, is planned over every shard.)
 */
async function statementsOf(request: () => Promise<{ statusCode: number; body: string }>, status: number) {
  const { result, statements, sent } = await recordStatements(request);
  expect(result.statusCode, result.body).toBe(status);
  if (process.env.DRAGONGATE_CITUS) for (const statement of sent) await expectOneShard(statement);
  return statements;
}

async function expectOneShard({ text, values, name }: SentStatement) {
  const { rows } = await ctx.database.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, values);
  expectOneTask(text, rows);
  if (name) expectOneTask(text, await planAfterRuns(name, text, values));
}

/**
 * The plan of a named statement (`server/db/named.ts`) after more runs on one connection than
 * PostgreSQL makes custom plans for (five) before it weighs keeping a generic one: still one
 * task, the hub's shard.
 */
async function planAfterRuns(name: string, text: string, values: unknown[]) {
  const client = await ctx.database.pool.connect();
  try {
    for (let run = 0; run < 8; run++) await client.query({ name, text, values });
    // EXECUTE takes its values written out (a utility statement has no parameters of its own).
    const literals = values.map((v) => (v === null ? 'NULL' : client.escapeLiteral(String(v)))).join(', ');
    return (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE ${name}(${literals})`)).rows;
  } finally {
    client.release();
  }
}

function expectOneTask(text: string, rows: { 'QUERY PLAN': string }[]) {
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  expect(plan, `${text}\n${plan}`).toMatch(/Task Count: 1\b/);
  expect(plan, `${text}\n${plan}`).not.toMatch(/Task Count: (?!1\b)|Distributed Subplan/);
}

describe('SQL round trips of the two busiest writes', () => {
  it('a rule-only submission with instant approval', async () => {
    const hub = await createTestHub(ctx);
    await fundedYear(ctx.database.db, hub, { 'compute-vouchers': 10_000_000_000n }, 1_000_000_000_000n);
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    // The contract's scan is an uploaded file: the files an application names are read with the rest.
    const draft = voucherWithScanDraft();
    const program = (await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs`, payload: draft }))).json();
    await ctx.app.inject(as(officer, { method: 'POST', url: `/api/hubs/${hub.slug}/programs/${program.id}/publish` }));
    const founder = await createTestUser(ctx);
    const org = async () =>
      (
        await ctx.app.inject(
          as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind: 'startup', sectors: ['ai'] }) }),
        )
      ).json().id as string;
    const scan = async () => (await uploadAs(ctx, hub, founder, PDF)).json().id as string;
    const apply = async (organizationId: string, key: string, contractScan: string) =>
      ctx.app.inject(
        as(founder, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/programs/${program.id}/applications`,
          payload: { organizationId, answers: { ...contractAnswers('100000000', 'domestic'), contract_scan: contractScan } },
          headers: { 'idempotency-key': key },
        }),
      );
    const [first, second] = [await org(), await org()];
    const [firstScan, secondScan] = [await scan(), await scan()];
    await apply(first, crypto.randomUUID(), firstScan);
    const statements = await statementsOf(() => apply(second, crypto.randomUUID(), secondScan), 201);
    // Was 17: the program and its rules, the member's role and the organisation with its
    // facts, and the audit event each became one statement.
    // Was 13: the applicant's awards and the awards on the same claim became one statement.
    // Was 12: the program and whether the caller's address is confirmed became one statement.
    // Was 11: the organisation and its earlier awards became one statement.
    // Was 10: the application's number is taken in the INSERT of the application (dg_application_number).
    // Was 9: BEGIN, the key's row, the application with its number, the ledger's commit, the
    // audit event, the key's answer and COMMIT became one call (dg_application_file), its own
    // transaction.
    // Was 3 (4 with a file answered): the program with the caller's address, the organisation
    // with its earlier awards and the uploaded files the answers name became one read
    // (submissionReads).
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(SUBMISSION_STATEMENTS);
    expect(statements.filter((s) => /^(begin|commit)/i.test(s))).toEqual([]);
    expect(statements.at(-1)).toMatch(/dg_application_file/);
    expect(statements.filter((s) => /dg_ledger_commit|dg_audit_append|dg_application_number|idempotency_keys/.test(s))).toEqual([]);
  });

  it('a stay booking', async () => {
    const hub = await createTestHub(ctx);
    const station = await stayStation(ctx.database.db, hub, 4);
    const [a, b] = [await graduate(hub), await graduate(hub)];
    const today = localToday(hub.timeZone);
    const book = (user: TestUser) =>
      ctx.app.inject(
        as(user, {
          method: 'POST',
          url: `/api/hubs/${hub.slug}/stays/bookings`,
          payload: { stationId: station.id, checkIn: today, checkOut: addDays(today, 6) },
          headers: { 'idempotency-key': crypto.randomUUID() },
        }),
      );
    await book(a);
    const statements = await statementsOf(() => book(b), 201);
    // Was 15: the person with their highest degree and the audit event each became one statement.
    // Was 13: the person's lock, their limits, the bed, the audit event and the booking read back
    // became one call (dg_stay_book, which Citus runs on the hub's worker).
    // Was 9: the person and the degrees they declared became one statement.
    // Was 8: the station and its guest's graduate facts became one statement.
    // Was 7: BEGIN, the key's row, the call, the bed read back for the answer, the key's answer
    // and COMMIT became one call (dg_stay_book_once), its own transaction.
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(BOOKING_STATEMENTS);
    expect(statements.filter((s) => /^(begin|commit)/i.test(s))).toEqual([]);
    expect(statements.at(-1)).toMatch(/dg_stay_book_once/);
  });
});
