import { and, arrayContains, asc, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Person, PersonRole, TalentTier, personInputSchema, personListQuerySchema } from '../../../contracts/people.js';
import { maskResidentId } from '../../../contracts/resident-id.js';
import type { Db, Tx } from '../../db/connection.js';
import { constraintName, sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { FieldCrypto } from '../../platform/crypto/fields.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { likePattern } from '../../platform/sql.js';
import { requireOrganization, type Scope } from './organizations.service.js';
import { personPolicy } from './people.policies.js';
import { people } from './people.tables.js';
import { relations } from './relations.tables.js';

type Input = z.output<typeof personInputSchema>;
type ListQuery = z.output<typeof personListQuerySchema>;
export type PersonRow = typeof people.$inferSelect;

/** How a resident identity number is kept: encrypted, digested (for duplicates) and masked (for display). */
export function residentIdColumns(crypto: FieldCrypto, residentId: string | null | undefined) {
  return residentId
    ? { residentIdCipher: crypto.encrypt(residentId), residentIdDigest: crypto.digest(residentId), residentIdMasked: maskResidentId(residentId) }
    : {};
}

/**
 * A resident id stored under the other crypto suite (before the deployment switched) has
 * another digest, which the unique key cannot compare: look it up (409 like the key would).
 */
async function refuseResidentIdOfOtherSuite(tx: Tx, hubId: string, crypto: FieldCrypto, residentId: string | null | undefined): Promise<void> {
  if (!residentId) return;
  const [taken] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.hubId, hubId), inArray(people.residentIdDigest, crypto.otherDigests(residentId))))
    .limit(1);
  if (taken) throw new AppError('CONFLICT', [{ path: 'residentId', code: 'INVALID' }]);
}

/** Records a person; a resident identity number is kept encrypted, digested and masked. */
export async function createPerson(tx: Tx, { hub, actor }: Scope, input: Input, crypto: FieldCrypto): Promise<PersonRow> {
  personPolicy.authorize(actor, 'create', null);
  await refuseResidentIdOfOtherSuite(tx, hub.id, crypto, input.residentId);
  const id = uuidv7();
  try {
    const [row] = await tx
      .insert(people)
      .values({
        hubId: hub.id,
        id,
        nameZh: input.name.zh,
        nameEn: input.name.en,
        roles: input.roles,
        bornOn: input.bornOn ?? null,
        talentTier: input.talentTier ?? null,
        ...residentIdColumns(crypto, input.residentId),
      })
      .returning();
    await recordAudit(tx, {
      hubId: hub.id,
      actorId: actor.userId,
      action: 'person.created',
      subjectType: 'person',
      subjectId: id,
      payload: { roles: input.roles },
    });
    return row!;
  } catch (error) {
    if (sqlState(error) === '23505' && constraintName(error) === 'people_hub_resident_id_key') {
      throw new AppError('CONFLICT', [{ path: 'residentId', code: 'INVALID' }]);
    }
    throw error;
  }
}

/** A page of the hub's people (staff only), by name, role or university attended (one of this hub's, else 404). */
export async function listPeople(db: Db | Tx, { hub, actor }: Scope, query: ListQuery) {
  personPolicy.authorize(actor, 'read', null);
  if (query.university) await requireOrganization(db, hub.id, query.university, 'university');
  const conditions: SQL[] = [eq(people.hubId, hub.id)];
  if (query.q) conditions.push(or(ilike(people.nameEn, likePattern(query.q)), ilike(people.nameZh, likePattern(query.q)))!);
  if (query.role) conditions.push(arrayContains(people.roles, [query.role]));
  if (query.university) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(relations)
          .where(
            and(
              eq(relations.hubId, people.hubId),
              eq(relations.fromPersonId, people.id),
              eq(relations.kind, 'alumnus_of'),
              eq(relations.toOrganizationId, query.university),
            ),
          ),
      ),
    );
  }
  const key = readCursor(query.next, 2);
  if (key) conditions.push(after([people.nameEn, people.id], key));
  const rows = await db
    .select()
    .from(people)
    .where(and(...conditions))
    .orderBy(asc(people.nameEn), asc(people.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (r) => [r.nameEn, r.id]);
}

/** People by id within one hub (for presenting relations); unknown ids are skipped. */
export async function findPeople(db: Db | Tx, hubId: string, ids: string[]): Promise<Map<string, PersonRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(people)
    .where(and(eq(people.hubId, hubId), sql`${people.id} = ANY(${sql.param(ids)}::uuid[])`));
  return new Map(rows.map((r) => [r.id, r]));
}

export function presentPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: { zh: row.nameZh, en: row.nameEn },
    roles: row.roles as PersonRole[],
    bornOn: row.bornOn,
    talentTier: row.talentTier as TalentTier | null,
    residentIdMasked: row.residentIdMasked,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Records the tier an officer granted (the talent module decides; programs read it here). */
export async function setPersonTalentTier(tx: Tx, hubId: string, personId: string, tier: TalentTier | null): Promise<boolean> {
  const rows = await tx
    .update(people)
    .set({ talentTier: tier, updatedAt: new Date() })
    .where(and(eq(people.hubId, hubId), eq(people.id, personId)))
    .returning({ id: people.id });
  return rows.length > 0;
}
