import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loggerOptions, redactUrl, serializeRequest } from '../logging.js';
import { startTestApp } from '../../test/harness.js';

/** A Fastify app with the app's logger settings, writing its lines where the test reads them. */
async function loggedApp() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = Fastify({ logger: loggerOptions('info', stream) });
  app.get('/*', async () => ({ ok: true }));
  await app.ready();
  return { app, lines };
}

const secretUrls = [
  '/api/hubs/x/invitations/preview?token=SECRET-1',
  '/reset-password?token=SECRET-2',
  '/api/hubs/x/organization-invitations/preview?hub=x&token=SECRET-3',
  '/api/auth/verify-email?token=SECRET-4&callbackURL=%2Fprofile',
  '/api/auth/reset-password/SECRET-5?callbackURL=%2Freset-password',
  '/somewhere?code=SECRET-6&Token=SECRET-7&api_key=x&client_secret=SECRET-8',
];

describe('the request log', () => {
  it('keeps the URL for operators but never a link’s token or a code', async () => {
    const { app, lines } = await loggedApp();
    for (const url of secretUrls) expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200);
    await app.close();
    const incoming = lines.filter((line) => line.msg === 'incoming request');
    expect(incoming).toHaveLength(secretUrls.length);
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('SECRET');
    expect(incoming.map((line) => (line.req as { url: string }).url)).toEqual([
      '/api/hubs/x/invitations/preview?token=[redacted]',
      '/reset-password?token=[redacted]',
      '/api/hubs/x/organization-invitations/preview?hub=x&token=[redacted]',
      '/api/auth/verify-email?token=[redacted]&callbackURL=%2Fprofile',
      '/api/auth/reset-password/[redacted]?callbackURL=%2Freset-password',
      '/somewhere?code=[redacted]&Token=[redacted]&api_key=x&client_secret=[redacted]',
    ]);
  });

  it('leaves a URL without secrets as it is', () => {
    expect(redactUrl('/api/hubs/x/programs?page=2&q=token')).toBe('/api/hubs/x/programs?page=2&q=token');
    expect(redactUrl('/api/me')).toBe('/api/me');
    expect(redactUrl('/x?token')).toBe('/x?token');
  });

  it('is what the app logs with', async () => {
    const { database, config } = await startTestApp();
    const app = await buildApp({ db: database.db, config: { ...config, logLevel: 'silent' }, logger: true, webDir: '/nonexistent' });
    try {
      const serializers = Object.getOwnPropertySymbols(app.log).find((symbol) => symbol.description === 'pino.serializers');
      expect(serializers).toBeDefined();
      expect((app.log as unknown as Record<symbol, { req?: unknown }>)[serializers!]!.req).toBe(serializeRequest);
    } finally {
      await app.close();
    }
  });
});
