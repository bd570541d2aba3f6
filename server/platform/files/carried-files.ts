import { notFound } from '../errors.js';
import type { Db, Tx } from '../../db/connection.js';
import { fileOfHub } from './files.service.js';

/**
 * One file, with its content, read through what carries it (an application's file answer, a
 * report's attachment), once the carrying module has decided the caller may read that thing:
 * 404 unless `fileId` is among the `carried` ids and is a file of this hub.
 */
export async function carriedFile(db: Db | Tx, hubId: string, carried: readonly string[], fileId: string) {
  if (!carried.includes(fileId)) throw notFound();
  const file = await fileOfHub(db, hubId, fileId);
  if (!file) throw notFound();
  return file;
}
