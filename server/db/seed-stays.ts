import { and, eq, sql } from 'drizzle-orm';
import { stationInputSchema } from '../../contracts/stays.js';
import { findUserByEmail } from '../platform/auth/users.js';
import { findHub, loadActor } from '../platform/tenancy/tenancy.js';
import { assignStationManager, createStation, type StationInput } from '../modules/stays/station-admin.service.js';
import { stayStations } from '../modules/stays/stays.tables.js';
import { saveTalentCatalogue, type CatalogueClass } from '../modules/talent/index.js';
import type { Db } from './connection.js';
import { withTransaction } from './transaction.js';
import { readSeed } from './demo-year.js';

export type StaysSeed = { hub: string; manager: string; stations: StationInput[]; talentCatalogue: CatalogueClass[] };

/** seed/stays.json, its dates and years moved to the year the seed runs in (demo-year.ts). */
export function readStaysSeed(now = new Date()): StaysSeed {
  return readSeed<StaysSeed>('stays.json', now);
}

/**
 * The demo hub's youth stations (managed by the demo station manager) and its talent
 * catalogue, through the services, as the hub admin. A station already there (by English
 * name) is kept, so a second run changes nothing.
 */
export async function seedStays(db: Db, adminEmail: string, seed = readStaysSeed()): Promise<{ stations: number }> {
  const hub = await findHub(db, seed.hub);
  const admin = await findUserByEmail(db, adminEmail);
  const manager = await findUserByEmail(db, seed.manager);
  if (!admin || !manager) throw new Error(`demo accounts ${adminEmail} and ${seed.manager} must exist: seed the accounts first`);
  const scope = { hub, actor: await loadActor(db, hub.id, admin.id) };
  let stations = 0;
  for (const station of seed.stations) {
    await withTransaction(db, async (tx) => {
      const [present] = await tx
        .select({ id: stayStations.id })
        .from(stayStations)
        .where(and(eq(stayStations.hubId, hub.id), eq(stayStations.nameEn, station.name.en)));
      const id = present?.id ?? (await createStation(tx, scope, stationInputSchema.parse(station)));
      if (!present) stations++;
      await assignStationManager(tx, scope, id, manager.email);
    });
  }
  await withTransaction(db, async (tx) => {
    const { rows } = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM talent_catalogue WHERE hub_id = ${hub.id}`);
    if (rows[0]!.n === 0) await saveTalentCatalogue(tx, scope, seed.talentCatalogue);
  });
  return { stations };
}
