import type { HubBasics } from '../../contracts/hubs.js';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { inject } from 'vitest';
import type { HubRole } from '../../contracts/auth.js';
import { buildApp } from '../app.js';
import { connect, type Database } from '../db/connection.js';
import { withTransaction } from '../db/transaction.js';
import { createAccount } from '../platform/auth/accounts.js';
import { createAuth } from '../platform/auth/auth.js';
import { loadConfig, type Config } from '../platform/config.js';
import { findHub, type HubRow } from '../platform/tenancy/tenancy.js';
import { createHub, grantHubRole } from '../platform/tenancy/tenancy.service.js';
import { afterFile } from './after-file.js';
import { tempDir } from './temp-dir.js';

export const TEST_PASSWORD = 'correct horse battery staple 2026';

export type TestContext = { app: FastifyInstance; database: Database; config: Config };

/** An app on the shared test database, closed after the file's tests. */
export async function startTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const config = loadConfig({
    home: tempDir('dragongate-app-'),
    authSecret: 'test-secret-test-secret-test-secret-0123',
    publicUrl: 'http://localhost:3000',
    port: 3000,
    host: '127.0.0.1',
    signInPerMinute: 10_000,
    accountEmailsPerHour: 10_000,
    requestsPerMinute: 100_000,
    startJobs: false,
    smtpUrl: undefined,
    ...overrides,
  });
  const database = connect(inject('databaseUrl'), 5, config.cryptoSuite);
  const app = await buildApp({ db: database.db, config, logger: false, webDir: '/nonexistent' });
  afterFile(async () => {
    await app.close();
    await database.close();
  });
  return { app, database, config };
}

/** A hub of its own for one test (with the districts given): no truncation, no interference. */
export async function createTestHub(ctx: TestContext, settings: Pick<HubBasics, 'districts'> = {}): Promise<HubRow> {
  const slug = `t-${randomUUID().slice(0, 12)}`;
  await createHub(ctx.database.db, {
    slug,
    name: { zh: '测试', en: `Test ${slug}` },
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    currency: 'CNY',
    defaultLocale: 'en-US',
    ...settings,
  });
  return findHub(ctx.database.db, slug);
}

export type TestUser = { id: string; email: string; cookie: string };

/** A fresh account, optionally with staff roles in a hub, already signed in. */
export async function createTestUser(ctx: TestContext, options: { hub?: HubRow; roles?: HubRole[] } = {}): Promise<TestUser> {
  const email = `u-${randomUUID()}@test.example`;
  const auth = createAuth(ctx.database.db, ctx.config);
  const id = await createAccount(ctx.database.db, auth, { email, name: 'Test User', password: TEST_PASSWORD });
  if (options.hub && options.roles?.length) {
    await withTransaction(ctx.database.db, async (tx) => {
      for (const role of options.roles!) await grantHubRole(tx, { hubId: options.hub!.id, userId: id, role, actorId: null });
    });
  }
  return { id, email, cookie: await signIn(ctx.app, email) };
}

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies.map((c) => `${c.name}=${c.value}`);
  return cookies.join('; ');
}

/** The origin of the test apps' pages (their PUBLIC_URL). */
export const TEST_ORIGIN = 'http://localhost:3000';

/** app.inject as a given user, from the app's own pages (cookie writes need their Origin). */
export function as(user: TestUser | null, options: InjectOptions): InjectOptions {
  return { ...options, headers: { ...(user ? { origin: TEST_ORIGIN } : {}), ...(options.headers ?? {}), ...(user ? { cookie: user.cookie } : {}) } };
}

/** app.inject with an API token (`Authorization: Bearer`): no cookie, no Origin. */
export function withToken(secret: string, options: InjectOptions): InjectOptions {
  return { ...options, headers: { ...(options.headers ?? {}), authorization: `Bearer ${secret}` } };
}
