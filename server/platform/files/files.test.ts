import { beforeAll, describe, expect, it } from 'vitest';
import { PDF, PNG, uploadAs } from '../../test/file-factories.js';
import { as, createTestHub, createTestUser, startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import type { HubRow } from '../tenancy/tenancy.js';
import { sniffMediaType } from './media-type.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});

const upload = (hub: HubRow, user: TestUser | null, content: Buffer, name?: string, type?: string) => uploadAs(ctx, hub, user, content, name, type);

describe('media types come from the content', () => {
  it('recognises common evidence files and ignores what the client claims', () => {
    expect(sniffMediaType(PDF, 'image/png')).toBe('application/pdf');
    expect(sniffMediaType(PNG, 'application/pdf')).toBe('image/png');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), undefined)).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from('MZ\x90\x00\x03'), 'application/pdf')).toBe('application/octet-stream');
    expect(sniffMediaType(Buffer.from('name,amount\n甲,1\n'), 'text/csv')).toBe('text/csv');
    expect(sniffMediaType(Buffer.from('plain words'), 'application/pdf')).toBe('text/plain');
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]);
    expect(sniffMediaType(zip, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffMediaType(zip, 'application/pdf')).toBe('application/zip');
  });
});

describe('uploads', () => {
  it('stores a file with its sniffed type and hash; the uploader and staff download it, nobody else', async () => {
    const hub = await createTestHub(ctx);
    const owner = await createTestUser(ctx);
    const res = await upload(hub, owner, PDF, '../../etc/合同 "scan".pdf', 'image/png');
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({ name: '合同 scan.pdf', mediaType: 'application/pdf', size: PDF.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const get = (user: TestUser | null, slug = hub.slug) => ctx.app.inject(as(user, { method: 'GET', url: `/api/hubs/${slug}/files/${file.id}` }));
    const mine = await get(owner);
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.equals(PDF)).toBe(true);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('合同 scan.pdf')}`);

    const officer = await createTestUser(ctx, { hub, roles: ['program_officer'] });
    expect((await get(officer)).statusCode).toBe(200);
    expect((await get(await createTestUser(ctx))).statusCode).toBe(404);
    expect((await get(null)).statusCode).toBe(401);
    const otherHub = await createTestHub(ctx);
    const otherStaff = await createTestUser(ctx, { hub: otherHub, roles: ['hub_admin'] });
    expect((await get(otherStaff, otherHub.slug)).statusCode).toBe(404);
  });

  it('refuses an empty body, a body over the limit and an anonymous caller, storing nothing', async () => {
    const hub = await createTestHub(ctx);
    const user = await createTestUser(ctx);
    const empty = await upload(hub, user, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual([expect.objectContaining({ path: 'body', code: 'REQUIRED' })]);
    const noName = await ctx.app.inject(
      as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/files`, payload: PDF, headers: { 'content-type': 'application/pdf' } }),
    );
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields).toEqual([expect.objectContaining({ path: 'name' })]);
    const huge = await upload(hub, user, Buffer.alloc(50 * 1024 * 1024 + 1, 0x41));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await upload(hub, null, PDF)).statusCode).toBe(401);
    const { rows } = await ctx.database.pool.query('SELECT count(*)::int AS n FROM uploaded_files WHERE hub_id = $1', [hub.id]);
    expect(rows[0].n).toBe(0);
  });
});
