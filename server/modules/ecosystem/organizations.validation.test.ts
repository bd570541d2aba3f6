import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorMessages } from '../../../contracts/error-messages.js';
import { organizationInput } from '../../test/factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function post(body: unknown, lang = 'en-US', contentType = 'application/json') {
  const hub = await createTestHub(ctx);
  const user = await createTestUser(ctx);
  const res = await ctx.app.inject(
    as(user, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/organizations`,
      headers: { 'accept-language': lang, 'content-type': contentType },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  const [count] = (await ctx.database.db.execute(sql`SELECT count(*)::int AS n FROM organizations WHERE hub_id = ${hub.id}`)).rows as { n: number }[];
  return { res, stored: count!.n };
}

describe('organisation input validation', () => {
  it('a bad USCC is a 400 naming the field, in English and in Chinese, and stores nothing', async () => {
    const en = await post(organizationInput({ uscc: '91330100MA2B3C4D5X' }));
    expect(en.res.statusCode).toBe(400);
    expect(en.res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'uscc', code: 'INVALID_USCC', message: fieldErrorMessages.INVALID_USCC['en-US'] }],
    });
    expect(en.stored).toBe(0);
    const zh = await post(organizationInput({ uscc: '123' }), 'zh-CN,zh;q=0.9');
    expect(zh.res.json().error.fields[0]).toEqual({ path: 'uscc', code: 'INVALID_USCC', message: fieldErrorMessages.INVALID_USCC['zh-CN'] });
    expect(zh.res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reports every field at fault with its path', async () => {
    const { res } = await post({
      kind: 'spaceship',
      name: { zh: '' },
      uscc: '',
      headcount: -1,
      website: 'ftp://x',
      foundedOn: '2999-01-01',
      sectors: ['ai', 'knitting'],
      extra: true,
    });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]));
    expect(fields).toMatchObject({
      kind: 'INVALID_OPTION',
      'name.zh': 'REQUIRED',
      'name.en': 'REQUIRED',
      uscc: 'INVALID_USCC',
      headcount: 'TOO_SMALL',
      website: 'INVALID_URL',
      foundedOn: 'INVALID_DATE',
      'sectors.1': 'INVALID_OPTION',
      extra: 'UNKNOWN_FIELD',
    });
  });

  it('malformed JSON and wrong content types are 4xx with a stable code, never 500', async () => {
    const broken = await post('{"kind": "startup",', 'en-US');
    expect(broken.res.statusCode).toBe(400);
    expect(broken.res.json().error.code).toBe('VALIDATION_FAILED');
    const text = await post('hello', 'en-US', 'text/plain');
    expect(text.res.statusCode).toBe(400);
    expect(text.res.json().error.code).toBe('VALIDATION_FAILED');
    const notObject = await post([1, 2, 3]);
    expect(notObject.res.statusCode).toBe(400);
  });

  it('bad query and path parameters are 400s with the field', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const page = await ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/organizations?limit=1000&kind=x` }));
    expect(page.statusCode).toBe(400);
    expect(
      page
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['kind', 'limit']);
    const id = await ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/organizations/not-a-uuid` }));
    expect(id.statusCode).toBe(400);
    expect(id.json().error.fields[0].path).toBe('id');
  });

  it('unknown API routes answer 404 JSON', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('organisation names are one line', () => {
  it.each([
    ['a line break', { zh: '龙门科技', en: 'Acme\r\nBcc: victim@example.com' }, 'name.en'],
    ['a tab', { zh: '龙门\t科技', en: 'Acme' }, 'name.zh'],
    ['a C1 control (NEL)', { zh: '龙门科技', en: 'Acme\u0085Visit https://evil.example' }, 'name.en'],
    ['a DEL', { zh: '龙门科技', en: 'Acme\u007f' }, 'name.en'],
    ['a Unicode line separator', { zh: '龙门\u2028科技', en: 'Acme' }, 'name.zh'],
  ])('%s is a 400 INVALID_CHARACTERS on the field, and stores nothing', async (_, name, path) => {
    const { res, stored } = await post(organizationInput({ name }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path, code: 'INVALID_CHARACTERS' }] });
    expect(stored).toBe(0);
  });

  it('an update with a line break in the name is refused too; ordinary names with spaces and punctuation pass', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx);
    const created = await ctx.app.inject(
      as(user, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/organizations`,
        payload: organizationInput({ name: { zh: '龙门（杭州）科技', en: '  Acme & Co., Ltd.  ' } }),
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().name.en).toBe('Acme & Co., Ltd.');
    const patch = await ctx.app.inject(
      as(user, {
        method: 'PATCH',
        url: `/api/hubs/${hub.slug}/organizations/${created.json().id}`,
        payload: { name: { zh: '龙门', en: 'Acme\nhttps://evil.example' } },
      }),
    );
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.fields).toMatchObject([{ path: 'name.en', code: 'INVALID_CHARACTERS' }]);
  });
});
