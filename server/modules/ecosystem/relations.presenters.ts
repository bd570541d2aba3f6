import type { Relation } from '../../../contracts/relations.js';
import type { Db, Tx } from '../../db/connection.js';
import { namesOf } from './names.js';
import type { RelationRow } from './relations.service.js';

const unknown = { zh: '', en: '' };

/** Relations with the names of both ends, loaded for the whole page at once. */
export async function presentRelations(db: Db | Tx, hubId: string, rows: RelationRow[]): Promise<Relation[]> {
  const names = await namesOf(db, hubId, {
    organizations: rows.flatMap((r) => [r.toOrganizationId, ...(r.fromOrganizationId ? [r.fromOrganizationId] : [])]),
    people: rows.flatMap((r) => (r.fromPersonId ? [r.fromPersonId] : [])),
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as Relation['kind'],
    from: r.fromPersonId
      ? { type: 'person' as const, id: r.fromPersonId, name: names.people.get(r.fromPersonId) ?? unknown }
      : { type: 'organization' as const, id: r.fromOrganizationId!, name: names.organizations.get(r.fromOrganizationId!) ?? unknown },
    to: { type: 'organization' as const, id: r.toOrganizationId, name: names.organizations.get(r.toOrganizationId) ?? unknown },
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    title: r.title,
    degree: r.degree as Relation['degree'],
    round: r.round as Relation['round'],
    amount: r.amountMinor !== null && r.currency ? { amountMinor: r.amountMinor.toString(), currency: r.currency } : null,
    source: { url: r.sourceUrl, note: r.sourceNote },
    createdAt: r.createdAt.toISOString(),
  }));
}
