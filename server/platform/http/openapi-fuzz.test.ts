import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hubRoles } from '../../../contracts/auth.js';
import { errorCodes } from '../../../contracts/errors.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { hubFingerprint, operationsOf, type ContractOperation, type ContractParameter } from '../../test/openapi-operations.js';
import { arbitraryOf, evilString, type JsonSchema, type Mode } from '../../test/schema-arbitrary.js';
import type { HubRow } from '../tenancy/tenancy.js';

/**
 * Every operation of /api/openapi.json, called with requests made from its own schemas (valid,
 * with NUL and lone surrogates in strings, with wrong types; overlong and broken path
 * parameters), signed in as a hub's staff (every role) and signed out, against the real app
 * on the real database. No answer is a 5xx; every error is JSON with a known code; a 4xx
 * leaves the hub's rows exactly as they were (counts and row versions of every hub table).
 */

type Parameter = ContractParameter;
type Operation = ContractOperation;
type Request = { method: Operation['method']; url: string; headers: Record<string, string>; payload?: string | Buffer };

const SIGNED_IN_RUNS = Number(process.env.FUZZ_RUNS ?? 16);
const SIGNED_OUT_RUNS = 3;
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000_000);
const known = new Set<string>(errorCodes);

let ctx: TestContext;
let hub: HubRow;
let staff: TestUser;
let operations: Operation[];
let components: Record<string, JsonSchema>;
const ids: string[] = [];
const statuses = new Map<number, number>();

beforeAll(async () => {
  ctx = await startTestApp();
  hub = await createTestHub(ctx);
  // Every role but the two administrator duties no account may hold beside hub_admin (三员分立).
  staff = await createTestUser(ctx, { hub, roles: hubRoles.filter((r) => r !== 'auditor' && r !== 'security_admin') });
  const spec = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  components = spec.components?.schemas ?? {};
  operations = operationsOf(spec);
  const org = await ctx.app.inject(
    as(staff, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput(), headers: { origin: 'http://localhost:3000' } }),
  );
  ids.push(org.json().id, staff.id);
});

/** Percent-encodes text; a lone surrogate (which no URL can carry) goes as its CESU-8 bytes. */
function encode(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[^]/gu, (ch) => {
    if (ch.length === 1 && ch >= '\ud800' && ch <= '\udfff') return '%ED%A0%80';
    return encodeURIComponent(ch);
  });
}

function pathValue(param: Parameter, mode: Mode): fc.Arbitrary<unknown> {
  const fromSchema = arbitraryOf(param.schema, components, 'valid');
  const real = param.name === 'hub' ? fc.constant(hub.slug) : fc.constantFrom(...ids);
  const broken = fc.oneof(
    fc.integer({ min: 101, max: 400 }).map((n) => 'a'.repeat(n)),
    evilString(),
    fc.constantFrom('..', '%2e%2e', ' ', '%', '0'),
  );
  if (mode !== 'wild') return fc.oneof({ weight: 4, arbitrary: real }, { weight: 1, arbitrary: fromSchema });
  return fc.oneof({ weight: 3, arbitrary: real }, { weight: 2, arbitrary: fromSchema }, { weight: 2, arbitrary: broken });
}

/**
 * Puts `bad` into one string (the `which`-th, at offset `at`) of the query or the body. A URL
 * cannot carry a lone surrogate (it would arrive as three bytes that are not UTF-8), so the
 * query gets a NUL.
 */
function corruptOne<T extends { query: object; body: unknown }>(value: T, which: number, at: number, bad: string): T {
  const copy = structuredClone(value);
  const slots: Array<{ holder: Record<string, unknown>; key: string; inQuery: boolean }> = [];
  const walk = (holder: Record<string, unknown>, inQuery: boolean) => {
    for (const [key, child] of Object.entries(holder)) {
      if (typeof child === 'string') slots.push({ holder, key, inQuery });
      else if (child && typeof child === 'object' && !Buffer.isBuffer(child)) walk(child as Record<string, unknown>, inQuery);
    }
  };
  walk(copy.query as Record<string, unknown>, true);
  walk({ body: copy.body }, false);
  const slot = slots[which % Math.max(slots.length, 1)];
  if (slot) {
    const text = slot.holder[slot.key] as string;
    const i = at % (text.length + 1);
    slot.holder[slot.key] = text.slice(0, i) + (slot.inQuery ? '\u0000' : bad) + text.slice(i);
  }
  return copy;
}

function requestArbitrary(op: Operation, mode: Mode, user: TestUser | null): fc.Arbitrary<Request> {
  // A page cursor is opaque: a made-up one is refused before anything else is looked at.
  const byPlace = (place: Parameter['in']) => op.parameters.filter((p) => p.in === place && (mode === 'wild' || p.name !== 'next'));
  const path = fc.record(Object.fromEntries(byPlace('path').map((p) => [p.name, pathValue(p, mode)])));
  const query = fc.record(Object.fromEntries(byPlace('query').map((p) => [p.name, arbitraryOf(p.schema, components, mode)])), {
    // Bad text shows only where it is sent: in evil mode every query parameter is present.
    requiredKeys: byPlace('query')
      .filter((p) => mode === 'evil' || (mode === 'valid' && p.required))
      .map((p) => p.name),
  });
  const headers = fc.record(Object.fromEntries(byPlace('header').map((p) => [p.name, arbitraryOf(p.schema, components, 'valid').map(String)])), {
    requiredKeys:
      mode === 'valid'
        ? byPlace('header')
            .filter((p) => p.required)
            .map((p) => p.name)
        : [],
  });
  const body: fc.Arbitrary<unknown> = !op.body
    ? fc.constant(undefined)
    : op.body.type.includes('json')
      ? mode === 'wild'
        ? fc.oneof({ weight: 4, arbitrary: arbitraryOf(op.body.schema, components, mode) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) })
        : arbitraryOf(op.body.schema, components, mode)
      : fc.uint8Array({ minLength: 0, maxLength: 64 }).map((bytes) => Buffer.from(bytes));
  // Evil: a valid request with bad text in exactly one of its strings, so that nothing else stops it early.
  const parts = fc.record({ path, query, headers, body });
  const chosen =
    mode !== 'evil'
      ? parts
      : fc.tuple(parts, fc.nat(), fc.nat(), fc.constantFrom('\u0000', '\ud800', '\udc00')).map(([value, which, at, bad]) => corruptOne(value, which, at, bad));
  return chosen.map(({ path: params, query: search, headers: extra, body: value }) => {
    const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(params[name] ?? ''));
    const pairs = Object.entries(search).flatMap(([key, v]) =>
      v === undefined ? [] : Array.isArray(v) ? v.map((item) => [key, item] as const) : [[key, v] as const],
    );
    const qs = pairs.map(([key, v]) => `${encode(key)}=${encode(v)}`).join('&');
    const headers: Record<string, string> = { origin: 'http://localhost:3000', ...(user ? { cookie: user.cookie } : {}) };
    for (const [key, v] of Object.entries(extra)) if (v !== undefined && /^[\x20-\x7e]*$/.test(v)) headers[key] = v;
    let payload: string | Buffer | undefined;
    if (op.body && value !== undefined) {
      headers['content-type'] = op.body.type;
      payload = Buffer.isBuffer(value) ? value : JSON.stringify(value);
    }
    return { method: op.method, url: qs ? `${url}?${qs}` : url, headers, payload };
  });
}

/** Every hub table's row count and row versions (xmin) for the hub: any insert, update or delete changes it. */
async function fingerprint(): Promise<string> {
  return JSON.stringify(await hubFingerprint(ctx.database.pool, hub.id));
}

type Failure = { operation: string; who: string; mode: Mode; status: number; problem: string; request: string; body: string };

async function exercise(op: Operation, index: number, user: TestUser | null, runs: number, failures: Failure[], state: { print: string }): Promise<number> {
  // Half of the requests carry bad text, a quarter are valid, a quarter wild.
  const modes: Array<[Mode, number]> = [
    ['valid', Math.ceil(runs / 4)],
    ['evil', Math.ceil(runs / 2)],
    ['wild', Math.ceil(runs / 4)],
  ];
  let sent = 0;
  for (const [i, [mode, count]] of modes.entries()) {
    const samples = fc.sample(requestArbitrary(op, mode, user), { numRuns: count, seed: seed + index * 3 + i });
    for (const request of samples) {
      const res = await ctx.app.inject(request);
      sent++;
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      const record = (problem: string) =>
        failures.push({
          operation: op.operationId,
          who: user ? 'staff' : 'signed out',
          mode,
          status: res.statusCode,
          problem,
          request: `${request.method} ${request.url} ${typeof request.payload === 'string' ? request.payload.slice(0, 300) : ''}`,
          body: res.body.slice(0, 300),
        });
      if (res.statusCode >= 500) record('5xx');
      const after = await fingerprint();
      if (res.statusCode >= 400) {
        let code: unknown;
        let body: { error?: { code?: unknown }; code?: unknown } = {};
        try {
          body = res.json();
          code = body.error?.code;
        } catch {
          code = undefined;
        }
        // better-auth answers its own routes (/api/auth/*) as `{ code, message }`, its codes not ours.
        const authCode = op.path.startsWith('/api/auth/') ? body.code : undefined;
        if (!known.has(String(code)) && typeof authCode !== 'string') record('error without a known code');
        if (after !== state.print) record('written on an error');
      }
      state.print = after;
    }
  }
  return sent;
}

describe('every operation of the contract, fuzzed from its schemas', () => {
  it('never answers 5xx, always answers errors in the project shape, never writes on a 4xx', { timeout: 600_000 }, async () => {
    expect(operations.length).toBeGreaterThan(50);
    const failures: Failure[] = [];
    const state = { print: await fingerprint() };
    let sent = 0;
    for (const [index, op] of operations.entries()) {
      sent += await exercise(op, index, staff, SIGNED_IN_RUNS, failures, state);
      sent += await exercise(op, index, null, SIGNED_OUT_RUNS, failures, state);
    }
    const firstPerKind = [...new Map(failures.map((f) => [`${f.operation} ${f.problem}`, f])).values()];
    console.log(`${sent} requests over ${operations.length} operations, seed ${seed}:`, Object.fromEntries(statuses));
    expect(firstPerKind, `seed ${seed}, ${sent} requests, ${failures.length} failures`).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
  });
});
