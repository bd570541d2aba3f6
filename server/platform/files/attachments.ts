import { and, eq, inArray } from 'drizzle-orm';
import type { AttachedFile } from '../../../contracts/files.js';
import type { Db, Tx } from '../../db/connection.js';
import { AppError } from '../errors.js';
import { filesOwnedBy } from './files.service.js';
import { uploadedFiles } from './files.tables.js';
import { accepts } from './media-type.js';

/**
 * Files attached to a report: the sender names files they uploaded in this hub; readers of
 * the report see each one's name and size and download it through the report's own file route
 * (`carriedFile`).
 */

/**
 * The ids, once each in the order given, when the sender uploaded every one of them in this
 * hub and each one's type (found in its content) is among `accept`; otherwise 400 at each
 * index at fault: FILE_NOT_FOUND, or WRONG_FILE_TYPE. Another person's or another hub's file
 * gets the same answer as an id that never existed, so the refusal tells nothing.
 */
export async function requireOwnFiles(
  tx: Db | Tx,
  hubId: string,
  ownerId: string,
  ids: readonly string[],
  field: string,
  accept: readonly string[],
): Promise<string[]> {
  const owned = await filesOwnedBy(tx, hubId, ownerId, ids);
  const faults = ids.flatMap((id, i) => {
    const file = owned.get(id);
    const code = !file ? ('FILE_NOT_FOUND' as const) : !accepts(accept, file.mediaType) ? ('WRONG_FILE_TYPE' as const) : null;
    return code ? [{ path: `${field}.${i}`, code }] : [];
  });
  if (faults.length) throw new AppError('VALIDATION_FAILED', faults);
  return [...new Set(ids)];
}

/** Name, type and size of the hub's files among `ids`, in the order given; ids of no file of the hub are left out. */
export async function attachedFiles(db: Db | Tx, hubId: string, ids: readonly string[]): Promise<AttachedFile[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: uploadedFiles.id, name: uploadedFiles.name, mediaType: uploadedFiles.mediaType, size: uploadedFiles.size })
    .from(uploadedFiles)
    .where(and(eq(uploadedFiles.hubId, hubId), inArray(uploadedFiles.id, [...new Set(ids)])));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
