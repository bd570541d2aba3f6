import { request as httpRequest } from 'node:http';
import { connect as netConnect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { PDF } from '../../test/file-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { badTextPaths, isBadText } from './input-hygiene.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const NUL = '\u0000';
const LONE_HIGH = '\ud800';
const LONE_LOW = '\udc00';

describe('bad text', () => {
  it('is a NUL or an unpaired surrogate; paired surrogates and other controls are text', () => {
    expect([NUL, `a${LONE_HIGH}`, `${LONE_LOW}b`, `${LONE_LOW}${LONE_HIGH}`].map(isBadText)).toEqual([true, true, true, true]);
    expect(['', '龙门', '🐉', '\u0001\t\n', '\ud83d\udc09x'].map(isBadText)).toEqual([false, false, false, false, false]);
  });

  it('is found anywhere in a value with Zod-style paths, keys included, without recursion', () => {
    expect(badTextPaths({ name: { zh: 'ok', en: `x${NUL}` }, members: [{ email: 'a' }, { email: LONE_HIGH }], [`k${NUL}`]: 1 })).toEqual([
      'name.en',
      'members.1.email',
      'k\ufffd',
    ]);
    let deep: unknown = NUL;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(badTextPaths(deep)).toHaveLength(1);
    expect(badTextPaths(Buffer.from([0, 0xd8, 0]))).toEqual([]);
  });
});

describe('every string of every request is checked before validation', () => {
  it('a NUL in a nested body field is 400 VALIDATION_FAILED naming the field, in both languages; nothing is written', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx);
    const post = (payload: Record<string, unknown>, locale = 'en-US') =>
      ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload, headers: { 'accept-language': locale } }));
    const res = await post(organizationInput({ name: { zh: `机器${NUL}人`, en: 'Robots' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      fields: [
        {
          path: 'name.zh',
          code: 'INVALID_CHARACTERS',
          message: 'Contains characters that are not allowed (a line break, tab or other control character, or broken Unicode).',
        },
      ],
    });
    const zh = await post(organizationInput({ sectors: ['ai', `x${LONE_LOW}`] }), 'zh-CN');
    expect(zh.json().error.fields).toEqual([
      { path: 'sectors.1', code: 'INVALID_CHARACTERS', message: '含有不允许的字符（换行、制表符等控制字符，或残缺的 Unicode 字符）。' },
    ]);
    const list = await ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/organizations` }));
    expect(list.json().items).toEqual([]);
    // An emoji (a surrogate pair) is ordinary text.
    expect((await post(organizationInput({ name: { zh: '机器人🐉', en: 'Robots 🐉' } }))).statusCode).toBe(201);
  });

  it('a NUL in the query of a public list and in a path parameter names its field', async () => {
    const hub = await createTestHub(ctx);
    // A surrogate's bytes percent-encoded (CESU-8) are not UTF-8: they never decode to a lone surrogate.
    const q = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/public/organizations?q=%ED%A0%80` });
    expect(q.statusCode).toBe(200);
    const nul = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${hub.slug}/public/organizations?q=a%00b` });
    expect([nul.statusCode, nul.json().error.fields[0].path]).toEqual([400, 'q']);
    const user = await createTestUser(ctx);
    const param = await ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}%00/organizations` }));
    expect([param.statusCode, param.json().error.fields]).toEqual([400, [expect.objectContaining({ path: 'hub', code: 'INVALID_CHARACTERS' })]]);
  });

  it('sign-up (better-auth behind /api/auth) is checked too', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      payload: { email: 'nul@test.example', name: `N${NUL}`, password: 'a long and memorable passphrase' },
    });
    expect([res.statusCode, res.json().error.fields[0].path]).toEqual([400, 'name']);
  });

  it('raw uploads are bytes, not text: NUL bytes in a file are kept', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx);
    const content = Buffer.concat([PDF, Buffer.from([0, 0xed, 0xa0, 0x80, 0])]);
    const res = await ctx.app.inject(
      as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/files?name=scan.pdf`, payload: content, headers: { 'content-type': 'application/pdf' } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().size).toBe(content.length);
  });
});

describe("framework errors come out in the project's shape", () => {
  it('bad JSON, a wrong media type, a body too large and an overlong path parameter', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx);
    const post = (payload: string | Buffer, type = 'application/json') =>
      ctx.app.inject(as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload, headers: { 'content-type': type } }));
    const shape = (res: { statusCode: number; json: () => { error: { code: string; message: string } } }) => [
      res.statusCode,
      res.json().error.code,
      typeof res.json().error.message,
    ];

    const badJson = await post('{"kind": ');
    expect(shape(badJson)).toEqual([400, 'VALIDATION_FAILED', 'string']);
    expect(badJson.json().error.fields).toEqual([expect.objectContaining({ path: 'body' })]);
    expect(shape(await post('kind=startup', 'application/x-www-form-urlencoded'))).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE', 'string']);
    expect(shape(await post(JSON.stringify({ filler: 'x'.repeat(1_100_000) })))).toEqual([413, 'PAYLOAD_TOO_LARGE', 'string']);

    const long = await ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/organizations/${'a'.repeat(101)}` }));
    expect(shape(long)).toEqual([414, 'URI_TOO_LONG', 'string']);
    expect(long.body).not.toContain('FST_');
    const signedOut = await ctx.app.inject({ method: 'GET', url: `/api/hubs/${'h'.repeat(150)}/public/organizations` });
    expect(shape(signedOut)).toEqual([414, 'URI_TOO_LONG', 'string']);
  });

  it("headers too large (node's parser answers itself) and a malformed request, over a real socket", async () => {
    const address = await ctx.app.listen({ port: 41101, host: '127.0.0.1' });
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = netConnect(41101, '127.0.0.1', () => socket.write(text));
        let out = '';
        socket.on('data', (chunk) => (out += chunk.toString()));
        socket.on('close', () => resolve(out));
        socket.on('error', reject);
      });
    const big = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4)).error.code).toBe('HEADERS_TOO_LARGE');
    const broken = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(broken).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(broken.slice(broken.indexOf('\r\n\r\n') + 4)).error.code).toBe('BAD_REQUEST');
    // The server is still serving.
    const status = await new Promise<number>((resolve) => httpRequest(`${address}/api/health`, (res) => resolve(res.statusCode ?? 0)).end());
    expect(status).toBe(200);
  });
});
