import { and, eq } from 'drizzle-orm';
import type { StationInput } from '../../../contracts/stays.js';
import type { Tx } from '../../db/connection.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { findUserByEmail } from '../../platform/auth/users.js';
import { AppError } from '../../platform/errors.js';
import { assertDistrict } from '../ecosystem/index.js';
import { uuidv7 } from '../../platform/ids.js';
import { loadActor } from '../../platform/tenancy/tenancy.js';
import type { Scope } from './stations.service.js';
import { stationAdminPolicy } from './stays.policies.js';
import { stayBeds, stayBlackouts, stayRooms, stayStationManagers, stayStations } from './stays.tables.js';

export type { StationInput };

/** Opens a station with its rooms and beds, its calendar and blackout days. */
export async function createStation(tx: Tx, scope: Scope, input: StationInput): Promise<string> {
  stationAdminPolicy.authorize(scope.actor, 'create', null);
  assertDistrict(scope.hub, input.district);
  const hubId = scope.hub.id;
  const id = uuidv7();
  await tx.insert(stayStations).values({
    hubId,
    id,
    nameZh: input.name.zh,
    nameEn: input.name.en,
    addressZh: input.address.zh,
    addressEn: input.address.en,
    district: input.district,
    photos: input.photos,
    ...input.rules,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
  });
  for (const room of input.rooms) {
    const roomId = uuidv7();
    await tx.insert(stayRooms).values({ hubId, id: roomId, stationId: id, name: room.name });
    await tx
      .insert(stayBeds)
      .values(Array.from({ length: room.beds }, (_, i) => ({ hubId, id: uuidv7(), stationId: id, roomId, label: `${room.name}-${i + 1}` })));
  }
  if (input.blackouts.length) await tx.insert(stayBlackouts).values(input.blackouts.map((b) => ({ hubId, id: uuidv7(), stationId: id, ...b })));
  await recordAudit(tx, {
    hubId,
    actorId: scope.actor.userId,
    action: 'stay.station_created',
    subjectType: 'stay_station',
    subjectId: id,
    payload: { beds: input.rooms.reduce((n, r) => n + r.beds, 0) },
  });
  return id;
}

/**
 * Makes the account with this e-mail address, which must hold the station_manager role here,
 * a manager of a station. Hub admins only, refused before the address is looked at; an
 * address with no account and one whose account is not a station manager here answer alike
 * (404 USER_NOT_FOUND on `email`), so the answer tells nobody whether an account uses it.
 */
export async function assignStationManager(tx: Tx, scope: Scope, stationId: string, email: string): Promise<void> {
  stationAdminPolicy.authorize(scope.actor, 'create', null);
  const [station] = await tx
    .select({ id: stayStations.id })
    .from(stayStations)
    .where(and(eq(stayStations.hubId, scope.hub.id), eq(stayStations.id, stationId)));
  if (!station) throw new AppError('NOT_FOUND');
  const user = await findUserByEmail(tx, email);
  const roles = user ? (await loadActor(tx, scope.hub.id, user.id)).hubRoles : [];
  if (!user || !roles.includes('station_manager')) throw new AppError('USER_NOT_FOUND', [{ path: 'email', code: 'NOT_IN_HUB' }]);
  const userId = user.id;
  const added = await tx.insert(stayStationManagers).values({ hubId: scope.hub.id, stationId, userId }).onConflictDoNothing().returning();
  if (added.length)
    await recordAudit(tx, {
      hubId: scope.hub.id,
      actorId: scope.actor.userId,
      action: 'stay.manager_assigned',
      subjectType: 'stay_station',
      subjectId: stationId,
      payload: { user: userId },
    });
}
