import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { buildApp } from '../../app.js';
import { connect, type Database } from '../../db/connection.js';
import { tempDir } from '../../test/temp-dir.js';
import { loadConfig } from '../config.js';
import { IMMUTABLE } from './delivery.js';

// A built web app in miniature: the page and one content-hashed script with its .br beside it.
const script = `export const answer = ${JSON.stringify('x'.repeat(4000))};\n`;
const page = `<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body>${'<p>龙门</p>'.repeat(200)}</body></html>`;

let app: FastifyInstance;
let database: Database;
let webDir: string;
beforeAll(async () => {
  webDir = tempDir('dragongate-web-');
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), page);
  writeFileSync(path.join(webDir, 'assets/index-AbC123.js'), script);
  writeFileSync(path.join(webDir, 'assets/index-AbC123.js.br'), brotliCompressSync(script));
  database = connect(inject('databaseUrl'), 2);
  const config = loadConfig({
    home: tempDir('dragongate-app-'),
    authSecret: 'test-secret-test-secret-test-secret-0123',
    publicUrl: 'http://localhost:3000',
    startJobs: false,
  });
  app = await buildApp({ db: database.db, config, logger: false, webDir });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('delivery', () => {
  it('sends API answers in brotli or gzip, as the client asks', async () => {
    const br = await app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString()).openapi).toBe('3.1.0');
    const gzip = await app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString()).openapi).toBe('3.1.0');
    const plain = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('sends a hashed asset precompressed, cached for a year as immutable', async () => {
    const br = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.body).toBe(script);
  });

  it('sends the page compressed and never cached without asking again', async () => {
    for (const url of ['/', '/hubs/hangzhou/budget']) {
      const response = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(response.rawPayload).toString()).toBe(page);
    }
  });

  it('answers a missing asset with 404, not the page', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-Gone99.js' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('serves a rebuild made while it runs: the new page and its new assets, the old ones gone', async () => {
    const rebuilt = page.replace('index-AbC123.js', 'index-New456.js');
    const newScript = 'export const answer = 42;\n';
    rmSync(path.join(webDir, 'assets'), { recursive: true });
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'assets/index-New456.js'), newScript);
    writeFileSync(path.join(webDir, 'index.html'), rebuilt);
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(webDir, 'index.html'), later, later);

    const pageNow = await app.inject({ method: 'GET', url: '/hubs/hangzhou/programs' });
    expect(pageNow.statusCode).toBe(200);
    expect(pageNow.body).toBe(rebuilt);
    const asset = await app.inject({ method: 'GET', url: '/assets/index-New456.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe(IMMUTABLE);
    expect(asset.body).toBe(newScript);
    expect((await app.inject({ method: 'GET', url: '/assets/index-AbC123.js' })).statusCode).toBe(404);
  });
});
