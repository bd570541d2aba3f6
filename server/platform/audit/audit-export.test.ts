import { execFile } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { organizationInput } from '../../test/factories.js';
import { tempDir } from '../../test/temp-dir.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext } from '../../test/harness.js';
import { findBreak, type StoredEvent } from './hash-chain.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

async function hubWithHistory() {
  const hub = await createTestHub(ctx);
  const admin = await createTestUser(ctx, { hub, roles: ['hub_admin'] });
  const auditor = await createTestUser(ctx, { hub, roles: ['auditor'] });
  for (let i = 0; i < 3; i++) {
    await ctx.app.inject(
      as(admin, {
        method: 'POST',
        url: `/api/hubs/${hub.slug}/organizations`,
        payload: organizationInput({ name: { zh: `公司,"${i}"`, en: `Firm, "${i}"` } }),
      }),
    );
  }
  return { hub, admin, auditor };
}

describe('audit export', () => {
  it('gives the auditor every event as JSON lines that re-verify, and as CSV; nobody else, and the export is audited', async () => {
    const { hub, admin, auditor } = await hubWithHistory();
    const get = (user: typeof admin, query = '') => ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${hub.slug}/audit/export${query}` }));
    const jsonl = await get(auditor);
    expect(jsonl.statusCode, jsonl.body).toBe(200);
    expect(jsonl.headers['content-type']).toContain('application/x-ndjson');
    const events = jsonl.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as StoredEvent);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(findBreak(events)).toBeNull();
    expect(events.at(-1)).toMatchObject({ action: 'audit.exported', actorId: auditor.id });
    const { rows } = await ctx.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE hub_id = ${hub.id} AND action <> 'audit.exported'`,
    );
    expect(events.filter((e) => e.action !== 'audit.exported')).toHaveLength(rows[0]!.n);

    const csv = await get(auditor, '?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('hubId,seq,id,occurredAt,actorId,action,subjectType,subjectId,payload,prevHash,hash,hashAlg');
    expect(lines.filter(Boolean)).toHaveLength(events.length + 2); // header, and the second export's own event

    const later = await get(auditor, `?from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`);
    expect(later.body).toBe('');
    expect((await get(auditor, '?format=xml')).statusCode).toBe(400);
    expect((await get(admin)).statusCode).toBe(404);
    expect((await get(await createTestUser(ctx, { hub, roles: ['security_admin'] }))).statusCode).toBe(404);
  });

  it('`dragongate audit export` writes JSON lines or CSV with progress and leaves the database it did not start running', async () => {
    const { hub } = await hubWithHistory();
    const dir = tempDir('audit-export-');
    const run = (args: string[]) =>
      promisify(execFile)('node', ['bin/dragongate.mjs', 'audit', 'export', ...args], { env: { ...process.env, DATABASE_URL: inject('databaseUrl') } }).then(
        (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
      );
    const file = path.join(dir, 'audit.jsonl');
    const done = await run([file, '--hub', hub.slug]);
    expect(done.code, done.err).toBe(0);
    expect(done.err).toMatch(new RegExp(`Exporting ${hub.slug}: \\d+/\\d+ \\(100%\\)`));
    const events = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as StoredEvent);
    expect(events.length).toBeGreaterThan(3);
    expect(findBreak(events)).toBeNull();
    expect(existsSync(`${file}.partial`)).toBe(false);

    const csv = path.join(dir, 'audit.csv');
    expect((await run([csv, '--hub', hub.slug])).code).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toMatch(/^hubId,seq,/);
    expect((await run([path.join(dir, 'x')])).code).toBe(2);
    // The server's database is still there and answering.
    expect((await ctx.database.db.execute(sql`SELECT 1 AS one`)).rows).toEqual([{ one: 1 }]);
  }, 240_000);
});
