import { and, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { relationInputSchema, relationListQuerySchema } from '../../../contracts/relations.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, type FieldProblem } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { auditedRead } from '../../platform/audit/personal-reads.js';
import type { CursorPage } from '../../../contracts/pagination.js';
import type { Relation } from '../../../contracts/relations.js';
import { requireOrganization, type Scope } from './organizations.service.js';
import { organizations } from './organizations.tables.js';
import { findPeople } from './people.service.js';
import { ecosystemRecordPolicy, personPolicy } from './people.policies.js';
import { presentRelations } from './relations.presenters.js';
import { people } from './people.tables.js';
import { impossibleDates } from './relation-dates.js';
import { relations } from './relations.tables.js';
import { touchEcosystem } from './summaries.js';

type Input = z.output<typeof relationInputSchema>;
type ListQuery = z.output<typeof relationListQuerySchema>;
export type RelationRow = typeof relations.$inferSelect;

/**
 * Records a relation after checking that both ends exist in this hub and that its dates
 * are possible; refusals name the field at fault.
 */
export async function createRelation(tx: Tx, { hub, actor }: Scope, input: Input): Promise<RelationRow> {
  ecosystemRecordPolicy.authorize(actor, 'create', null);
  const problems: FieldProblem[] = [];
  const [to] = await tx
    .select({ kind: organizations.kind, foundedOn: organizations.foundedOn })
    .from(organizations)
    .where(and(eq(organizations.hubId, hub.id), eq(organizations.id, input.to.id)));
  if (!to) problems.push({ path: 'to.id', code: 'NOT_IN_HUB' });
  if (to && input.kind === 'alumnus_of' && to.kind !== 'university') problems.push({ path: 'to.id', code: 'NOT_A_UNIVERSITY' });

  let personBornOn: string | null = null;
  if (input.from.type === 'person') {
    const [person] = await tx
      .select({ bornOn: people.bornOn })
      .from(people)
      .where(and(eq(people.hubId, hub.id), eq(people.id, input.from.id)));
    if (!person) problems.push({ path: 'from.id', code: 'NOT_IN_HUB' });
    personBornOn = person?.bornOn ?? null;
  } else {
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.hubId, hub.id), eq(organizations.id, input.from.id)));
    if (!org) problems.push({ path: 'from.id', code: 'NOT_IN_HUB' });
  }
  problems.push(
    ...impossibleDates({
      kind: input.kind,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      personBornOn,
      organizationFoundedOn: to?.foundedOn ?? null,
    }),
  );
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems);

  const id = uuidv7();
  const [row] = await tx
    .insert(relations)
    .values({
      hubId: hub.id,
      id,
      kind: input.kind,
      fromPersonId: input.from.type === 'person' ? input.from.id : null,
      fromOrganizationId: input.from.type === 'organization' ? input.from.id : null,
      toOrganizationId: input.to.id,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      title: input.title ?? null,
      degree: input.degree ?? null,
      round: input.round ?? null,
      amountMinor: input.amount ? BigInt(input.amount.amountMinor) : null,
      currency: input.amount?.currency ?? null,
      sourceUrl: input.source.url ?? null,
      sourceNote: input.source.note ?? null,
    })
    .returning();
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'relation.created',
    subjectType: 'relation',
    subjectId: id,
    payload: { kind: input.kind, from: input.from, to: input.to.id },
  });
  await touchEcosystem(tx, hub.id);
  return row!;
}

/**
 * A page of relations (staff), optionally those touching one organisation or person of
 * this hub (another hub's, or none, is 404 under the filter's name). Ties that name a
 * person other than as a founder go only to the staff who may read people (`personPolicy`);
 * the other staff see what the public graph shows.
 */
export async function listRelations(db: Db | Tx, { hub, actor }: Scope, query: ListQuery) {
  ecosystemRecordPolicy.authorize(actor, 'read', null);
  if (query.organization) await requireOrganization(db, hub.id, query.organization, 'organization');
  if (query.person && !(await findPeople(db, hub.id, [query.person])).has(query.person))
    throw new AppError('NOT_FOUND', [{ path: 'person', code: 'NOT_IN_HUB' }]);
  const conditions: SQL[] = [eq(relations.hubId, hub.id)];
  if (!personPolicy.can(actor, 'read', null)) conditions.push(or(isNull(relations.fromPersonId), eq(relations.kind, 'founded'))!);
  if (query.kind) conditions.push(eq(relations.kind, query.kind));
  if (query.organization) conditions.push(or(eq(relations.toOrganizationId, query.organization), eq(relations.fromOrganizationId, query.organization))!);
  if (query.person) conditions.push(eq(relations.fromPersonId, query.person));
  // Newest first; relations without a start date last (one key direction, so keyset paging works).
  const startsOn = sql<string>`coalesce(${relations.startsOn}, DATE '0001-01-01')`;
  const key = readCursor(query.next, 2);
  if (key) conditions.push(after([startsOn, relations.id], key, 'desc'));
  const rows = await db
    .select({ row: relations, startsOn: sql<string>`${startsOn}::text` })
    .from(relations)
    .where(and(...conditions))
    .orderBy(desc(startsOn), desc(relations.id))
    .limit(query.limit + 1);
  return pageOf(
    rows,
    query.limit,
    (r) => [r.startsOn, r.row.id],
    (r) => r.row,
  );
}

/**
 * The page with the names of both ends. For the staff who may read people, the people
 * named by a tie the public does not see are a personal read, audited as `listPeople`'s.
 */
export async function listNamedRelations(db: Db, scope: Scope, query: ListQuery): Promise<CursorPage<Relation>> {
  const read = async (tx: Db | Tx) => {
    const page = await listRelations(tx, scope, query);
    return { ...page, items: await presentRelations(tx, scope.hub.id, page.items) };
  };
  if (!personPolicy.can(scope.actor, 'read', null)) return read(db);
  const ids = (page: { items: Relation[] }) => [...new Set(page.items.flatMap((r) => (r.kind !== 'founded' && r.from.type === 'person' ? [r.from.id] : [])))];
  return auditedRead(db, scope, { subjectType: 'person', fields: ['name', 'relations'], ids }, read);
}
