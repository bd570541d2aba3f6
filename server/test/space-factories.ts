import { sql } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { withTransaction } from '../db/transaction.js';
import { programDraftSchema } from '../../contracts/applications.js';
import { rentProgramDraft } from '../../contracts/test-fixtures/rent-programs.js';
import { createProgram, publishProgram } from '../modules/programs/programs.service.js';
import { createLease } from '../modules/spaces/leases.service.js';
import { uuidv7 } from '../platform/ids.js';
import { ledgerTx } from './budget-factories.js';
import type { HubRow } from '../platform/tenancy/tenancy.js';

export type TestPark = { parkId: string; buildings: { id: string; floors: { id: string; units: string[] }[] }[]; units: string[] };

/**
 * A park of `buildings` buildings × `floors` floors × `units` units (100 m², CNY 60 a m² a
 * month, 10 seats), written in bulk; codes are unique in the hub.
 */
export async function spacePark(db: Db, hub: HubRow, shape: { buildings?: number; floors?: number; units?: number } = {}): Promise<TestPark> {
  const { buildings = 2, floors = 2, units = 3 } = shape;
  const parkId = uuidv7();
  const tag = parkId.slice(-6).toUpperCase();
  const rows: { id: string; parent: string | null; ancestors: string[]; kind: string; code: string }[] = [
    { id: parkId, parent: null, ancestors: [], kind: 'park', code: `P${tag}` },
  ];
  const park: TestPark = { parkId, buildings: [], units: [] };
  for (let b = 0; b < buildings; b++) {
    const bid = uuidv7();
    rows.push({ id: bid, parent: parkId, ancestors: [parkId], kind: 'building', code: `P${tag}-B${b}` });
    const building = { id: bid, floors: [] as { id: string; units: string[] }[] };
    for (let f = 0; f < floors; f++) {
      const fid = uuidv7();
      rows.push({ id: fid, parent: bid, ancestors: [parkId, bid], kind: 'floor', code: `P${tag}-B${b}-F${f}` });
      const floor = { id: fid, units: [] as string[] };
      for (let u = 0; u < units; u++) {
        const uid = uuidv7();
        rows.push({ id: uid, parent: fid, ancestors: [parkId, bid, fid], kind: 'unit', code: `P${tag}-B${b}-F${f}-U${u}` });
        floor.units.push(uid);
        park.units.push(uid);
      }
      building.floors.push(floor);
    }
    park.buildings.push(building);
  }
  await db.execute(sql`
    INSERT INTO space_nodes (hub_id, id, parent_id, park_id, ancestors, kind, unit_kind, code, name_zh, name_en, area_m2, seats, list_rent)
    SELECT ${hub.id}, r.id, r.parent, ${parkId}, r.ancestors, r.kind,
           CASE WHEN r.kind = 'unit' THEN 'office' END, r.code, r.code, r.code,
           CASE WHEN r.kind = 'unit' THEN 100 END, CASE WHEN r.kind = 'unit' THEN 10 ELSE 0 END, CASE WHEN r.kind = 'unit' THEN 6000 END
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, parent uuid, ancestors uuid[], kind text, code text)
    ORDER BY cardinality(r.ancestors)`);
  return park;
}

/** `n` organisations of the hub (startups founded a year ago), with no members. */
export async function spaceOrgs(db: Db, hub: HubRow, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => uuidv7());
  await db.execute(sql`
    INSERT INTO organizations (hub_id, id, kind, name_zh, name_en, uscc, founded_on, sectors, headcount)
    SELECT ${hub.id}, id, 'startup', '企业' || ord, 'Company ' || ord, 'T' || substr(replace(id::text, '-', ''), 15, 17), current_date - 365, '{ai}', 8
    FROM unnest(${sql.param(ids)}::uuid[]) WITH ORDINALITY AS t(id, ord)`);
  return ids;
}

/** Makes a user operate a park. */
export async function operatePark(db: Db, hub: HubRow, parkId: string, userId: string): Promise<void> {
  await db.execute(sql`INSERT INTO space_park_operators (hub_id, park_id, user_id) VALUES (${hub.id}, ${parkId}, ${userId})`);
}

export const operatorScope = (hub: HubRow) => ({ hub, actor: { userId: null, hubRoles: ['hub_admin' as const] } });

/**
 * A lease signed under a rent-subsidy program, as an operator signs it at noon in Hangzhou on
 * its first day: `units` for one rent step [startsOn, endsOn) at `monthlyRent` (fen), 90 days'
 * notice. Signing commits the subsidy and pays the months begun.
 */
export async function signSubsidisedLease(
  db: Db,
  hub: HubRow,
  lease: { programId: string; organizationId: string; units: string[]; startsOn: string; endsOn: string; monthlyRent: string },
) {
  const { programId, organizationId, units, startsOn, endsOn, monthlyRent } = lease;
  return withTransaction(
    db,
    (tx) =>
      createLease(
        tx,
        operatorScope(hub),
        { organizationId, nodeIds: units, startsOn, endsOn, steps: [{ startsOn, endsOn, monthlyRent }], noticeDays: 90, staff: null, programId },
        new Date(`${startsOn}T04:00:00Z`),
      ),
    ledgerTx,
  );
}

/** A rent-subsidy program of these rules, published in the hub (the caller funds its budget line): its id. */
export async function publishedRentProgram(db: Db, hub: HubRow, name: string, rules: Parameters<typeof rentProgramDraft>[1]): Promise<string> {
  const officer = { hub, actor: { userId: null, hubRoles: ['program_officer' as const, 'hub_admin' as const] } };
  return withTransaction(db, async (tx) => {
    const p = await createProgram(tx, officer, programDraftSchema.parse(rentProgramDraft(name, rules)));
    await publishProgram(tx, officer, p.id);
    return p.id;
  });
}
