import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { SpaceOccupancy } from '../../../contracts/spaces.js';
import type { Db } from '../../db/connection.js';
import { AppError, notFound } from '../../platform/errors.js';
import { localToday } from '../../platform/hub-time.js';
import { applicantNames } from '../ecosystem/index.js';
import { addDays } from './rent-schedule.js';
import { operatedParkIds, requirePark, type Scope } from './space-scope.js';

/** The parks the caller may look at: one asked for (404 when not theirs), or all of theirs. */
async function visibleParks(db: Db, scope: Scope, parkId?: string): Promise<string[] | null> {
  if (!scope.actor.userId) throw new AppError('UNAUTHENTICATED');
  const all = scope.actor.hubRoles.some((r) => r === 'hub_admin' || r === 'auditor');
  const operated = await operatedParkIds(db, scope);
  if (parkId) {
    if (!all && !operated.has(parkId)) throw notFound();
    await requirePark(db, scope.hub.id, parkId);
    return [parkId];
  }
  if (!all && operated.size === 0) throw new AppError('FORBIDDEN');
  return all ? null : [...operated];
}

const m2 = (centi: string | null) => Number(centi ?? 0) / 100;

/**
 * Leased / held / vacant m² per park and building on the first day of each month of
 * [from, to); the rent subsidy paid per company so far (every month paid, whatever the window:
 * the sum of its leases' "subsidy paid"), the m² it leases now and the subsidy per m² per month
 * on average over the months paid; and the leases and holds that end in the next 90 days.
 * One scan of units × months.
 */
export async function spaceOccupancy(
  db: Db,
  scope: Scope,
  q: { from: string; to: string; parkId?: string | undefined },
  now = new Date(),
): Promise<SpaceOccupancy> {
  const parks = await visibleParks(db, scope, q.parkId);
  const hub = scope.hub.id;
  const inParks = (col: string) => (parks ? sql`${sql.identifier(col)} = ANY(${sql.param(parks)}::uuid[])` : sql`true`);
  const { rows } = await db.execute<{ d: string; node: string; leased: string; held: string; total: string }>(sql`
    WITH months AS (
      SELECT generate_series(date_trunc('month', ${q.from}::date), ${q.to}::date - 1, interval '1 month')::date AS d
    ), units AS (
      SELECT id, park_id, ancestors, round(area_m2 * 100)::bigint AS centi FROM space_nodes
      WHERE hub_id = ${hub} AND kind = 'unit' AND ${inParks('park_id')}
    ), state AS (
      SELECT m.d, u.park_id, u.ancestors[2] AS building, u.centi,
        (SELECT c.holder_kind FROM space_claims c
         WHERE c.hub_id = ${hub} AND c.active AND c.whole AND (c.node_id = u.id OR c.node_id = ANY(u.ancestors))
           AND c.starts_on <= m.d AND m.d < c.ends_on LIMIT 1) AS kind
      FROM months m CROSS JOIN units u
    )
    SELECT d::text, coalesce(building, park_id)::text AS node,
           coalesce(sum(centi) FILTER (WHERE kind = 'lease'), 0)::text AS leased,
           coalesce(sum(centi) FILTER (WHERE kind = 'hold'), 0)::text AS held,
           sum(centi)::text AS total
    FROM state GROUP BY GROUPING SETS ((d, park_id), (d, park_id, building))
    HAVING building IS NOT NULL OR GROUPING(building) = 1
    ORDER BY 2, 1`);
  const months = [...new Set(rows.map((r) => r.d))].sort();
  const nodeIds = [...new Set(rows.map((r) => r.node))];
  const { rows: nodes } = await db.execute<{ id: string; code: string; kind: string; name_zh: string; name_en: string }>(sql`
    SELECT id, code, kind, name_zh, name_en FROM space_nodes WHERE hub_id = ${hub} AND id = ANY(${sql.param(nodeIds)}::uuid[]) ORDER BY cardinality(ancestors), code`);
  const series = nodes.map((n) => {
    const of = (d: string) => rows.find((r) => r.node === n.id && r.d === d);
    const total = (d: string) => m2(of(d)?.total ?? '0');
    return {
      node: { id: n.id, code: n.code, kind: n.kind as 'park', name: { zh: n.name_zh, en: n.name_en }, areaM2: total(months[0] ?? '') },
      leasedM2: months.map((d) => m2(of(d)?.leased ?? '0')),
      heldM2: months.map((d) => m2(of(d)?.held ?? '0')),
      vacantM2: months.map((d) => Math.round((total(d) - m2(of(d)?.leased ?? '0') - m2(of(d)?.held ?? '0')) * 100) / 100),
    };
  });

  // Every month paid so far, as each lease's "subsidy paid" counts it; and the m² those months
  // paid for, so paid / m²-months is the subsidy per m² per month on average.
  const { rows: paid } = await db.execute<{ org: string; paid: string; centi: string; centi_months: string }>(sql`
    SELECT l.organization_id AS org, sum(p.amount)::text AS paid,
           (SELECT coalesce(sum(round(x.area_m2 * 100)), 0)::bigint::text FROM space_leases x WHERE x.hub_id = l.hub_id AND x.organization_id = l.organization_id AND x.status = 'active') AS centi,
           sum(round(l.area_m2 * 100))::bigint::text AS centi_months
    FROM space_subsidy_payments p JOIN space_leases l ON l.hub_id = p.hub_id AND l.id = p.lease_id
    WHERE p.hub_id = ${hub} AND ${inParks('park_id')}
    GROUP BY l.hub_id, l.organization_id ORDER BY sum(p.amount) DESC, 1`);

  const today = localToday(scope.hub.timeZone, now);
  const { rows: expiring } = await db.execute<{ kind: 'lease' | 'hold'; id: string; ref: string; org: string; ends_on: string }>(sql`
    SELECT 'lease' AS kind, id, ref, organization_id AS org, ends_on::text FROM space_leases
      WHERE hub_id = ${hub} AND status = 'active' AND ends_on >= ${today} AND ends_on < ${addDays(today, 90)} AND ${inParks('park_id')}
    UNION ALL
    SELECT 'hold', id, ref, organization_id, ends_on::text FROM space_holds
      WHERE hub_id = ${hub} AND status = 'active' AND ends_on >= ${today} AND ends_on < ${addDays(today, 90)} AND ${inParks('park_id')}
    ORDER BY 5, 3`);
  const names = await applicantNames(db, hub, 'organization', [...new Set([...paid.map((p) => p.org), ...expiring.map((e) => e.org)])]);
  const org = (id: string) => ({ id, name: names.get(id) ?? { zh: '', en: '' } });
  return {
    months,
    series,
    subsidy: paid.map((p) => ({
      organization: org(p.org),
      paid: p.paid,
      areaM2: m2(p.centi),
      perM2: BigInt(p.centi_months) > 0n ? ((BigInt(p.paid) * 100n) / BigInt(p.centi_months)).toString() : '0',
    })),
    expiring: expiring.map((e) => ({ kind: e.kind, id: e.id, ref: e.ref, organization: org(e.org), endsOn: e.ends_on })),
  };
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The rent roll on a day: every lease running then, its units, rent and its split. Access first, then the writer. */
export async function rentRollExport(db: Db, scope: Scope, on: string, parkId?: string) {
  const parks = await visibleParks(db, scope, parkId);
  const { rows } = await db.execute<{
    ref: string;
    org: string;
    codes: string;
    area: string;
    starts_on: string;
    ends_on: string;
    rent: string;
    subsidy: string;
    program: string | null;
  }>(sql`
    SELECT l.ref, l.organization_id AS org, l.area_m2::text AS area, l.starts_on::text, l.ends_on::text,
           (SELECT string_agg(n.code, ' ' ORDER BY n.code) FROM space_nodes n WHERE n.hub_id = l.hub_id AND n.id = ANY(l.node_ids)) AS codes,
           coalesce(s.monthly_rent, 0)::text AS rent, coalesce(s.monthly_subsidy, 0)::text AS subsidy, l.program_id AS program
    FROM space_leases l
    LEFT JOIN space_lease_steps s ON s.hub_id = l.hub_id AND s.lease_id = l.id AND s.starts_on <= ${on} AND ${on} < s.ends_on
    WHERE l.hub_id = ${scope.hub.id} AND l.starts_on <= ${on} AND ${on} < l.ends_on AND l.status <> 'moved'
      AND ${parks ? sql`l.park_id = ANY(${sql.param(parks)}::uuid[])` : sql`true`}
    ORDER BY l.ref`);
  const names = await applicantNames(db, scope.hub.id, 'organization', [...new Set(rows.map((r) => r.org))]);
  return async (out: Writable) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet('rent roll');
    sheet.columns = [
      'lease',
      'tenant_zh',
      'tenant_en',
      'units',
      'area_m2',
      'starts_on',
      'ends_on',
      'monthly_rent_cny',
      'tenant_share_cny',
      'subsidy_share_cny',
      'subsidised',
    ].map((key) => ({ header: key, key }));
    const yuan = (fen: bigint) => Number(fen) / 100;
    for (const r of rows) {
      const name = names.get(r.org);
      sheet
        .addRow({
          lease: r.ref,
          tenant_zh: name?.zh ?? '',
          tenant_en: name?.en ?? '',
          units: r.codes,
          area_m2: Number(r.area),
          starts_on: r.starts_on,
          ends_on: r.ends_on,
          monthly_rent_cny: yuan(BigInt(r.rent)),
          tenant_share_cny: yuan(BigInt(r.rent) - BigInt(r.subsidy)),
          subsidy_share_cny: yuan(BigInt(r.subsidy)),
          subsidised: r.program ? 'yes' : 'no',
        })
        .commit();
    }
    sheet.commit();
    await workbook.commit();
  };
}
