import { sql } from 'drizzle-orm';
import type { Lease, LeaseEndReason, SpaceHold, SpaceNode, SpaceRequest } from '../../../contracts/spaces.js';
import type { Db, Tx } from '../../db/connection.js';
import { localToday } from '../../platform/hub-time.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { applicantNames } from '../ecosystem/index.js';
import { programNames } from '../programs/index.js';
import type { HoldRow } from './holds.service.js';
import { daysBetween } from './rent-schedule.js';
import type { TreeNode } from './tree.service.js';
import type { LeaseRow } from './subsidy.service.js';
import { offerTerms, type OfferTerms } from './offer-terms.js';
import { queuePosition, type RequestRow } from './requests.service.js';

const m2 = (centi: bigint) => Number(centi) / 100;

export function presentNode(n: TreeNode): SpaceNode {
  return {
    id: n.id,
    parentId: n.parentId,
    parkId: n.parkId,
    kind: n.kind as SpaceNode['kind'],
    unitKind: n.unitKind as SpaceNode['unitKind'],
    code: n.code,
    name: { zh: n.nameZh, en: n.nameEn },
    areaM2: m2(n.totalCenti),
    seats: n.kind === 'unit' ? n.seats : n.totalSeats,
    features: n.features,
    listRent: n.listRent?.toString() ?? null,
    photos: n.photos,
    operates: n.operates,
  };
}

type NodeFacts = { id: string; code: string; kind: string; name_zh: string; name_en: string; photos: string[]; centi: string; monthly: string };

/**
 * Each node with the area of its units and what they rent for a month at list price (fen).
 * Summed as numeric and read as text, never cast to bigint: a rent from before the contract's
 * cap (`SPACE_LIMITS.listRentMax`) times a large area may pass a bigint, and must not make a read fail.
 */
async function nodeFacts(db: Db | Tx, hubId: string, ids: string[]): Promise<Map<string, NodeFacts>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.execute<NodeFacts>(sql`
    SELECT n.id, n.code, n.kind, n.name_zh, n.name_en, n.photos,
           coalesce(sum(round(u.area_m2 * 100)), 0)::bigint::text AS centi,
           coalesce(round(sum(u.area_m2 * u.list_rent)), 0)::text AS monthly
    FROM space_nodes n
    LEFT JOIN space_nodes u ON u.hub_id = n.hub_id AND u.kind = 'unit' AND (u.id = n.id OR n.id = ANY(u.ancestors))
    WHERE n.hub_id = ${hubId} AND n.id = ANY(${sql.param(ids)}::uuid[])
    GROUP BY n.hub_id, n.id`);
  return new Map(rows.map((r) => [r.id, r]));
}

const taken = (f: NodeFacts) => ({
  id: f.id,
  code: f.code,
  kind: f.kind as SpaceNode['kind'],
  name: { zh: f.name_zh, en: f.name_en },
  areaM2: m2(BigInt(f.centi)),
  photos: f.photos,
});

/** What holding costs the city: list rent × area × days (a month is 365/12 days), rounded down. */
export function holdCost(monthly: bigint, days: number): bigint {
  return days <= 0 ? 0n : (monthly * 12n * BigInt(days)) / 365n;
}

export async function presentHolds(db: Db | Tx, hub: HubRow, rows: HoldRow[], now = new Date()): Promise<SpaceHold[]> {
  const facts = await nodeFacts(db, hub.id, [...new Set(rows.flatMap((r) => r.nodeIds))]);
  const orgs = await applicantNames(db, hub.id, 'organization', [...new Set(rows.map((r) => r.organizationId))]);
  const today = localToday(hub.timeZone, now);
  return rows.map((r) => {
    const nodes = r.nodeIds.map((id) => facts.get(id)!).filter(Boolean);
    const monthly = nodes.reduce((a, f) => a + BigInt(f.monthly), 0n);
    const end = r.releasedOn ?? r.endsOn;
    const toDate = today < end ? today : end;
    return {
      id: r.id,
      ref: r.ref,
      organization: { id: r.organizationId, name: orgs.get(r.organizationId) ?? { zh: '', en: '' } },
      nodes: nodes.map(taken),
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      reason: r.reason,
      decidedBy: r.decidedBy,
      source: r.source,
      status: r.status as SpaceHold['status'],
      releasedOn: r.releasedOn,
      leaseId: r.leaseId,
      areaM2: m2(nodes.reduce((a, f) => a + BigInt(f.centi), 0n)),
      cost: { toDate: holdCost(monthly, daysBetween(r.startsOn, toDate)).toString(), toExpiry: holdCost(monthly, daysBetween(r.startsOn, end)).toString() },
    };
  });
}

export async function presentLeases(db: Db | Tx, hub: HubRow, rows: LeaseRow[]): Promise<Lease[]> {
  if (rows.length === 0) return [];
  const ids = sql.param(rows.map((r) => r.id));
  // One after another: `db` may be a transaction, one client that runs one query at a time.
  const facts = await nodeFacts(db, hub.id, [...new Set(rows.flatMap((r) => r.nodeIds))]);
  const orgs = await applicantNames(db, hub.id, 'organization', [...new Set(rows.map((r) => r.organizationId))]);
  const steps = await db.execute<{ lease_id: string; starts_on: string; ends_on: string; monthly_rent: string; monthly_subsidy: string }>(sql`
      SELECT lease_id, starts_on::text, ends_on::text, monthly_rent::text, monthly_subsidy::text FROM space_lease_steps
      WHERE hub_id = ${hub.id} AND lease_id = ANY(${ids}::uuid[]) ORDER BY lease_id, seq`);
  const paid = await db.execute<{ lease_id: string; paid: string }>(sql`
      SELECT lease_id, sum(amount)::text AS paid FROM space_subsidy_payments WHERE hub_id = ${hub.id} AND lease_id = ANY(${ids}::uuid[]) GROUP BY lease_id`);
  const programs = await programNames(db, hub.id, [...new Set(rows.flatMap((r) => (r.programId ? [r.programId] : [])))]);
  const paidOf = new Map(paid.rows.map((p) => [p.lease_id, p.paid]));
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    organization: { id: r.organizationId, name: orgs.get(r.organizationId) ?? { zh: '', en: '' } },
    nodes: r.nodeIds
      .map((id) => facts.get(id)!)
      .filter(Boolean)
      .map(taken),
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    status: r.status as Lease['status'],
    endedOn: r.endedOn,
    endReason: r.endReason as LeaseEndReason | null,
    noticeDays: r.noticeDays,
    staff: r.staff,
    areaM2: Number(r.areaM2),
    steps: steps.rows
      .filter((s) => s.lease_id === r.id)
      .map((s) => ({
        startsOn: s.starts_on,
        endsOn: s.ends_on,
        monthlyRent: s.monthly_rent,
        subsidyShare: s.monthly_subsidy,
        tenantShare: (BigInt(s.monthly_rent) - BigInt(s.monthly_subsidy)).toString(),
      })),
    subsidy: r.programId
      ? {
          programId: r.programId,
          program: programs.get(r.programId) ?? { zh: '', en: '' },
          committed: r.subsidyTotal.toString(),
          paid: paidOf.get(r.id) ?? '0',
          extension: r.extension as 'none',
        }
      : null,
    replacesId: r.replacesId,
    fromHoldId: r.fromHoldId,
    renewsId: r.renewsId,
  }));
}

export async function presentRequests(db: Db | Tx, hub: HubRow, rows: RequestRow[]): Promise<SpaceRequest[]> {
  if (rows.length === 0) return [];
  const orgs = await applicantNames(db, hub.id, 'organization', [...new Set(rows.map((r) => r.organizationId))]);
  const holdIds = rows.flatMap((r) => (r.status === 'offered' && r.holdId ? [r.holdId] : []));
  const { rows: holds } = holdIds.length
    ? await db.execute<{ id: string; node_ids: string[] }>(
        sql`SELECT id, node_ids FROM space_holds WHERE hub_id = ${hub.id} AND id = ANY(${sql.param(holdIds)}::uuid[])`,
      )
    : { rows: [] };
  const facts = await nodeFacts(db, hub.id, [...new Set(holds.flatMap((h) => h.node_ids))]);
  const programs = await programNames(db, hub.id, [...new Set(rows.flatMap((r) => (r.offerProgramId ? [r.offerProgramId] : [])))]);
  // One after another: `db` may be a transaction, one client that runs one query at a time.
  const positions: (number | null)[] = [];
  const terms: (OfferTerms | null)[] = [];
  for (const r of rows) {
    positions.push(await queuePosition(db, r));
    terms.push(r.status === 'offered' && r.holdId ? await offerTerms(db, hub, r) : null);
  }
  return rows.map((r, i) => {
    const hold = holds.find((h) => h.id === r.holdId);
    return {
      id: r.id,
      ref: r.ref,
      organization: { id: r.organizationId, name: orgs.get(r.organizationId) ?? { zh: '', en: '' } },
      areaM2: r.areaM2 === null ? null : Number(r.areaM2),
      seats: r.seats,
      startsOn: r.startsOn,
      months: r.months,
      features: r.features,
      parkId: r.parkId,
      status: r.status as SpaceRequest['status'],
      position: positions[i]!,
      offer:
        hold && r.offerExpiresAt
          ? {
              holdId: hold.id,
              nodes: hold.node_ids
                .map((id) => facts.get(id)!)
                .filter(Boolean)
                .map(taken),
              expiresAt: r.offerExpiresAt.toISOString(),
              program: r.offerProgramId ? { id: r.offerProgramId, name: programs.get(r.offerProgramId) ?? { zh: '', en: '' } } : null,
              staff: r.offerStaff,
              terms: terms[i] ?? null,
            }
          : null,
      leaseId: r.leaseId,
      createdAt: r.createdAt.toISOString(),
    };
  });
}
