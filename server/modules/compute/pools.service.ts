import { and, asc, eq, sql } from 'drizzle-orm';
import { COMPUTE_LIMITS, type PoolInput } from '../../../contracts/compute.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { after, readCursor } from '../../platform/pagination.js';
import type { Actor } from '../../platform/policies.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { requireOrganization } from '../ecosystem/index.js';
import { computeAdminPolicy, flavorPolicy } from './compute.policies.js';
import { capacityHours, hourStart } from './capacity-hours.js';
import { computeFlavors, computePools } from './compute.tables.js';
import { hourCeil, hourOf, HOUR_MS } from './hours.js';

export type Scope = { hub: HubRow; actor: Actor };
export type PoolRow = typeof computePools.$inferSelect;
export type FlavorRow = typeof computeFlavors.$inferSelect;

/**
 * A provider's pool with its flavors; capacity rows for every hour of the planning
 * horizon are written at once (maintenance windows take GPUs out of their hours). Later
 * hours get their rows when a round needs them (`ensureSlots`, full capacity), so every
 * hour of a maintenance window gets its row here, however far ahead, already lowered:
 * the rows are where maintenance is kept, and a row is never written twice. A window
 * lasts at most `COMPUTE_LIMITS.maintenanceDays` (90 days: 2,160 rows) and ends at most
 * `COMPUTE_LIMITS.maintenanceAheadDays` (a year) from now, a 400 `TOO_BIG` under its `to`
 * otherwise: whatever the windows, a flavor's rows lie within 31 days back and a year
 * ahead (about 9,500 rows a flavor).
 */
export async function createComputePool(tx: Tx, scope: Scope, input: PoolInput, now = new Date()): Promise<{ pool: PoolRow; flavors: FlavorRow[] }> {
  computeAdminPolicy.authorize(scope.actor, 'manage', {});
  const hubId = scope.hub.id;
  await requireOrganization(tx, hubId, input.providerId, 'providerId');
  const codes = input.flavors.map((f) => f.code);
  const dup = codes.findIndex((c, i) => codes.indexOf(c) !== i);
  if (dup >= 0) throw new AppError('VALIDATION_FAILED', [{ path: `flavors.${dup}.code`, code: 'INVALID' }]);
  input.maintenance.forEach((m, i) => {
    if (!codes.includes(m.flavorCode)) throw new AppError('VALIDATION_FAILED', [{ path: `maintenance.${i}.flavorCode`, code: 'INVALID_OPTION' }]);
    if (Date.parse(m.to) <= Date.parse(m.from)) throw new AppError('VALIDATION_FAILED', [{ path: `maintenance.${i}.to`, code: 'ENDS_BEFORE_START' }]);
    if (Date.parse(m.to) - Date.parse(m.from) > COMPUTE_LIMITS.maintenanceDays * 24 * HOUR_MS)
      throw new AppError('VALIDATION_FAILED', [
        { path: `maintenance.${i}.to`, code: 'TOO_BIG', detail: `at most ${COMPUTE_LIMITS.maintenanceDays} days after from` },
      ]);
    if (Date.parse(m.to) > now.getTime() + COMPUTE_LIMITS.maintenanceAheadDays * 24 * HOUR_MS)
      throw new AppError('VALIDATION_FAILED', [
        { path: `maintenance.${i}.to`, code: 'TOO_BIG', detail: `at most ${COMPUTE_LIMITS.maintenanceAheadDays} days from now` },
      ]);
  });
  const [pool] = await tx
    .insert(computePools)
    .values({ hubId, id: uuidv7(), providerId: input.providerId, nameZh: input.name.zh, nameEn: input.name.en, region: input.region })
    .returning();
  const flavors = await tx
    .insert(computeFlavors)
    .values(
      input.flavors.map((f) => ({
        hubId,
        id: uuidv7(),
        poolId: pool!.id,
        code: f.code,
        model: f.model,
        vendor: f.vendor,
        domestic: f.domestic,
        gpuMemoryGib: f.gpuMemoryGib,
        cpuPerGpu: f.cpuPerGpu,
        memoryGibPerGpu: f.memoryGibPerGpu,
        gpus: f.gpus,
        pricePerGpuHour: BigInt(f.pricePerGpuHour),
      })),
    )
    .returning();
  const from = hourOf(now);
  const past = from - 24 * 31;
  for (const f of flavors) {
    await ensureFlavorSlots(tx, hubId, f, past, from + COMPUTE_LIMITS.horizonHours + 24);
    for (const m of input.maintenance.filter((x) => x.flavorCode === f.code)) {
      // The window's hours as the UPDATE below takes them: [the hour `from` falls in, `to`).
      await ensureFlavorSlots(tx, hubId, f, Math.max(past, hourOf(new Date(m.from))), hourCeil(new Date(m.to)));
      await tx.execute(sql`
        UPDATE compute_slots SET capacity = greatest(0, capacity - ${m.gpusOut})
        WHERE hub_id = ${hubId} AND flavor_id = ${f.id} AND hour >= date_trunc('hour', ${m.from}::timestamptz) AND hour < ${m.to}::timestamptz`);
    }
  }
  await recordAudit(tx, {
    hubId,
    actorId: scope.actor.userId,
    action: 'compute.pool_created',
    subjectType: 'compute_pool',
    subjectId: pool!.id,
    payload: { provider: input.providerId, flavors: flavors.map((f) => ({ id: f.id, code: f.code, gpus: f.gpus })) },
  });
  return { pool: pool!, flavors };
}

/** One flavor's capacity rows for hours [fromHour, toHour) that do not exist yet (one statement). */
async function ensureFlavorSlots(tx: Tx, hubId: string, flavor: Pick<FlavorRow, 'id' | 'gpus'>, fromHour: number, toHour: number): Promise<void> {
  if (toHour <= fromHour) return;
  await tx.execute(sql`
    INSERT INTO compute_slots (hub_id, flavor_id, hour, capacity)
    SELECT ${hubId}, ${flavor.id}, h, ${flavor.gpus}
    FROM generate_series(${new Date(fromHour * HOUR_MS).toISOString()}::timestamptz, ${new Date((toHour - 1) * HOUR_MS).toISOString()}::timestamptz, interval '1 hour') AS h
    ON CONFLICT DO NOTHING`);
}

/**
 * Capacity rows of every flavor of the hub for hours [fromHour, toHour): the rows missing
 * get the flavor's GPUs in service; rows that exist (reserved hours, maintenance windows,
 * which pool creation writes in full) are left as they are. Run before each admission
 * round for the hours it plans, so a pool keeps admitting however long after its
 * creation. Usually every row is there: one count per flavor over its key says so, and
 * only a flavor short of rows is written.
 */
export async function ensureSlots(tx: Tx, hubId: string, fromHour: number, toHour: number): Promise<void> {
  if (toHour <= fromHour) return;
  const short = await tx.execute<{ id: string; gpus: number }>(sql`
    SELECT f.id, f.gpus FROM compute_flavors f
    WHERE f.hub_id = ${hubId} AND (
      SELECT count(*) FROM compute_slots s
      WHERE s.hub_id = f.hub_id AND s.flavor_id = f.id
        AND s.hour >= ${new Date(fromHour * HOUR_MS).toISOString()}::timestamptz AND s.hour < ${new Date(toHour * HOUR_MS).toISOString()}::timestamptz
    ) < ${toHour - fromHour}`);
  for (const flavor of short.rows) await ensureFlavorSlots(tx, hubId, flavor, fromHour, toHour);
}

/** The hub's flavors with their pools, paged by flavor id. */
export async function listComputeFlavors(db: Db | Tx, scope: Scope, page: { limit: number; next?: string }) {
  flavorPolicy.authorize(scope.actor, 'read', {});
  const key = readCursor(page.next, 1);
  return db
    .select({ flavor: computeFlavors, pool: computePools })
    .from(computeFlavors)
    .innerJoin(computePools, and(eq(computePools.hubId, computeFlavors.hubId), eq(computePools.id, computeFlavors.poolId)))
    .where(and(eq(computeFlavors.hubId, scope.hub.id), key ? after([computeFlavors.id], key) : undefined))
    .orderBy(asc(computeFlavors.id))
    .limit(page.limit + 1);
}

export async function flavorsOf(db: Db | Tx, hubId: string) {
  return db
    .select({ flavor: computeFlavors, pool: computePools })
    .from(computeFlavors)
    .innerJoin(computePools, and(eq(computePools.hubId, computeFlavors.hubId), eq(computePools.id, computeFlavors.poolId)))
    .where(eq(computeFlavors.hubId, hubId));
}

/**
 * Capacity per flavor per hour for [fromHour, toHour), index 0 = fromHour, read as every
 * capacity read is (`capacityHours`: an hour without its row is the flavor's GPUs in
 * service, the row `ensureSlots` would make), so the fair-share page of an idle pool sees
 * its real capacity and writes nothing.
 */
export async function capacityOf(db: Db | Tx, hubId: string, fromHour: number, toHour: number): Promise<Record<string, number[]>> {
  const { rows } = await db.execute<{ flavor_id: string; at: number; capacity: number }>(sql`
    SELECT c.flavor_id, (extract(epoch FROM c.hour) / 3600)::int - ${fromHour}::int AS at, c.capacity
    FROM ${capacityHours(hubId, hourStart(fromHour), hourStart(toHour))} c`);
  const out: Record<string, number[]> = {};
  for (const r of rows) (out[r.flavor_id] ??= new Array<number>(toHour - fromHour).fill(0))[r.at] = r.capacity;
  return out;
}
