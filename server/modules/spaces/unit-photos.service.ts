import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { fileOfHub } from '../../platform/files/index.js';
import { notFound } from '../../platform/errors.js';
import type { Scope } from './space-scope.js';
import { spaceTreePolicy } from './spaces.policies.js';
import { spaceNodes } from './spaces.tables.js';

/**
 * A photo of a node, for everyone who may read the space tree (a company looking at the
 * units offered, leased or free). Only a picture the node lists is served; any other file,
 * or a node of another hub, answers 404.
 */
export async function readNodePhoto(db: Db, scope: Scope, nodeId: string, fileId: string): Promise<{ mediaType: string; content: Buffer }> {
  spaceTreePolicy.authorize(scope.actor, 'read', { operates: false });
  const [node] = await db
    .select({ photos: spaceNodes.photos })
    .from(spaceNodes)
    .where(and(eq(spaceNodes.hubId, scope.hub.id), eq(spaceNodes.id, nodeId)));
  if (!node?.photos.includes(fileId)) throw notFound();
  const file = await fileOfHub(db, scope.hub.id, fileId);
  if (!file?.mediaType.startsWith('image/')) throw notFound();
  return { mediaType: file.mediaType, content: file.content };
}
