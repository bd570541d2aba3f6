import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, startTestApp, type TestContext } from '../../../test/harness.js';
import { apiTags } from './tags.js';

/**
 * The rules of the contract, for every operation, so routes added later follow them too
 * (docs/architecture/api-contract.md). Spectral (npm run lint) checks the rest.
 */
type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  examples?: unknown[];
  additionalProperties?: unknown;
};
type Parameter = { name: string; in: string };
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Parameter[];
  responses: Record<string, Response>;
  requestBody?: Response;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
  security: unknown[];
};

let ctx: TestContext;
let doc: Document;
let operations: { method: string; path: string; op: Operation }[];

beforeAll(async () => {
  ctx = await startTestApp();
  doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ method, path, op })));
});

const resolve = (schema: Schema | undefined): Schema | undefined => (schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema);

/** Every (property name, schema) pair reachable from a schema, following $refs once each. */
function walk(schema: Schema | undefined, visit: (name: string, s: Schema) => void, seen = new Set<Schema>()): void {
  const s = resolve(schema);
  if (!s || seen.has(s)) return;
  seen.add(s);
  for (const [name, child] of Object.entries(s.properties ?? {})) {
    visit(name, resolve(child)!);
    for (const branch of resolve(child)?.anyOf ?? []) visit(name, resolve(branch)!);
    walk(child, visit, seen);
  }
  for (const child of [s.items, ...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(child, visit, seen);
  if (typeof s.additionalProperties === 'object') walk(s.additionalProperties as Schema, visit, seen);
}

function everySchemaOf(op: Operation): Schema[] {
  const bodies = Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {}).map((c) => c.schema!));
  const request = (op as { requestBody?: Response }).requestBody;
  return [...bodies, ...Object.values(request?.content ?? {}).map((c) => c.schema!)];
}

describe('the API contract, for every operation', () => {
  it('has an id, a summary, a description, known tags and a description for every response', () => {
    for (const { op } of operations) {
      expect(op.operationId, JSON.stringify(op.summary)).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary, op.operationId).toBeTruthy();
      expect(op.description?.length ?? 0, `${op.operationId} needs schema.description`).toBeGreaterThan(20);
      expect(op.tags?.length, op.operationId).toBeGreaterThan(0);
      for (const tag of op.tags!) expect(Object.keys(apiTags), `${op.operationId}: add tag "${tag}" to openapi/tags.ts`).toContain(tag);
      for (const [status, response] of Object.entries(op.responses))
        expect(response.description, `${op.operationId} ${status}`).not.toMatch(/^(Default Response)?$/);
    }
  });

  it('public operations declare security: [] and answer without signing in; the others need the session or a token', async () => {
    expect(doc.security).toEqual([{ session: [] }, { bearerAuth: [] }]);
    expect(doc.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'dragongate.session_token' },
      bearerAuth: { type: 'http', scheme: 'bearer' },
    });
    const publicOps = operations.filter(({ op }) => op.security?.length === 0).map(({ op }) => op.operationId);
    expect(publicOps).toEqual(
      expect.arrayContaining([
        'getHealth',
        'listHubs',
        'getHub',
        'listPublicOrganizations',
        'verifyTalentCard',
        'listPrograms',
        'getProgram',
        'listStayStations',
      ]),
    );
    expect(operations.filter(({ op }) => op.security && op.security.length > 0)).toEqual([]);

    // What the document says is what the server does: a request without credentials.
    const hub = await createTestHub(ctx);
    const fill = (path: string) =>
      path
        .replace('{hub}', hub.slug)
        .replace('{year}', '2026')
        .replace('{seq}', '1')
        .replace('{key}', 'k')
        .replace(/\{\w+\}/g, '00000000-0000-7000-8000-000000000000');
    for (const { method, path, op } of operations) {
      const res = await ctx.app.inject({ method: method.toUpperCase() as 'GET', url: fill(path), headers: { origin: 'http://localhost:3000' } });
      if (op.security?.length === 0) expect(res.statusCode, `${op.operationId} is public`).not.toBe(401);
      else expect([res.statusCode, res.json().error?.code], `${op.operationId} is private`).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it('downloads declare their real media types as binary; JSON answers are objects', () => {
    for (const { op } of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        for (const [mediaType, { schema }] of Object.entries(response.content ?? {})) {
          const s = resolve(schema)!;
          if (mediaType === 'application/json') expect(s.type, `${op.operationId} ${status}: a file is not JSON (use fileResponse)`).not.toBe('string');
          else expect(s, `${op.operationId} ${status} ${mediaType}`).toMatchObject({ type: 'string', format: 'binary' });
        }
      }
    }
    const binary = operations
      .filter(({ op }) => Object.keys(op.responses['200']?.content ?? {}).some((m) => m !== 'application/json'))
      .map(({ op }) => op.operationId);
    expect(binary).toEqual(expect.arrayContaining(['exportEcosystem', 'exportLedger', 'exportStationBookings', 'downloadFile']));
  });

  it('every list is cursor-paged: limit + next in, { items, next } out; no other paging', () => {
    for (const { method, op } of operations) {
      const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      for (const other of ['page', 'pageSize', 'offset', 'before', 'cursor']) expect(query, `${op.operationId}: page with limit + next`).not.toContain(other);
      if (!op.operationId.startsWith('list')) continue;
      expect(method, op.operationId).toBe('get');
      expect(query, `${op.operationId}: take cursorQuerySchema`).toEqual(expect.arrayContaining(['limit', 'next']));
      const body = resolve(op.responses['200']!.content!['application/json']!.schema)!;
      expect(resolve(body.properties?.items)?.type, `${op.operationId}: answer cursorPageOf(item)`).toBe('array');
      expect(body.properties?.next?.type, op.operationId).toEqual(['string', 'null']);
      expect(Object.keys(body.properties ?? {}), op.operationId).not.toContain('total');
    }
  });

  it('a list pages by its cursor: every item once, in order (the hubs)', async () => {
    await createTestHub(ctx);
    await createTestHub(ctx);
    // Other test files open hubs while this one pages, so: every hub seen before paging comes once, in the same order.
    const readAll = async (limit: number) => {
      const slugs: string[] = [];
      let next: string | null = null;
      do {
        const page: { items: { slug: string }[]; next: string | null } = (
          await ctx.app.inject({ method: 'GET', url: `/api/hubs?limit=${limit}${next ? `&next=${next}` : ''}` })
        ).json();
        expect(page.items.length).toBeLessThanOrEqual(limit);
        slugs.push(...page.items.map((h) => h.slug));
        next = page.next;
      } while (next);
      return slugs;
    };
    const all = await readAll(100);
    const paged = await readAll(1);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.filter((slug) => all.includes(slug))).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(2);
  });

  it('timestamps are date-times and money is described as fen in a decimal string', () => {
    const problems: string[] = [];
    for (const { op } of operations) {
      for (const schema of everySchemaOf(op)) {
        walk(schema, (name, s) => {
          if (!s) return;
          const isString = s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'));
          if (/At$/.test(name) && isString && s.format !== 'date-time') problems.push(`${op.operationId}.${name}: use timestampSchema (format: date-time)`);
          if (name === 'asOf' && isString && !['date', 'date-time'].includes(s.format ?? '')) problems.push(`${op.operationId}.${name}: a date or a date-time`);
          const digitsOnly = isString && s.pattern !== undefined && /^\^-?(\[1-9\])?\\d\{[\d,]+\}\$$/.test(s.pattern);
          const moneyName =
            /^(amount|paid|clawedBack|budgetLeft|revenue|envelope|cap|max|atMost|committed|disbursed|free|available|unallocated)$|Share$|Pending$|Posted$|PerYear$|Month$|Threshold$/.test(
              name,
            );
          if ((digitsOnly || (moneyName && isString)) && !/fen|minor units/i.test(s.description ?? ''))
            problems.push(`${op.operationId}.${name}: money? use fenAmount/fenValue/fenBalance (contracts/money.ts)`);
        });
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('uploads declare their raw body: real media types as binary', () => {
    const uploads = ['uploadFile', 'importEcosystem', 'uploadComputeUsage'];
    for (const { op } of operations.filter(({ op }) => uploads.includes(op.operationId))) {
      const body = (op as { requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> } }).requestBody;
      expect(body?.required, op.operationId).toBe(true);
      expect(Object.keys(body?.content ?? {}).length, op.operationId).toBeGreaterThan(0);
      for (const [type, { schema }] of Object.entries(body!.content!)) {
        expect(type, op.operationId).not.toBe('application/json');
        expect(schema, `${op.operationId} ${type}`).toMatchObject({ type: 'string', format: 'binary' });
      }
    }
    expect(operations.filter(({ op }) => uploads.includes(op.operationId))).toHaveLength(uploads.length);
    expect(Object.keys(operations.find(({ op }) => op.operationId === 'uploadFile')!.op.requestBody?.content ?? {})).toContain('application/pdf');
  });

  it('every write that moves money, beds, space or compute declares an Idempotency-Key', () => {
    const moves = [
      // money
      'openFiscalYear',
      'submitApplication',
      'submitApplicationDraft',
      'decideApplication',
      'releaseTranche',
      'clawBackAward',
      'reviewMilestoneReport',
      'recordSocialInsurance',
      'decideFinding',
      'recordRepayment',
      'writeOffRecovery',
      // beds
      'createStayBooking',
      'changeStayBooking',
      'cancelStayBooking',
      'checkOutStay',
      'joinStayWaitlist',
      'acceptStayOffer',
      // space
      'createSpaceHold',
      'releaseSpaceHold',
      'createLease',
      'convertHoldToLease',
      'endLease',
      'moveLease',
      'renewLease',
      'requestSpace',
      'offerSpace',
      'acceptSpaceOffer',
      // compute
      'submitComputeRequest',
      'cancelComputeRequest',
      'reportComputeUsage',
      'uploadComputeUsage',
    ];
    const declaring = operations
      .filter(({ op }) => (op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'idempotency-key'))
      .map(({ op }) => op.operationId);
    expect(moves.filter((id) => !declaring.includes(id))).toEqual([]);
    expect(operations.filter(({ op }) => moves.includes(op.operationId)).length).toBe(moves.length);
  });

  it('the main schemas carry examples, and every example in the document is valid against its schema', () => {
    const main = ['Hub', 'Organization', 'Person', 'Program', 'Application', 'LedgerTransfer', 'AccountBalance', 'StayBooking', 'ApiError'];
    for (const name of main) {
      expect(doc.components.schemas[name]?.examples?.length, `${name}: .meta({ examples: [...] })`).toBeGreaterThan(0);
    }
    // OpenAPI 3.1 schemas are JSON Schema 2020-12: the whole served document is one schema
    // resource, and each example (`examples` or `example`, on a component or any schema
    // inside a path) is checked against the schema it sits on, $refs followed.
    const warnings: string[] = [];
    const ajv = new Ajv2020({ strict: false, allErrors: true, logger: { log: () => {}, warn: (m: string) => warnings.push(m), error: () => {} } });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    ajv.addFormat('binary', true);
    ajv.addSchema({ ...doc, $id: 'doc' } as object);
    const pointerPart = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
    const invalid: unknown[] = [];
    const checked: string[] = [];
    const visit = (node: unknown, pointer: string): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((child, i) => visit(child, `${pointer}/${i}`));
      const record = node as Record<string, unknown>;
      const examples = [...(Array.isArray(record.examples) ? record.examples : []), ...('example' in record ? [record.example] : [])];
      if (examples.length > 0) {
        const validate = ajv.getSchema(`doc#${pointer}`)!;
        for (const example of examples) {
          checked.push(pointer);
          if (!validate(example)) invalid.push({ at: pointer, example, errors: validate.errors });
        }
      }
      for (const [key, child] of Object.entries(record)) if (key !== 'examples' && key !== 'example') visit(child, `${pointer}/${pointerPart(key)}`);
    };
    visit(doc, '');
    expect(invalid).toEqual([]);
    expect(warnings.filter((w) => /format/.test(w))).toEqual([]);
    for (const name of main) expect(checked, name).toContain(`/components/schemas/${name}`);
  });
});
