import { and, eq, or } from 'drizzle-orm';
import type { OrganizationGraph } from '../../../contracts/ecosystem-insights.js';
import type { OrganizationKind } from '../../../contracts/organizations.js';
import type { Db, Tx } from '../../db/connection.js';
import { notFound } from '../../platform/errors.js';
import { HUB_STAFF } from '../../platform/policies.js';
import { dragonIds } from './dragons.js';
import { namesOf } from './names.js';
import type { Scope } from './organizations.service.js';
import { organizations } from './organizations.tables.js';
import { relations } from './relations.tables.js';

const MAX_EDGES = 300;

/**
 * An organisation's neighbourhood: every relation that touches it, with both ends.
 * Staff see everyone; others see organisations and founders only (people are personal
 * data; founders are public).
 */
export async function getOrganizationGraph(db: Db | Tx, { hub, actor }: Scope, organizationId: string): Promise<OrganizationGraph> {
  const [center] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.hubId, hub.id), eq(organizations.id, organizationId)));
  if (!center) throw notFound();
  const staff = actor.hubRoles.some((r) => HUB_STAFF.includes(r));

  const rows = await db
    .select()
    .from(relations)
    .where(and(eq(relations.hubId, hub.id), or(eq(relations.toOrganizationId, organizationId), eq(relations.fromOrganizationId, organizationId))))
    .limit(MAX_EDGES);
  const visible = rows.filter((r) => staff || !r.fromPersonId || r.kind === 'founded');

  const orgIds = [organizationId, ...visible.flatMap((r) => [r.toOrganizationId, ...(r.fromOrganizationId ? [r.fromOrganizationId] : [])])];
  const personIds = visible.flatMap((r) => (r.fromPersonId ? [r.fromPersonId] : []));
  const names = await namesOf(db, hub.id, { organizations: orgIds, people: personIds });
  const dragons = await dragonIds(db, hub.id);

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
