import { and, eq, inArray } from 'drizzle-orm';
import type { ComputeFlavor, ComputePool, ComputeRequest, ComputeUsageRecord, Priority } from '../../../contracts/compute.js';
import type { Db, Tx } from '../../db/connection.js';
import { applicantNames } from '../ecosystem/index.js';
import { computeFlavors, computePools, computeRequests } from './compute.tables.js';
import type { FlavorRow, PoolRow } from './pools.service.js';
import { statusOf, type RequestRow } from './requests.service.js';
import type { UsageRow } from './usage.service.js';

const unnamed = { zh: '—', en: '—' };

export function presentFlavor(f: FlavorRow, pool: PoolRow, provider: { zh: string; en: string }): ComputeFlavor {
  return {
    id: f.id,
    poolId: pool.id,
    pool: { zh: pool.nameZh, en: pool.nameEn },
    provider: { id: pool.providerId, name: provider },
    code: f.code,
    model: f.model,
    vendor: f.vendor as ComputeFlavor['vendor'],
    domestic: f.domestic,
    gpuMemoryGib: f.gpuMemoryGib,
    cpuPerGpu: f.cpuPerGpu,
    memoryGibPerGpu: f.memoryGibPerGpu,
    gpus: f.gpus,
    pricePerGpuHour: f.pricePerGpuHour.toString(),
  };
}

export async function presentFlavors(db: Db | Tx, hubId: string, rows: { flavor: FlavorRow; pool: PoolRow }[]): Promise<ComputeFlavor[]> {
  const names = await applicantNames(db, hubId, 'organization', [...new Set(rows.map((r) => r.pool.providerId))]);
  return rows.map((r) => presentFlavor(r.flavor, r.pool, names.get(r.pool.providerId) ?? unnamed));
}

export async function presentPool(db: Db | Tx, hubId: string, pool: PoolRow, flavors: FlavorRow[]): Promise<ComputePool> {
  const names = await applicantNames(db, hubId, 'organization', [pool.providerId]);
  const provider = names.get(pool.providerId) ?? unnamed;
  return {
    id: pool.id,
    name: { zh: pool.nameZh, en: pool.nameEn },
    region: pool.region,
    provider: { id: pool.providerId, name: provider },
    flavors: flavors.map((f) => presentFlavor(f, pool, provider)),
  };
}

async function flavorNames(db: Db | Tx, hubId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; model: string; domestic: boolean; zh: string; en: string }>();
  const rows = await db
    .select({ id: computeFlavors.id, model: computeFlavors.model, domestic: computeFlavors.domestic, zh: computePools.nameZh, en: computePools.nameEn })
    .from(computeFlavors)
    .innerJoin(computePools, and(eq(computePools.hubId, computeFlavors.hubId), eq(computePools.id, computeFlavors.poolId)))
    .where(and(eq(computeFlavors.hubId, hubId), inArray(computeFlavors.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function presentRequests(db: Db | Tx, hubId: string, rows: RequestRow[], now = new Date()): Promise<ComputeRequest[]> {
  const orgs = await applicantNames(db, hubId, 'organization', [...new Set(rows.map((r) => r.organizationId))]);
  const flavors = await flavorNames(db, hubId, [...new Set(rows.flatMap((r) => (r.flavorId ? [r.flavorId] : [])))]);
  return rows.map((r) => {
    const f = r.flavorId ? flavors.get(r.flavorId) : undefined;
    return {
      id: r.id,
      reference: r.reference,
      organization: { id: r.organizationId, name: orgs.get(r.organizationId) ?? unnamed },
      flavorRequested: r.flavorRequested,
      flavor: f ? { id: f.id, model: f.model, pool: { zh: f.zh, en: f.en }, domestic: f.domestic } : null,
      gpus: r.gpus,
      hours: r.hours,
      priority: r.priority as Priority,
      status: statusOf(r, now),
      earliestStart: r.earliestStart.toISOString(),
      deadline: r.deadline.toISOString(),
      start: r.startAt?.toISOString() ?? null,
      end: r.endAt?.toISOString() ?? null,
      borrowed: r.borrowed,
      refusal: (r.refusal as ComputeRequest['refusal']) ?? null,
      voucherHeld: r.voucherHeld.toString(),
      submittedAt: r.submittedAt.toISOString(),
    };
  });
}

export async function presentUsage(db: Db | Tx, hubId: string, rows: UsageRow[]): Promise<ComputeUsageRecord[]> {
  const orgs = await applicantNames(db, hubId, 'organization', [...new Set(rows.map((r) => r.organizationId))]);
  const flavors = await flavorNames(db, hubId, [...new Set(rows.map((r) => r.flavorId))]);
  const requestIds = [...new Set(rows.map((r) => r.requestId))];
  const refs = requestIds.length
    ? await db
        .select({ id: computeRequests.id, reference: computeRequests.reference })
        .from(computeRequests)
        .where(and(eq(computeRequests.hubId, hubId), inArray(computeRequests.id, requestIds)))
    : [];
  const refOf = new Map(refs.map((r) => [r.id, r.reference]));
  const recordOf = new Map(rows.map((r) => [r.id, r.recordId]));
  return rows.map((r) => ({
    id: r.id,
    recordId: r.recordId,
    requestReference: refOf.get(r.requestId) ?? '',
    organization: { id: r.organizationId, name: orgs.get(r.organizationId) ?? unnamed },
    flavor: { id: r.flavorId, model: flavors.get(r.flavorId)?.model ?? '' },
    gpuHours: r.gpuHours,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt.toISOString(),
    cost: r.cost.toString(),
    voucherPaid: r.voucherPaid.toString(),
    corrects: r.correctsId ? (recordOf.get(r.correctsId) ?? r.correctsId) : null,
  }));
}
