import { randomBytes } from 'node:crypto';
import type { Tx } from '../../db/connection.js';
import { AppError, type FieldProblem } from '../../platform/errors.js';
import { takeNodes, type Days } from './claims.js';
import { requireOrganization } from '../ecosystem/index.js';
import { findNodes, operatedParkIds, type NodeRow, type Scope } from './space-scope.js';
import { tenancyPolicy } from './spaces.policies.js';

/**
 * The nodes a hold or lease asks for, checked as input: each in the hub, all in one park,
 * none inside another. The caller must run that park. Nothing here decides availability:
 * that is the claims' INSERT and its exclusion constraint.
 * Who runs no park at all learns nothing (404); then a node of no park of the hub (another
 * hub's, or none) is a 404 naming the field, and a park the caller does not run a 404.
 */
export async function resolveTake(tx: Tx, scope: Scope, nodeIds: readonly string[], path = 'nodeIds'): Promise<{ parkId: string; nodes: NodeRow[] }> {
  const operated = await operatedParkIds(tx, scope);
  tenancyPolicy.authorize(scope.actor, 'run', { reads: false, acts: false, operates: operated.size > 0 }, 'run');
  const found = new Map((await findNodes(tx, scope.hub.id, nodeIds)).map((n) => [n.id, n]));
  const missing: FieldProblem[] = nodeIds.flatMap((id, i) => (found.has(id) ? [] : [{ path: `${path}.${i}`, code: 'NOT_IN_HUB' as const }]));
  if (missing.length) throw new AppError('NOT_FOUND', missing);
  const nodes = nodeIds.map((id) => found.get(id)!);
  const parkId = nodes[0]!.parkId;
  // A park the caller does not run answers 404, whoever the space is for.
  tenancyPolicy.authorize(scope.actor, 'run', { reads: false, acts: false, operates: operated.has(parkId) }, 'run');
  const problems: FieldProblem[] = [];
  nodes.forEach((n, i) => {
    if (nodeIds.indexOf(n.id) !== i) problems.push({ path: `${path}.${i}`, code: 'NESTED_SPACES', detail: 'twice' });
    else if (n.parkId !== parkId) problems.push({ path: `${path}.${i}`, code: 'INVALID', detail: 'another park' });
    else if (n.kind === 'park') problems.push({ path: `${path}.${i}`, code: 'INVALID', detail: 'a whole park is taken building by building' });
    else if (nodes.some((o) => n.ancestors.includes(o.id))) problems.push({ path: `${path}.${i}`, code: 'NESTED_SPACES', detail: n.code });
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
  return { parkId, nodes };
}

/**
 * What a hold or lease checks before it takes space: the nodes (`resolveTake`), the
 * organisation (the hub's), then `check` (input checks that read nothing).
 */
export async function checkTaker(
  tx: Tx,
  scope: Scope,
  taker: { organizationId: string; nodeIds: readonly string[] },
  check: () => void = () => {},
): Promise<{ parkId: string; nodes: NodeRow[] }> {
  const take = await resolveTake(tx, scope, taker.nodeIds);
  await requireOrganization(tx, scope.hub.id, taker.organizationId);
  check();
  return take;
}

/**
 * A hold takes space: `checkTaker`, then the claims under the exclusion constraint, then the
 * row written by `write`. Claiming before writing means a taker who loses the race
 * (SPACE_NOT_AVAILABLE) stops there. (A lease does the claims, its rows and its audit event
 * in one call instead: `dg_space_lease`, leases.service.ts.) Returns what `write` returned.
 */
export async function takeSpace<T>(
  tx: Tx,
  scope: Scope,
  taker: { kind: 'hold' | 'lease'; id: string; organizationId: string; nodeIds: readonly string[]; days: Days },
  write: (take: { parkId: string; nodes: NodeRow[] }) => Promise<T>,
): Promise<T> {
  const take = await checkTaker(tx, scope, taker);
  await takeNodes(tx, { hubId: scope.hub.id, holderKind: taker.kind, holderId: taker.id, organizationId: taker.organizationId }, taker.nodeIds, taker.days);
  return write(take);
}

/** A short reference people read: a letter and 7 characters without look-alikes. */
export function newRef(prefix: 'H' | 'L' | 'R'): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return `${prefix}-${[...randomBytes(7)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}
