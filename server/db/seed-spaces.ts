import { and, eq, sql } from 'drizzle-orm';
import { spaceNodeInputSchema, type SpaceNodeInput } from '../../contracts/spaces.js';
import { createLease } from '../modules/spaces/leases.service.js';
import { createSpaceHold } from '../modules/spaces/holds.service.js';
import { spaceHolds, spaceLeases, spaceNodes } from '../modules/spaces/spaces.tables.js';
import { createSpaceNode } from '../modules/spaces/tree.service.js';
import { findUserByEmail } from '../platform/auth/users.js';
import { findHub, loadActor } from '../platform/tenancy/tenancy.js';
import type { Db } from './connection.js';
import { readProgramsSeed, seedPrograms, type ProgramsSeed } from './seed-programs.js';
import { withTransaction } from './transaction.js';
import { readSeed } from './demo-year.js';

type SeedNode = Omit<SpaceNodeInput, 'parentId'> & { children?: SeedNode[] };
export type SpacesSeed = {
  hub: string;
  operator: string;
  programs: ProgramsSeed['programs'];
  parks: SeedNode[];
  holds: { organization: string; nodes: string[]; startsOn: string; endsOn: string; reason: string; decidedBy: string; source: string }[];
  leases: { organization: string; nodes: string[]; startsOn: string; endsOn: string; staff: number; program: string; source: string }[];
};

/** seed/spaces.json, its dates and years moved to the year the seed runs in (demo-year.ts). */
export function readSpacesSeed(now = new Date()): SpacesSeed {
  return readSeed<SpacesSeed>('spaces.json', now);
}

/**
 * The demo hub's office space (seed/spaces.json) through the real services: the rent
 * rules as rent-subsidy programs (as the hub admin), the parks built by their operator
 * (space@hangzhou.demo), Game Science's hold and BrainCo's subsidised lease. What is
 * there already (by code, by organisation) is kept, so a second run changes nothing.
 */
export async function seedSpaces(db: Db, adminEmail: string, seed = readSpacesSeed()): Promise<{ nodes: number; holds: number; leases: number }> {
  await seedPrograms(db, adminEmail, { ...readProgramsSeed(), programs: seed.programs });
  const hub = await findHub(db, seed.hub);
  const operator = await findUserByEmail(db, seed.operator);
  if (!operator) throw new Error(`demo account ${seed.operator} must exist: seed the accounts first`);
  const scope = { hub, actor: await loadActor(db, hub.id, operator.id) };
  const result = { nodes: 0, holds: 0, leases: 0 };
  const idOf = async (code: string) =>
    (
      await db
        .select({ id: spaceNodes.id })
        .from(spaceNodes)
        .where(and(eq(spaceNodes.hubId, hub.id), eq(spaceNodes.code, code)))
    )[0]?.id;

  const build = async (node: SeedNode, parentId: string | null): Promise<void> => {
    const { children = [], ...input } = node;
    let id = await idOf(input.code);
    if (!id) {
      id = (await withTransaction(db, (tx) => createSpaceNode(tx, scope, spaceNodeInputSchema.parse({ ...input, parentId }) as never))).id;
      result.nodes++;
    }
    for (const child of children) await build(child, id);
  };
  for (const park of seed.parks) await build(park, null);

  const orgId = async (name: string) => {
    const { rows } = await db.execute<{ id: string }>(sql`SELECT id FROM organizations WHERE hub_id = ${hub.id} AND name_en = ${name} LIMIT 1`);
    if (!rows[0]) throw new Error(`seed/spaces.json: no organisation "${name}" in ${hub.slug}: seed the organisations first`);
    return rows[0].id;
  };
  for (const h of seed.holds) {
    const organizationId = await orgId(h.organization);
    const [present] = await db
      .select({ id: spaceHolds.id })
      .from(spaceHolds)
      .where(and(eq(spaceHolds.hubId, hub.id), eq(spaceHolds.organizationId, organizationId)));
    if (present) continue;
    const nodeIds = await Promise.all(h.nodes.map(async (c) => (await idOf(c))!));
    await withTransaction(db, (tx) =>
      createSpaceHold(tx, scope, {
        organizationId,
        nodeIds,
        startsOn: h.startsOn,
        endsOn: h.endsOn,
        reason: h.reason,
        decidedBy: h.decidedBy,
        source: h.source,
      }),
    );
    result.holds++;
  }
  for (const l of seed.leases) {
    const organizationId = await orgId(l.organization);
    const [present] = await db
      .select({ id: spaceLeases.id })
      .from(spaceLeases)
      .where(and(eq(spaceLeases.hubId, hub.id), eq(spaceLeases.organizationId, organizationId)));
    if (present) continue;
    const nodeIds = await Promise.all(l.nodes.map(async (c) => (await idOf(c))!));
    const { rows } = await db.execute<{ program: string; monthly: string }>(sql`
      SELECT (SELECT id FROM programs WHERE hub_id = ${hub.id} AND name_en = ${l.program}) AS program,
             floor(sum(u.area_m2 * u.list_rent))::bigint::text AS monthly
      FROM space_nodes u WHERE u.hub_id = ${hub.id} AND u.kind = 'unit' AND (u.id = ANY(${sql.param(nodeIds)}::uuid[]) OR u.ancestors && ${sql.param(nodeIds)}::uuid[])`);
    const { program, monthly } = rows[0]!;
    await withTransaction(db, (tx) =>
      createLease(tx, scope, {
        organizationId,
        nodeIds,
        startsOn: l.startsOn,
        endsOn: l.endsOn,
        steps: [{ startsOn: l.startsOn, endsOn: l.endsOn, monthlyRent: monthly }],
        noticeDays: 90,
        staff: l.staff,
        programId: program,
      }),
    );
    result.leases++;
  }
  return result;
}
