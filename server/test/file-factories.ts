import type { HubRow } from '../platform/tenancy/tenancy.js';
import { as, type TestContext, type TestUser } from './harness.js';

/** The smallest bytes each media type is recognised by. */
export const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
/** A zip that is not an office file: a type no report carries. */
export const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0]);

/** Uploads bytes as a user would (`uploadFile`), declaring a name and a type. */
export const uploadAs = (ctx: TestContext, hub: HubRow, user: TestUser | null, content: Buffer, name = 'contract.pdf', type = 'application/pdf') =>
  ctx.app.inject(
    as(user, { method: 'POST', url: `/api/hubs/${hub.slug}/files?name=${encodeURIComponent(name)}`, payload: content, headers: { 'content-type': type } }),
  );
