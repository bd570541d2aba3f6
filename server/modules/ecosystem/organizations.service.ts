import { assertDistrict } from './districts.js';
import { and, arrayContains, asc, eq, exists, getTableColumns, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { OrganizationAction } from '../../../contracts/allowed-actions.js';
import type { OrgRole } from '../../../contracts/auth.js';
import type { organizationInputSchema, organizationListQuerySchema, organizationUpdateSchema } from '../../../contracts/organizations.js';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/connection.js';
import { constraintName, sqlState } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { findUserByEmail, findUsers } from '../../platform/auth/users.js';
import { AppError, notFound } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, pageOf, readCursor } from '../../platform/pagination.js';
import { likePattern } from '../../platform/sql.js';
import type { Actor } from '../../platform/policies.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { mayApplyFor, noOrganization, organizationActionsOf, organizationPolicy } from './organizations.policies.js';
import type { MemberRow, OrganizationRow } from './organizations.presenters.js';
import { organizationMembers, organizations } from './organizations.tables.js';
import { touchEcosystem } from './summaries.js';

type Input = z.output<typeof organizationInputSchema>;
type Patch = z.output<typeof organizationUpdateSchema>;
type ListQuery = z.output<typeof organizationListQuerySchema>;
export type Scope = { hub: HubRow; actor: Actor };

/** Registers an organisation; whoever registers it becomes its owner. */
export async function createOrganization(tx: Tx, { hub, actor }: Scope, input: Input): Promise<OrganizationRow> {
  organizationPolicy.authorize(actor, 'create', noOrganization, 'list_all');
  assertDistrict(hub, input.district);
  const id = uuidv7();
  const row = await insertOrFail(() =>
    tx
      .insert(organizations)
      .values({ hubId: hub.id, id, ...newColumns(input) })
      .returning(),
  );
  await tx.insert(organizationMembers).values({ hubId: hub.id, organizationId: id, userId: actor.userId!, role: 'owner' });
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'organization.created',
    subjectType: 'organization',
    subjectId: id,
    payload: { kind: input.kind, uscc: input.uscc, sectors: input.sectors },
  });
  await touchEcosystem(tx, hub.id);
  return row;
}

/** One organisation with its members, if the actor may see it; otherwise 404. */
export async function getOrganization(
  tx: Db | Tx,
  { hub, actor }: Scope,
  id: string,
): Promise<{ row: OrganizationRow; members: MemberRow[]; allowedActions: OrganizationAction[] }> {
  const row = await findRow(tx, hub.id, id);
  const memberRows = await tx
    .select({ userId: organizationMembers.userId, role: organizationMembers.role })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.hubId, hub.id), eq(organizationMembers.organizationId, id)))
    .orderBy(asc(organizationMembers.createdAt));
  const memberRole = (memberRows.find((m) => m.userId === actor.userId)?.role as OrgRole | undefined) ?? null;
  organizationPolicy.authorize(actor, 'read', { memberRole });
  const people = await findUsers(
    tx,
    memberRows.map((m) => m.userId),
  );
  const members = memberRows.map((m) => ({ ...m, name: people.get(m.userId)?.name ?? '', email: people.get(m.userId)?.email ?? '' }));
  return { row, members, allowedActions: organizationActionsOf(actor, { memberRole }) };
}

/** Changes the given fields; fields left out stay as they are. */
export async function updateOrganization(tx: Tx, { hub, actor }: Scope, id: string, patch: Patch): Promise<OrganizationRow> {
  const before = await findRow(tx, hub.id, id, true);
  organizationPolicy.authorize(actor, 'update', { memberRole: await memberRoleOf(tx, hub.id, id, actor.userId) });
  assertDistrict(hub, patch.district);
  const changes = columnsOf(patch);
  if (Object.keys(changes).length === 0) return before;
  const [row] = await updateOrFail(() =>
    tx
      .update(organizations)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(organizations.hubId, hub.id), eq(organizations.id, id)))
      .returning(),
  );
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'organization.updated',
    subjectType: 'organization',
    subjectId: id,
    payload: { fields: Object.keys(changes).sort(), previousUscc: before.uscc !== row!.uscc ? before.uscc : undefined },
  });
  await touchEcosystem(tx, hub.id);
  return row!;
}

/**
 * Adds an existing account to an organisation without asking it: hub admins only, registering a
 * company on its behalf. Everyone else is refused before the address is looked at, so the answer
 * never tells whether an account uses it; owners invite colleagues instead (inviteColleague).
 */
export async function addOrganizationMember(tx: Tx, { hub, actor }: Scope, id: string, email: string, role: OrgRole): Promise<void> {
  await findRow(tx, hub.id, id);
  organizationPolicy.authorize(actor, 'add_member', { memberRole: await memberRoleOf(tx, hub.id, id, actor.userId) });
  const user = await findUserByEmail(tx, email);
  if (!user) throw new AppError('USER_NOT_FOUND', [{ path: 'email', code: 'INVALID' }]);
  const added = await tx
    .insert(organizationMembers)
    .values({ hubId: hub.id, organizationId: id, userId: user.id, role })
    .onConflictDoNothing()
    .returning({ userId: organizationMembers.userId });
  if (added.length === 0) throw new AppError('ALREADY_MEMBER', [{ path: 'email', code: 'INVALID' }]);
  await recordAudit(tx, {
    hubId: hub.id,
    actorId: actor.userId,
    action: 'organization.member_added',
    subjectType: 'organization',
    subjectId: id,
    payload: { userId: user.id, role },
  });
}

/** A page of organisations: staff see the whole hub, applicants the ones they belong to. */
export async function listOrganizations(db: Db | Tx, { hub, actor }: Scope, query: ListQuery) {
  const conditions = filters(hub.id, query);
  if (!organizationPolicy.can(actor, 'list_all', noOrganization)) {
    if (!actor.userId) throw new AppError('UNAUTHENTICATED');
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(organizationMembers)
          .where(
            and(
              eq(organizationMembers.hubId, organizations.hubId),
              eq(organizationMembers.organizationId, organizations.id),
              eq(organizationMembers.userId, actor.userId),
            ),
          ),
      ),
    );
  }
  return pageInNameOrder(db, conditions, query, rowColumns);
}

/** The public register: name, kind and sectors of every organisation of the hub. */
export async function listPublicOrganizations(db: Db | Tx, hub: HubRow, query: ListQuery) {
  const cols = { id: organizations.id, kind: organizations.kind, nameZh: organizations.nameZh, nameEn: organizations.nameEn, sectors: organizations.sectors };
  return pageInNameOrder(db, filters(hub.id, query), query, cols);
}

/**
 * Organisations a user belongs to in the given hubs (for "my organisations"). Always named
 * by hub: on Citus a lookup by user alone would visit every shard; with the hubs it visits
 * only theirs (one, when asked about one hub).
 */
export async function listMembershipsOfUser(db: Db | Tx, userId: string, hubIds: string[]) {
  if (!hubIds.length) return [];
  return db
    .select({ hubId: organizations.hubId, id: organizations.id, nameZh: organizations.nameZh, nameEn: organizations.nameEn, role: organizationMembers.role })
    .from(organizationMembers)
    .innerJoin(organizations, and(eq(organizations.hubId, organizationMembers.hubId), eq(organizations.id, organizationMembers.organizationId)))
    .where(and(inArray(organizationMembers.hubId, hubIds), eq(organizationMembers.userId, userId)))
    .orderBy(asc(organizations.nameEn));
}

// --- helpers -------------------------------------------------------------------------

const rowColumns = getTableColumns(organizations);

function filters(hubId: string, query: ListQuery): SQL[] {
  const conditions: SQL[] = [eq(organizations.hubId, hubId)];
  if (query.kind) conditions.push(eq(organizations.kind, query.kind));
  if (query.sector) conditions.push(arrayContains(organizations.sectors, [query.sector]));
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(organizations.nameEn, pattern), ilike(organizations.nameZh, pattern))!);
  }
  return conditions;
}

/** One page in name order, read straight off the (hub_id, name_en, id) index from the cursor on. */
async function pageInNameOrder<C extends Record<string, unknown>>(db: Db | Tx, conditions: SQL[], query: ListQuery, columns: C) {
  type Row = C extends typeof rowColumns ? OrganizationRow : { id: string; kind: string; nameZh: string; nameEn: string; sectors: string[] };
  const key = readCursor(query.next, 2);
  const rows = (await db
    .select(columns as Record<string, never>)
    .from(organizations)
    .where(and(...conditions, key ? after([organizations.nameEn, organizations.id], key) : undefined))
    .orderBy(asc(organizations.nameEn), asc(organizations.id))
    .limit(query.limit + 1)) as unknown as Row[];
  return pageOf(rows, query.limit, (r) => [r.nameEn, r.id]);
}

async function findRow(db: Db | Tx, hubId: string, id: string, forUpdate = false): Promise<OrganizationRow> {
  const q = db
    .select()
    .from(organizations)
    .where(and(eq(organizations.hubId, hubId), eq(organizations.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound();
  return row;
}

/** The caller's role in an organisation, or null (other modules ask through index.ts). */
export async function memberRoleOf(db: Db | Tx, hubId: string, organizationId: string, userId: string | null): Promise<OrgRole | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ role: organizationMembers.role })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.hubId, hubId), eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
  return (row?.role as OrgRole | undefined) ?? null;
}

/**
 * The organisation must be one of the hub's: another hub's, or none, is a 404 to everyone,
 * staff too, under the field that names it (never an empty page, never a refusal that tells
 * it exists somewhere).
 */
export async function requireOrganization(db: Db | Tx, hubId: string, organizationId: string, path = 'organizationId'): Promise<void> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.hubId, hubId), eq(organizations.id, organizationId)));
  if (!row) throw new AppError('NOT_FOUND', [{ path, code: 'NOT_IN_HUB' }]);
}

/**
 * The caller's standing in a company, the one rule modules ask before they show a company's
 * things or act in its name: every member `reads` (a "can view" colleague too); `acts`
 * needs the role to be `owner` or `applicant` (`mayApplyFor`). Whoever reads but may not act
 * is refused with 403; whoever does not read, 404.
 */
export type CompanyStanding = { reads: boolean; acts: boolean };

export async function companyStanding(db: Db | Tx, hubId: string, organizationId: string, userId: string | null): Promise<CompanyStanding> {
  const role = await memberRoleOf(db, hubId, organizationId, userId);
  return { reads: role !== null, acts: mayApplyFor(role) };
}

/**
 * The organisations a user is a member of (any role), as a subquery for another module's
 * statement: `inArray(column, memberOrganizationIdsSql(hubId, userId))` reads the memberships
 * in the caller's own query (index `organization_members_user_idx`).
 */
export function memberOrganizationIdsSql(hubId: string, userId: string): SQL<string> {
  const m = organizationMembers;
  return sql<string>`(SELECT ${m.organizationId} FROM ${m} WHERE ${m.hubId} = ${hubId} AND ${m.userId} = ${userId})`;
}

function newColumns(input: Input) {
  return {
    kind: input.kind,
    nameZh: input.name.zh,
    nameEn: input.name.en,
    uscc: input.uscc,
    foundedOn: input.foundedOn ?? null,
    sectors: input.sectors,
    headcount: input.headcount ?? null,
    website: input.website ?? null,
    district: input.district ?? null,
  };
}

/** Only the fields present in a patch; an explicit null clears a field. */
function columnsOf(input: Patch) {
  return {
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.name !== undefined && { nameZh: input.name.zh, nameEn: input.name.en }),
    ...(input.uscc !== undefined && { uscc: input.uscc }),
    ...(input.foundedOn !== undefined && { foundedOn: input.foundedOn }),
    ...(input.sectors !== undefined && { sectors: input.sectors }),
    ...(input.headcount !== undefined && { headcount: input.headcount }),
    ...(input.website !== undefined && { website: input.website }),
    ...(input.district !== undefined && { district: input.district }),
  };
}

async function insertOrFail<T>(write: () => Promise<T[]>): Promise<T> {
  const [row] = await updateOrFail(write);
  return row!;
}

/** A duplicate USCC in the hub is the caller's mistake: 409 naming the field. */
async function updateOrFail<T>(write: () => Promise<T[]>): Promise<T[]> {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) === '23505' && constraintName(error) === 'organizations_hub_uscc_key') {
      throw new AppError('DUPLICATE_USCC', [{ path: 'uscc', code: 'INVALID' }]);
    }
    throw error;
  }
}
