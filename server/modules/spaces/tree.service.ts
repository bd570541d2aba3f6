import { and, asc, eq, sql } from 'drizzle-orm';
import type { CursorPage, CursorQuery } from '../../../contracts/pagination.js';
import type { SpaceNodeInput, SpaceNodeUpdate } from '../../../contracts/spaces.js';
import type { Db, Tx } from '../../db/connection.js';
import { sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { accepts, filesOwnedBy, type FileFacts } from '../../platform/files/index.js';
import { AppError, notFound } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { loadActor } from '../../platform/tenancy/tenancy.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { operatedParkIds, requirePark, type NodeRow, type Scope } from './space-scope.js';
import { spaceTreePolicy } from './spaces.policies.js';
import { spaceNodes, spaceParkOperators } from './spaces.tables.js';

type NodeInput = Required<Omit<SpaceNodeInput, 'unitKind' | 'areaM2' | 'listRent' | 'parentId'>> & {
  parentId: string | null;
  unitKind: NodeRow['unitKind'];
  areaM2: number | null;
  listRent: string | null;
};

/** What a unit photo may be: any picture. */
const photoTypes = ['image/*'];

/** What may sit under what: parks hold buildings, buildings floors or units, floors units. */
const childKinds: Record<string, readonly string[]> = { park: ['building'], building: ['floor', 'unit'], floor: ['unit'], unit: [] };

/**
 * A new node of the tree. A park is opened by a hub admin or space manager (who then
 * operates it); anything else goes under a node of a park the caller operates.
 */
export async function createSpaceNode(tx: Tx, scope: Scope, input: NodeInput): Promise<NodeRow> {
  const id = uuidv7();
  let parkId = id;
  let ancestors: string[] = [];
  if (input.parentId === null) {
    spaceTreePolicy.authorize(scope.actor, 'open_park', { operates: false });
  } else {
    const [parent] = await tx
      .select()
      .from(spaceNodes)
      .where(and(eq(spaceNodes.hubId, scope.hub.id), eq(spaceNodes.id, input.parentId)));
    // Another hub's node (or none) answers 404 naming the field, as anything not of this hub.
    if (!parent) throw new AppError('NOT_FOUND', [{ path: 'parentId', code: 'NOT_IN_HUB' }]);
    // Writing into a park one does not run answers 404 like anything else not one's own (the tree is readable, its parks' desks are not).
    spaceTreePolicy.authorize(scope.actor, 'operate', { operates: (await operatedParkIds(tx, scope)).has(parent.parkId) }, 'operate');
    if (!childKinds[parent.kind]!.includes(input.kind))
      throw new AppError('VALIDATION_FAILED', [{ path: 'kind', code: 'INVALID', detail: `not under a ${parent.kind}` }]);
    parkId = parent.parkId;
    ancestors = [...parent.ancestors, parent.id];
  }
  await checkPhotos(tx, scope, input.photos);
  const [row] = await tx
    .insert(spaceNodes)
    .values({
      hubId: scope.hub.id,
      id,
      parentId: input.parentId,
      parkId,
      ancestors,
      kind: input.kind,
      unitKind: input.unitKind,
      code: input.code,
      nameZh: input.name.zh,
      nameEn: input.name.en,
      areaM2: input.areaM2 === null ? null : input.areaM2.toFixed(2),
      seats: input.seats,
      features: input.features,
      listRent: input.listRent === null ? null : BigInt(input.listRent),
      photos: input.photos,
    })
    .returning()
    .catch((error: unknown) => {
      if (sqlState(error) === '23505') throw new AppError('VALIDATION_FAILED', [{ path: 'code', code: 'TAKEN' }]);
      throw error;
    });
  if (input.parentId === null && scope.actor.userId && scope.actor.hubRoles.includes('space_manager')) {
    await tx.insert(spaceParkOperators).values({ hubId: scope.hub.id, parkId: id, userId: scope.actor.userId });
  }
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'space.node_created',
    subjectType: 'space_node',
    subjectId: id,
    payload: { kind: input.kind, parent: input.parentId, code: input.code },
  });
  return row!;
}

/**
 * Changes a node of a park the caller operates (another park's node answers 404). Only
 * what is sent changes; a unit's kind, area and rent stay set, other nodes have none.
 * Leases keep the rent steps they were signed with.
 */
export async function updateSpaceNode(tx: Tx, scope: Scope, id: string, input: SpaceNodeUpdate): Promise<NodeRow> {
  const [node] = await tx
    .select()
    .from(spaceNodes)
    .where(and(eq(spaceNodes.hubId, scope.hub.id), eq(spaceNodes.id, id)))
    .for('update');
  if (!node) throw notFound();
  spaceTreePolicy.authorize(scope.actor, 'operate', { operates: (await operatedParkIds(tx, scope)).has(node.parkId) }, 'operate');
  const unitOnly = (['unitKind', 'areaM2', 'listRent'] as const).filter((k) => input[k] !== undefined);
  if (node.kind !== 'unit' && unitOnly.length)
    throw new AppError(
      'VALIDATION_FAILED',
      unitOnly.map((k) => ({ path: k, code: 'INVALID' as const, detail: 'only units have a kind, area and rent' })),
    );
  if (input.photos) await checkPhotos(tx, scope, input.photos, node.photos);
  const [row] = await tx
    .update(spaceNodes)
    .set({
      ...(input.code !== undefined && { code: input.code }),
      ...(input.name && { nameZh: input.name.zh, nameEn: input.name.en }),
      ...(input.unitKind !== undefined && { unitKind: input.unitKind }),
      ...(input.areaM2 !== undefined && { areaM2: input.areaM2.toFixed(2) }),
      ...(input.seats !== undefined && { seats: input.seats }),
      ...(input.features && { features: input.features }),
      ...(input.listRent !== undefined && { listRent: BigInt(input.listRent) }),
      ...(input.photos && { photos: input.photos }),
    })
    .where(and(eq(spaceNodes.hubId, scope.hub.id), eq(spaceNodes.id, id)))
    .returning()
    .catch((error: unknown) => {
      if (sqlState(error) === '23505') throw new AppError('VALIDATION_FAILED', [{ path: 'code', code: 'TAKEN' }]);
      throw error;
    });
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'space.node_updated',
    subjectType: 'space_node',
    subjectId: id,
    payload: { changed: Object.keys(input).filter((k) => input[k as keyof SpaceNodeUpdate] !== undefined) },
  });
  return row!;
}

/**
 * Photos are pictures the caller uploaded in this hub (a unit's photos are shown to everyone
 * who reads the tree, so nobody else's file may become one); photos the node already shows
 * may stay. As for report attachments (`requireOwnFiles`), any other id is a 400
 * FILE_NOT_FOUND at its index, whoever uploaded it, so the refusal tells nothing; a file
 * that is not a picture is WRONG_FILE_TYPE.
 */
async function checkPhotos(tx: Tx, scope: Scope, photos: readonly string[], shown: readonly string[] = []): Promise<void> {
  const fresh = photos.filter((id) => !shown.includes(id));
  const owned = scope.actor.userId && fresh.length ? await filesOwnedBy(tx, scope.hub.id, scope.actor.userId, fresh) : new Map<string, FileFacts>();
  const problems = photos.flatMap((id, i) => {
    if (shown.includes(id)) return [];
    const file = owned.get(id);
    const code = !file ? ('FILE_NOT_FOUND' as const) : !accepts(photoTypes, file.mediaType) ? ('WRONG_FILE_TYPE' as const) : null;
    return code ? [{ path: `photos.${i}`, code }] : [];
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
}

/**
 * Names a space manager as an operator of a park (hub admins). The park must be one of the
 * hub's, the user a space manager of this hub; anyone else (another hub's admin, a user
 * with no role here, no user at all) answers 404 and nothing is written.
 */
export async function addParkOperator(tx: Tx, scope: Scope, parkId: string, userId: string): Promise<void> {
  spaceTreePolicy.authorize(scope.actor, 'open_park', { operates: false });
  if (!scope.actor.hubRoles.includes('hub_admin')) throw new AppError('FORBIDDEN');
  const [park] = await tx
    .select()
    .from(spaceNodes)
    .where(and(eq(spaceNodes.hubId, scope.hub.id), eq(spaceNodes.id, parkId), eq(spaceNodes.kind, 'park')));
  if (!park) throw notFound();
  if (!(await loadActor(tx, scope.hub.id, userId)).hubRoles.includes('space_manager'))
    throw new AppError('NOT_FOUND', [{ path: 'userId', code: 'NOT_IN_HUB' }]);
  await tx.insert(spaceParkOperators).values({ hubId: scope.hub.id, parkId, userId }).onConflictDoNothing();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'space.operator_named',
    subjectType: 'space_node',
    subjectId: parkId,
    payload: { user: userId },
  });
}

export type TreeNode = NodeRow & { totalCenti: bigint; totalSeats: number; operates: boolean };

/**
 * The tree (of one park when `parkId` is given), each node with the area and seats of the
 * units under it, parents before children.
 */
export async function listSpaceTree(db: Db | Tx, scope: Scope, query: { parkId?: string | undefined } & CursorQuery): Promise<CursorPage<TreeNode>> {
  spaceTreePolicy.authorize(scope.actor, 'read', { operates: false });
  if (query.parkId) await requirePark(db, scope.hub.id, query.parkId);
  const key = readCursor(query.next, 3);
  const depth = sql<number>`cardinality(${spaceNodes.ancestors})`;
  const rows = await db
    .select()
    .from(spaceNodes)
    .where(
      and(
        eq(spaceNodes.hubId, scope.hub.id),
        query.parkId ? eq(spaceNodes.parkId, query.parkId) : undefined,
        key ? after([depth, spaceNodes.code, spaceNodes.id], key) : undefined,
      ),
    )
    .orderBy(depth, asc(spaceNodes.code), asc(spaceNodes.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.ancestors.length, r.code, r.id]);
  return { items: await withUnitTotals(db, scope, page.items), next: page.next };
}

/** Nodes with the area and seats of all units under them (one query for the page). */
async function withUnitTotals(db: Db | Tx, scope: Scope, rows: NodeRow[]): Promise<TreeNode[]> {
  const operated = await operatedParkIds(db, scope);
  if (rows.length === 0) return [];
  const { rows: totals } = await db.execute<{ id: string; centi: string; seats: number }>(sql`
    SELECT n.id, coalesce(sum(round(u.area_m2 * 100)), 0)::bigint::text AS centi, coalesce(sum(u.seats), 0)::int AS seats
    FROM space_nodes n LEFT JOIN space_nodes u ON u.hub_id = n.hub_id AND u.kind = 'unit' AND (u.id = n.id OR n.id = ANY(u.ancestors))
    WHERE n.hub_id = ${scope.hub.id} AND n.id = ANY(${sql.param(rows.map((r) => r.id))}::uuid[])
    GROUP BY n.hub_id, n.id`);
  const of = new Map(totals.map((t) => [t.id, t]));
  const admin = scope.actor.hubRoles.includes('hub_admin');
  return rows.map((r) => ({
    ...r,
    totalCenti: BigInt(of.get(r.id)?.centi ?? '0'),
    totalSeats: of.get(r.id)?.seats ?? 0,
    operates: admin || operated.has(r.parkId),
  }));
}

/** Adds up each node's units (a unit's total is its own area). */
export function withTotals(rows: NodeRow[], operated: Set<string>, scope: Scope): TreeNode[] {
  const totals = new Map<string, { centi: bigint; seats: number }>();
  for (const r of rows) {
    if (r.kind !== 'unit') continue;
    const centi = BigInt(Math.round(Number(r.areaM2) * 100));
    for (const id of [...r.ancestors, r.id]) {
      const t = totals.get(id) ?? { centi: 0n, seats: 0 };
      t.centi += centi;
      t.seats += r.seats;
      totals.set(id, t);
    }
  }
  const admin = scope.actor.hubRoles.includes('hub_admin');
  return rows.map((r) => ({
    ...r,
    totalCenti: totals.get(r.id)?.centi ?? 0n,
    totalSeats: totals.get(r.id)?.seats ?? 0,
    operates: admin || operated.has(r.parkId),
  }));
}
