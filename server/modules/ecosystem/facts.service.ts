import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Fact, factInputSchema } from '../../../contracts/facts.js';
import type { CursorQuery } from '../../../contracts/pagination.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { notFound } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, readCursor } from '../../platform/pagination.js';
import { organizationFacts } from './facts.tables.js';
import { getOrganization, type Scope } from './organizations.service.js';
import { ecosystemRecordPolicy } from './people.policies.js';
import { organizations } from './organizations.tables.js';
import { touchEcosystem } from './summaries.js';

type Input = z.output<typeof factInputSchema>;
export type FactRow = typeof organizationFacts.$inferSelect;

/** Records a dated, sourced fact about an organisation (staff). */
export async function addFact(tx: Tx, { hub, actor }: Scope, organizationId: string, input: Input): Promise<FactRow> {
  ecosystemRecordPolicy.authorize(actor, 'create', null);
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.hubId, hub.id), eq(organizations.id, organizationId)));
  if (!org) throw notFound();
  const id = uuidv7();
  const [row] = await tx
    .insert(organizationFacts)
    .values({
      hubId: hub.id,
      id,
      organizationId,
      metric: input.metric,
      asOf: input.asOf,
      amountMinor: input.money ? BigInt(input.money.amountMinor) : null,
      currency: input.money?.currency ?? null,
      quantity: input.quantity ?? null,
      label: input.label ?? null,
      sourceUrl: input.source.url ?? null,
      sourceNote: input.source.note ?? null,
    })
    .returning();
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'fact.recorded',
    subjectType: 'organization',
    subjectId: organizationId,
    payload: { metric: input.metric, asOf: input.asOf },
  });
  await touchEcosystem(tx, hub.id);
  return row!;
}

/** Every fact of an organisation, oldest first: whoever may read the organisation may read them. */
/** An organisation's facts by metric, then date: `page.limit + 1` after the page's cursor. */
export async function listFacts(db: Db | Tx, scope: Scope, organizationId: string, page: CursorQuery): Promise<FactRow[]> {
  await getOrganization(db, scope, organizationId);
  const key = readCursor(page.next, 3);
  return db
    .select()
    .from(organizationFacts)
    .where(
      and(
        eq(organizationFacts.hubId, scope.hub.id),
        eq(organizationFacts.organizationId, organizationId),
        key ? after([organizationFacts.metric, organizationFacts.asOf, organizationFacts.id], key) : undefined,
      ),
    )
    .orderBy(asc(organizationFacts.metric), asc(organizationFacts.asOf), asc(organizationFacts.id))
    .limit(page.limit + 1);
}

export function presentFact(row: FactRow): Fact {
  return {
    id: row.id,
    organizationId: row.organizationId,
    metric: row.metric as Fact['metric'],
    asOf: row.asOf,
    money: row.amountMinor !== null && row.currency ? { amountMinor: row.amountMinor.toString(), currency: row.currency } : null,
    quantity: row.quantity,
    label: row.label,
    source: { url: row.sourceUrl, note: row.sourceNote },
  };
}
