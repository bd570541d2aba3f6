import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createOperator, freshEmail, lastMessageTo } from '../../test/account-factories.js';
import { organizationInput } from '../../test/factories.js';
import { tempDir } from '../../test/temp-dir.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

let ctx: TestContext;
let operator: TestUser;
beforeAll(async () => {
  ctx = await startTestApp();
  operator = await createOperator(ctx);
});

const call = (user: TestUser | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject(as(user, { method, url, ...(payload !== undefined && { payload }) }));

const code = () => String.fromCharCode(...[0, 1, 2].map(() => 65 + Math.floor(Math.random() * 26)));
const suzhou = (overrides: Record<string, unknown> = {}) => ({
  slug: `suzhou-${randomUUID().slice(0, 8)}`,
  name: { zh: '苏州', en: 'Suzhou' },
  country: 'CN',
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
  defaultLocale: 'zh-CN',
  fiscalYearStartMonth: 1,
  workingDays: [5, 1, 2, 3, 4],
  holidays: ['2027-02-06', '2027-01-01', '2027-01-01'],
  makeUpWorkdays: ['2027-02-14'],
  code: code(),
  techShareDefaultBasisPoints: 1500,
  ...overrides,
});

describe('opening a hub', () => {
  it('lets the operator open a hub with every setting and invite its first admin in the same step', async () => {
    const admin = freshEmail('admin');
    const input = suzhou({ firstAdminEmail: admin });
    const res = await call(operator, 'POST', '/api/hubs', input);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      slug: input.slug,
      name: { zh: '苏州', en: 'Suzhou' },
      country: 'CN',
      timeZone: 'Asia/Shanghai',
      currency: 'CNY',
      defaultLocale: 'zh-CN',
      fiscalYearStartMonth: 1,
      workingDays: [1, 2, 3, 4, 5],
      holidays: ['2027-01-01', '2027-02-06'],
      makeUpWorkdays: ['2027-02-14'],
      code: input.code,
      techShareDefaultBasisPoints: 1500,
      openDataPrefix: null,
      districts: [],
      archived: false,
    });
    const message = await lastMessageTo(ctx, admin);
    expect(message!.subject).toContain('苏州');
    expect(message!.text).toContain(`/invitations/staff?hub=${input.slug}&token=`);
    // The hub list is paged and the test database holds many hubs: read every page.
    const slugs: string[] = [];
    let next: string | null = null;
    do {
      const page: { items: { slug: string }[]; next: string | null } = (await call(null, 'GET', `/api/hubs?limit=100${next ? `&next=${next}` : ''}`)).json();
      slugs.push(...page.items.map((h) => h.slug));
      next = page.next;
    } while (next);
    expect(slugs).toContain(input.slug);
  });

  it('refuses anyone but the operator, a taken slug, and bad settings, creating nothing', async () => {
    const { slug } = await createTestHub(ctx);
    const hub = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const attempt = suzhou();
    expect((await call(admin, 'POST', '/api/hubs', attempt)).statusCode).toBe(403);
    expect((await call(await createTestUser(ctx), 'POST', '/api/hubs', attempt)).statusCode).toBe(403);
    expect((await call(null, 'POST', '/api/hubs', attempt)).statusCode).toBe(401);

    const taken = await call(operator, 'POST', '/api/hubs', suzhou({ slug }));
    expect([taken.statusCode, taken.json().error.code, taken.json().error.fields[0]]).toEqual([
      409,
      'HUB_EXISTS',
      expect.objectContaining({ path: 'slug', code: 'TAKEN' }),
    ]);

    for (const [field, value] of [
      ['timeZone', 'Mars/Olympus'],
      ['currency', 'yuan'],
      ['fiscalYearStartMonth', 13],
      ['workingDays', [1, 1]],
      ['holidays', ['2027-02-30']],
      ['code', 'sz'],
      ['techShareDefaultBasisPoints', 10_001],
      ['slug', 'Suzhou!'],
    ] as const) {
      const bad = await call(operator, 'POST', '/api/hubs', suzhou({ [field]: value }));
      expect(bad.statusCode, field).toBe(400);
      expect(bad.json().error.fields[0].path.split('.')[0], field).toBe(field);
    }
    const zh = await ctx.app.inject(
      as(operator, { method: 'POST', url: '/api/hubs', payload: suzhou({ currency: 'x' }), headers: { 'accept-language': 'zh-CN' } }),
    );
    expect(zh.json().error.message).toBe('提交的内容有误，请检查标出的字段。');
    const { rows } = await ctx.database.db.execute(sql`SELECT 1 FROM hubs WHERE slug = ${attempt.slug}`);
    expect(rows).toHaveLength(0);
  });
});

describe('hub settings and archiving', () => {
  it("lets the hub's admin change every setting but the slug; nobody else", async () => {
    const hub = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    const otherAdmin = await createTestUser(ctx, { hub: await createTestHub(ctx), roles: ['hub_admin'] });
    const { slug: _slug, ...settings } = suzhou({
      name: { zh: '新名', en: 'New name' },
      defaultLocale: 'en-US',
      fiscalYearStartMonth: 4,
      techShareDefaultBasisPoints: 1200,
    });
    const res = await call(admin, 'PUT', `/api/hubs/${hub.slug}/settings`, settings);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      slug: hub.slug,
      name: { en: 'New name' },
      defaultLocale: 'en-US',
      fiscalYearStartMonth: 4,
      techShareDefaultBasisPoints: 1200,
    });
    expect((await call(null, 'GET', `/api/hubs/${hub.slug}`)).json().name.en).toBe('New name');

    expect((await call(admin, 'PUT', `/api/hubs/${hub.slug}/settings`, { ...settings, slug: 'renamed' })).json().error.fields[0]).toMatchObject({
      path: 'slug',
      code: 'UNKNOWN_FIELD',
    });
    expect((await call(officer, 'PUT', `/api/hubs/${hub.slug}/settings`, settings)).statusCode).toBe(404);
    expect((await call(otherAdmin, 'PUT', `/api/hubs/${hub.slug}/settings`, settings)).statusCode).toBe(404);
    const { rows } = await ctx.database.db.execute(sql`SELECT action FROM audit_events WHERE hub_id = ${hub.id} AND action = 'hub.settings_updated'`);
    expect(rows).toHaveLength(1);
  });

  it('archives a hub: read-only for everyone until the operator reopens it; never deleted', async () => {
    const hub = await createTestHub(ctx);
    const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
    expect((await call(admin, 'POST', `/api/hubs/${hub.slug}/archive`)).statusCode).toBe(403);
    const archived = await call(operator, 'POST', `/api/hubs/${hub.slug}/archive`);
    expect(archived.json().archived).toBe(true);

    const write = await call(admin, 'POST', `/api/hubs/${hub.slug}/organizations`, organizationInput());
    expect([write.statusCode, write.json().error.code]).toEqual([409, 'HUB_ARCHIVED']);
    expect((await call(admin, 'POST', `/api/hubs/${hub.slug}/staff/invitations`, { email: freshEmail(), roles: ['auditor'] })).json().error.code).toBe(
      'HUB_ARCHIVED',
    );
    expect((await call(admin, 'GET', `/api/hubs/${hub.slug}/organizations`)).statusCode).toBe(200);

    expect((await call(operator, 'DELETE', `/api/hubs/${hub.slug}/archive`)).json().archived).toBe(false);
    expect((await call(admin, 'POST', `/api/hubs/${hub.slug}/organizations`, organizationInput())).statusCode).toBe(201);
  });
});

describe('the CLI', () => {
  it('adds an operator, creates a hub with its first admin invited, and lists hubs', async () => {
    const env = {
      ...process.env,
      DATABASE_URL: inject('databaseUrl'),
      DRAGONGATE_HOME: tempDir('dg-cli-'),
      DRAGONGATE_JOBS: 'off',
      SMTP_URL: '',
      LANG: 'C.UTF-8',
      LC_ALL: '',
      LC_MESSAGES: '',
    };
    const run = (...args: string[]) => spawnSync(process.execPath, ['bin/dragongate.mjs', ...args], { env, encoding: 'utf8', timeout: 60_000 });
    const person = await createTestUser(ctx);
    const added = run('operators', 'add', person.email);
    expect(added.stdout).toContain('is a deployment operator');
    expect((await call(person, 'GET', '/api/me')).json().operator).toBe(true);
    // A refusal in words, its code in brackets for scripts; a value at fault named by its flag, with what it takes.
    expect(run('operators', 'add', freshEmail()).stdout).toContain('Refused: No account uses this email address. [USER_NOT_FOUND]');
    const badCode = run('hubs', 'create', '--slug', `cli-${randomUUID().slice(0, 8)}`, '--name-zh', '无锡', '--name-en', 'Wuxi', '--code', 'hf');
    expect([badCode.status, badCode.stdout]).toEqual([1, expect.stringContaining('--code: Wrong format. Two to four capital letters (HZ)')]);
    expect(badCode.stdout).not.toContain('usage:');
    // In a Chinese shell the refusal and what the flag takes are both Chinese.
    const inChinese = spawnSync(
      process.execPath,
      ['bin/dragongate.mjs', 'hubs', 'create', '--slug', 'wuxi', '--name-zh', '无锡', '--name-en', 'Wuxi', '--code', 'hf'],
      {
        env: { ...env, LANG: 'zh_CN.UTF-8' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(inChinese.stdout).toMatch(/^未执行：/);
    expect(inChinese.stdout).toContain('--code: ');
    expect(inChinese.stdout).toContain('两到四个大写字母（HZ），作为本枢纽编号的开头。');
    expect(inChinese.stdout).not.toContain('capital letters');
    expect(run('hubs', 'create', '--slug', 'only-a-slug').stdout).toContain('usage: dragongate hubs create');

    const slug = `cli-${randomUUID().slice(0, 8)}`;
    const admin = freshEmail('cli-admin');
    const created = run(
      'hubs',
      'create',
      '--slug',
      slug,
      '--name-zh',
      '无锡',
      '--name-en',
      'Wuxi',
      '--code',
      code(),
      '--holidays',
      '2027-01-01',
      '--admin',
      admin,
    );
    expect(created.status, created.stderr).toBe(0);
    const mailed = (await lastMessageTo(ctx, admin))!.text;
    expect(mailed).toContain(`hub=${slug}`);
    // Without SMTP_URL nothing is e-mailed: the operator is handed the same link.
    expect(created.stdout).toContain(mailed.match(/https?:\/\/\S+token=\S+/)![0]);
    expect(run('hubs', 'list').stdout).toMatch(new RegExp(`${slug}\\s+Wuxi / 无锡`));
  });
});
