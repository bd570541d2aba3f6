import { and, eq, or } from 'drizzle-orm';
import type { OrganizationGraph } from '../../../contracts/ecosystem-insights.js';
import type { OrganizationKind } from '../../../contracts/organizations.js';
import type { Db, Tx } from '../../db/connection.js';
import { notFound } from '../../platform/errors.js';
import { auditedRead } from '../../platform/audit/personal-reads.js';
import { dragonIds } from './dragons.js';
import { namesOf } from './names.js';
import type { Scope } from './organizations.service.js';
import { organizations } from './organizations.tables.js';
import { personPolicy } from './people.policies.js';
import { relations } from './relations.tables.js';

const MAX_EDGES = 300;

/**
 * An organisation's neighbourhood: every relation that touches it, with both ends.
 * The staff who may read people (`personPolicy`) see everyone, and that read is audited
 * (personal.read of the people named who are not founders); others, other staff too, see
 * organisations and founders only (people are personal data; founders are public).
 */
export async function getOrganizationGraph(db: Db, scope: Scope, organizationId: string): Promise<OrganizationGraph> {
  if (!personPolicy.can(scope.actor, 'read', null)) return readGraph(db, scope.hub.id, organizationId, false);
  const read = { subjectType: 'person', fields: ['name', 'relations'], ids: privatePeople };
  return auditedRead(db, scope, read, (tx) => readGraph(tx, scope.hub.id, organizationId, true));
}

/** The people a graph names by a tie the public does not see (any but founding). */
function privatePeople(graph: OrganizationGraph): string[] {
  const people = new Set(graph.nodes.filter((n) => n.type === 'person').map((n) => n.id));
  return [...new Set(graph.edges.filter((e) => e.kind !== 'founded' && people.has(e.from)).map((e) => e.from))];
}

async function readGraph(db: Db | Tx, hubId: string, organizationId: string, everyone: boolean): Promise<OrganizationGraph> {
  const [center] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.hubId, hubId), eq(organizations.id, organizationId)));
  if (!center) throw notFound();

  const rows = await db
    .select()
    .from(relations)
    .where(and(eq(relations.hubId, hubId), or(eq(relations.toOrganizationId, organizationId), eq(relations.fromOrganizationId, organizationId))))
    .limit(MAX_EDGES);
  const visible = rows.filter((r) => everyone || !r.fromPersonId || r.kind === 'founded');

  const orgIds = [organizationId, ...visible.flatMap((r) => [r.toOrganizationId, ...(r.fromOrganizationId ? [r.fromOrganizationId] : [])])];
  const personIds = visible.flatMap((r) => (r.fromPersonId ? [r.fromPersonId] : []));
  const names = await namesOf(db, hubId, { organizations: orgIds, people: personIds });
  const dragons = await dragonIds(db, hubId);

  return {
    center: organizationId,
    nodes: [
      ...[...names.organizations].map(([id, name]) => ({
        id,
        type: 'organization' as const,
        name,
        kind: (names.organizationKinds.get(id) ?? null) as OrganizationKind | null,
        dragon: dragons.has(id),
      })),
      ...[...names.people].map(([id, name]) => ({ id, type: 'person' as const, name, kind: null, dragon: false })),
    ],
    edges: visible.map((r) => ({
      id: r.id,
      kind: r.kind as OrganizationGraph['edges'][number]['kind'],
      from: (r.fromPersonId ?? r.fromOrganizationId)!,
      to: r.toOrganizationId,
      startsOn: r.startsOn,
      title: r.title,
    })),
  };
}
