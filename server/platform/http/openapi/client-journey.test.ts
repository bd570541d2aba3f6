import { execFile, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, createTestUser, startTestApp, TEST_PASSWORD, type TestContext } from '../../../test/harness.js';
import { validUscc } from '../../../test/factories.js';

/**
 * The contract is usable by others: a TypeScript client generated from the live document
 * (openapi-typescript + openapi-fetch) compiles under `strict`, then signs in, creates,
 * lists and downloads against a real server on a real PostgreSQL, over real HTTP.
 */
const dir = path.resolve('node_modules/.cache/dragongate-client-journey', randomUUID());
let ctx: TestContext;
let baseUrl: string;

beforeAll(async () => {
  ctx = await startTestApp();
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  mkdirSync(dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The journey a third party would write, against the generated types only.
const journey = `
import createClient from 'openapi-fetch';
import type { paths } from './api.js';

const { BASE_URL: baseUrl = '', ORIGIN: origin = '', HUB: hub = '', EMAIL: email = '', PASSWORD: password = '', USCC: uscc = '' } = process.env;
const say = (step: string, value: unknown) => console.log(JSON.stringify({ step, value }));

// Browsers send our Origin on writes; a script with the session cookie says it too.
const anonymous = createClient<paths>({ baseUrl, headers: { origin } });
const signIn = await anonymous.POST('/api/auth/sign-in/email', { body: { email, password } });
if (!signIn.data) throw new Error('sign-in failed: ' + signIn.response.status);
// An account with a second factor is asked for a code first; this one has none.
if (!('user' in signIn.data)) throw new Error('a second factor was asked for');
say('signedIn', signIn.data.user.email);
const cookie = signIn.response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const client = createClient<paths>({ baseUrl, headers: { origin, cookie } });

const session = await client.GET('/api/auth/get-session');
say('session', session.data?.user.email ?? null);

const created = await client.POST('/api/hubs/{hub}/organizations', {
  params: { path: { hub }, header: { 'idempotency-key': 'journey-' + uscc } },
  body: { kind: 'startup', name: { zh: '旅程科技', en: 'Journey Tech ' + uscc }, uscc, sectors: ['ai'] },
});
if (!created.data) throw new Error('create failed: ' + JSON.stringify(created.error));
say('created', created.data.id);

// Every page of the list, by its cursor.
const names: string[] = [];
let next: string | undefined;
do {
  const page = await client.GET('/api/hubs/{hub}/organizations', { params: { path: { hub }, query: { limit: 1, next } } });
  if (!page.data) throw new Error('list failed: ' + JSON.stringify(page.error));
  names.push(...page.data.items.map((o) => o.name.en));
  next = page.data.next ?? undefined;
} while (next);
say('listed', names);

const file = await client.GET('/api/hubs/{hub}/ecosystem/export', { params: { path: { hub }, query: { format: 'xlsx' } }, parseAs: 'arrayBuffer' });
if (!file.data) throw new Error('download failed: ' + file.response.status);
say('downloaded', { type: file.response.headers.get('content-type'), bytes: file.data.byteLength, magic: new TextDecoder().decode(new Uint8Array(file.data).slice(0, 2)) });

const refused = await anonymous.GET('/api/hubs/{hub}/organizations', { params: { path: { hub } } });
say('refusedWithoutSession', { status: refused.response.status, code: refused.error?.error.code ?? null });

const out = await client.POST('/api/auth/sign-out');
say('signedOut', out.data?.success ?? false);
// The session token is dead (a browser also drops the 60 s session cache cookie, as told).
const tokenOnly = cookie.split('; ').filter((c) => c.startsWith('dragongate.session_token=')).join('; ');
const after = await createClient<paths>({ baseUrl, headers: { cookie: tokenOnly } }).GET('/api/auth/get-session');
say('afterSignOut', after.data ?? null);
`;

describe('a client generated from the live document', () => {
  it('compiles and runs a journey: sign in, create, list, download, sign out', async () => {
    const document = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    writeFileSync(path.join(dir, 'api.d.ts'), astToString(await openapiTS(document)));
    writeFileSync(path.join(dir, 'journey.ts'), journey);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));

    const tsc = spawnSync(
      path.resolve('node_modules/.bin/tsc'),
      [
        '--noEmit',
        '--strict',
        '--noUncheckedIndexedAccess',
        '--target',
        'es2022',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--skipLibCheck',
        '--types',
        'node',
        'journey.ts',
        'api.d.ts',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr, 'the generated client compiles').toBe('');
    expect(tsc.status).toBe(0);

    const hub = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const uscc = validUscc();
    // Asynchronously: the server answering the journey runs in this process.
    const run = await promisify(execFile)(path.resolve('node_modules/.bin/tsx'), ['journey.ts'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, BASE_URL: baseUrl, ORIGIN: ctx.config.publicUrl, HUB: hub.slug, EMAIL: admin.email, PASSWORD: TEST_PASSWORD, USCC: uscc },
    });
    expect(run.stderr).toBe('');
    const steps = Object.fromEntries(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => {
          const { step, value } = JSON.parse(line) as { step: string; value: unknown };
          return [step, value];
        }),
    );
    expect(steps.signedIn).toBe(admin.email);
    expect(steps.session).toBe(admin.email);
    expect(steps.created).toMatch(/^[0-9a-f-]{36}$/);
    expect(steps.listed).toContain(`Journey Tech ${uscc}`);
    expect(steps.downloaded).toMatchObject({ type: expect.stringContaining('spreadsheetml'), magic: 'PK' });
    expect(steps.refusedWithoutSession).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(steps.signedOut).toBe(true);
    expect(steps.afterSignOut).toBeNull();
  });
});
