import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, startTestApp, TEST_ORIGIN, type TestContext, type TestUser } from '../../test/harness.js';
import { hubFingerprint, operationsOf, type ContractOperation } from '../../test/openapi-operations.js';
import { awardInPayment, type ReviewedWorld } from '../../test/review-factories.js';
import { arbitraryOf, type JsonSchema } from '../../test/schema-arbitrary.js';

/**
 * The auditor changes nothing (三员分立): every write operation of /api/openapi.json (any
 * method but GET), computed from the document, is sent by the hub's auditor with a request
 * valid by its own schemas and, where the path names a thing, the id of a real thing of the
 * hub (a reviewed award in payment: programs, applications, reviews, tranches, people,
 * organisations). Each hub route answers 403 or 404 and leaves every row of the hub as it
 * was; only the refusal itself is added to the audit log. The routes of the person's own
 * account (/api/auth/*: their password, their second factor, signing out; marking their own
 * notifications read) change no hub row. A body valid by the schema can still fail a rule the
 * schema cannot say (a date after another): up to 12 are tried until one passes validation.
 */

/** The person's own account and inbox, not the hub's data: their password, second factor, session, notifications read. */
const ownAccount = (op: ContractOperation) => op.path.startsWith('/api/auth/') || /\/notifications\/.*read$/.test(op.path);
// The audit log records each refusal (access.refused): the one write the walk expects.
const AUDIT_TABLES = ['audit_events', 'audit_heads'];

let ctx: TestContext;
let world: ReviewedWorld;
let auditor: TestUser;
let writes: ContractOperation[];
let components: Record<string, JsonSchema>;
/** Ids of the hub's rows, by table. */
const idsByTable = new Map<string, string[]>();

beforeAll(async () => {
  ctx = await startTestApp();
  world = await awardInPayment(ctx, []);
  auditor = await createTestUser(ctx, { hub: world.hub, roles: ['auditor'] });
  const spec = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  components = spec.components?.schemas ?? {};
  // Signing out last: it ends the session the walk uses.
  writes = operationsOf(spec)
    .filter((op) => op.method !== 'GET')
    .sort((a, b) => Number(a.path === '/api/auth/sign-out') - Number(b.path === '/api/auth/sign-out'));
  const { rows: tables } = await ctx.database.pool.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.columns i ON i.table_name = c.table_name AND i.table_schema = c.table_schema AND i.column_name = 'id'
      WHERE c.table_schema = 'public' AND c.column_name = 'hub_id' AND i.data_type = 'uuid'`,
  );
  for (const { table_name: table } of tables) {
    const { rows } = await ctx.database.pool.query<{ id: string }>(`SELECT id::text FROM "${table}" WHERE hub_id = $1 LIMIT 5`, [world.hub.id]);
    if (rows.length)
      idsByTable.set(
        table,
        rows.map((r) => r.id),
      );
  }
});

/** The id a path parameter names: of the table its path segment names (`/programs/{id}`), else any of the hub's. */
function realId(op: ContractOperation, name: string): string | null {
  if (name === 'userId') return world.officer.id;
  const segments = op.path.split('/');
  const before = segments[segments.indexOf(`{${name}}`) - 1] ?? '';
  const singular = before.replace(/-/g, '_').replace(/s$/, '');
  const table = [...idsByTable.keys()].find((t) => t === before.replace(/-/g, '_') || t.replace(/s$/, '') === singular || t.endsWith(`_${singular}s`));
  return table ? idsByTable.get(table)![0]! : null;
}

function requestOf(op: ContractOperation, seed: number) {
  const value = (schema: JsonSchema) => fc.sample(arbitraryOf(schema, components, 'valid'), { numRuns: 1, seed })[0];
  let named = 0;
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'hub') return world.hub.slug;
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name)!;
    const id = param.schema.format === 'uuid' || name === 'id' || name === 'userId' ? realId(op, name) : null;
    if (id) named++;
    return encodeURIComponent(String(id ?? value(param.schema)));
  });
  const query = op.parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(value(p.schema)))}`)
    .join('&');
  const headers: Record<string, string> = { origin: TEST_ORIGIN, cookie: auditor.cookie };
  for (const p of op.parameters.filter((p) => p.in === 'header')) headers[p.name] = String(value(p.schema));
  let payload: string | Buffer | undefined;
  if (op.body) {
    headers['content-type'] = op.body.type;
    payload = op.body.type.includes('json') ? JSON.stringify(value(op.body.schema)) : Buffer.from('audited bytes');
  }
  return { request: { method: op.method, url: query ? `${url}?${query}` : url, headers, payload }, named };
}

describe('the hub auditor', () => {
  it('is refused every write route of the contract and changes no row of the hub', { timeout: 600_000 }, async () => {
    expect(writes.length).toBeGreaterThan(90);
    const answers: { op: string; own: boolean; status: number; code?: string; changed: string[] }[] = [];
    let namedReal = 0;
    for (const [index, op] of writes.entries()) {
      const before = await hubFingerprint(ctx.database.pool, world.hub.id, AUDIT_TABLES);
      let attempt = requestOf(op, index * 100);
      let res = await ctx.app.inject(attempt.request);
      for (let tries = 1; tries < 12 && res.statusCode === 400; tries++) {
        attempt = requestOf(op, index * 100 + tries);
        res = await ctx.app.inject(attempt.request);
      }
      namedReal += attempt.named ? 1 : 0;
      const after = await hubFingerprint(ctx.database.pool, world.hub.id, AUDIT_TABLES);
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      let code: string | undefined;
      try {
        code = res.json().error?.code;
      } catch {
        code = undefined;
      }
      answers.push({ op: `${op.method} ${op.path}`, own: ownAccount(op), status: res.statusCode, code, changed });
    }
    // A route of the hub (its path names it) refuses the auditor; one outside any hub (making a hub: operators) refuses them somehow.
    const notRefused = answers.filter((a) => !a.own && (a.op.includes('{hub}') ? a.status !== 403 && a.status !== 404 : a.status < 400));
    const written = answers.filter((a) => a.changed.length > 0);
    expect(notRefused, 'hub write routes the auditor was not refused').toEqual([]);
    expect(written, 'write routes after which a hub row had changed').toEqual([]);
    // The walk reached real things: at least half the routes that name a thing got a real one of the hub.
    const naming = writes.filter((op) => /\{(id|userId)\}/.test(op.path)).length;
    console.log(`${writes.length} write routes; ${namedReal} of the ${naming} that name a thing named a real one`);
    expect(namedReal * 2).toBeGreaterThanOrEqual(naming);
    // Each refusal is in the hub's audit log, under the auditor's name.
    const { rows } = await ctx.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE hub_id = $1 AND actor_id = $2 AND action = 'access.refused'`,
      [world.hub.id, auditor.id],
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
