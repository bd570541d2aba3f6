import { createHash } from 'node:crypto';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { UploadedFile } from '../../../contracts/files.js';
import type { Db, Tx } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/audit.js';
import { invalid, notFound } from '../errors.js';
import { uuidv7 } from '../ids.js';
import { allow, definePolicy, HUB_STAFF, type Actor } from '../policies.js';
import type { HubRow } from '../tenancy/tenancy.js';
import { uploadedFiles } from './files.tables.js';
import { sniffMediaType } from './media-type.js';

type Scope = { hub: HubRow; actor: Actor };
export type FileFacts = { mediaType: string; size: number };

/** Anyone signed in uploads their own evidence; they and the hub's staff read it. */
const filePolicy = definePolicy<{ own: boolean }>([allow('signed_in', 'upload'), allow('signed_in', 'read', (_, f) => f.own), allow(HUB_STAFF, 'read')]);

/** A name safe to show and to put in a header: no folders, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

/** Stores one uploaded file; its media type is decided from its content. */
export async function storeFile(db: Db, scope: Scope, input: { name: string; declaredType: string | undefined; content: Buffer }): Promise<UploadedFile> {
  const { hub, actor } = scope;
  filePolicy.authorize(actor, 'upload', { own: true }, 'upload');
  if (input.content.length === 0) throw invalid('body', 'REQUIRED');
  const id = uuidv7();
  const mediaType = sniffMediaType(input.content, input.declaredType);
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  return withTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(uploadedFiles)
      .values({
        hubId: hub.id,
        id,
        ownerId: actor.userId!,
        name: cleanFileName(input.name),
        mediaType,
        size: input.content.length,
        sha256,
        content: input.content,
      })
      .returning({
        id: uploadedFiles.id,
        name: uploadedFiles.name,
        mediaType: uploadedFiles.mediaType,
        size: uploadedFiles.size,
        sha256: uploadedFiles.sha256,
        createdAt: uploadedFiles.createdAt,
      });
    await recordAudit(tx, {
      hubId: hub.id,
      actorId: actor.userId,
      action: 'file.uploaded',
      subjectType: 'file',
      subjectId: id,
      payload: { mediaType, size: input.content.length, sha256 },
    });
    return { ...row!, createdAt: row!.createdAt.toISOString() };
  });
}

/** One file with its content, for its owner or the hub's staff; anyone else gets 404. */
export async function readFile(db: Db | Tx, scope: Scope, fileId: string) {
  const [row] = await db
    .select()
    .from(uploadedFiles)
    .where(and(eq(uploadedFiles.hubId, scope.hub.id), eq(uploadedFiles.id, fileId)));
  if (!row) throw notFound();
  filePolicy.authorize(scope.actor, 'read', { own: row.ownerId === scope.actor.userId });
  return row;
}

/** The type and size of the files among `ids` that `ownerId` uploaded in the hub. */
export async function filesOwnedBy(tx: Db | Tx, hubId: string, ownerId: string, ids: readonly string[]): Promise<Map<string, FileFacts>> {
  const uuids = ids.filter(isUuid);
  if (uuids.length === 0) return new Map();
  const rows = await tx
    .select({ id: uploadedFiles.id, mediaType: uploadedFiles.mediaType, size: uploadedFiles.size })
    .from(uploadedFiles)
    .where(and(eq(uploadedFiles.hubId, hubId), eq(uploadedFiles.ownerId, ownerId), inArray(uploadedFiles.id, uuids)));
  return new Map(rows.map((r) => [r.id, { mediaType: r.mediaType, size: r.size }]));
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/**
 * `filesOwnedBy` as one JSON value, for a statement that reads more (a submission reads its
 * program, applicant and files at once); read it with `fileFactsOf`.
 */
export function filesOwnedByJson(hubId: string, ownerId: string, ids: readonly string[]): SQL<unknown> {
  const uuids = ids.filter(isUuid);
  if (uuids.length === 0) return sql`NULL::json`;
  return sql`(SELECT json_agg(json_build_object('id', f.id, 'mediaType', f.media_type, 'size', f.size)) FROM uploaded_files f
    WHERE f.hub_id = ${hubId} AND f.owner_id = ${ownerId}::uuid AND f.id IN ${uuids})`;
}

/** The value of `filesOwnedByJson` as `filesOwnedBy` answers. */
export function fileFactsOf(value: unknown): Map<string, FileFacts> {
  const rows = (value ?? []) as { id: string; mediaType: string; size: number }[];
  return new Map(rows.map((r) => [r.id, { mediaType: r.mediaType, size: Number(r.size) }]));
}

/** The type and size of the files among `ids` uploaded in the hub (by anyone); other hubs' files are absent. */
export async function filesInHub(tx: Db | Tx, hubId: string, ids: readonly string[]): Promise<Map<string, FileFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: uploadedFiles.id, mediaType: uploadedFiles.mediaType, size: uploadedFiles.size })
    .from(uploadedFiles)
    .where(and(eq(uploadedFiles.hubId, hubId), inArray(uploadedFiles.id, [...ids])));
  return new Map(rows.map((r) => [r.id, { mediaType: r.mediaType, size: r.size }]));
}

/**
 * One file of the hub with its content, for a module that decides itself who may see it
 * (a space unit's photos are shown to everyone who may read the unit).
 */
export async function fileOfHub(db: Db | Tx, hubId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(uploadedFiles)
    .where(and(eq(uploadedFiles.hubId, hubId), eq(uploadedFiles.id, fileId)));
  return row ?? null;
}
