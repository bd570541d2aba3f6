import type { FormField } from '../../../contracts/programs.js';
import type { Db, Tx } from '../../db/connection.js';
import { filesOwnedBy, type FileFacts } from '../../platform/files/index.js';

/** The file ids the answers name in the form's file fields. */
export function answeredFileIds(form: readonly FormField[], answers: Record<string, unknown>): string[] {
  return form
    .filter((f) => f.type === 'file')
    .map((f) => answers[f.key])
    .filter((v): v is string => typeof v === 'string');
}

/** The uploaded files the answers name, if one of `owners` uploaded them in this hub. */
export async function answeredFiles(tx: Db | Tx, hubId: string, owners: readonly string[], form: readonly FormField[], answers: Record<string, unknown>) {
  const ids = answeredFileIds(form, answers);
  const found = new Map<string, FileFacts>();
  for (const owner of new Set(owners)) for (const [id, facts] of await filesOwnedBy(tx, hubId, owner, ids)) found.set(id, facts);
  return found;
}
