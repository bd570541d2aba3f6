// The stays module's public face: routes, and what the jobs run (waitlist turns, no-shows).
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { registerPersonMove } from '../ecosystem/index.js';
import { frontDeskRoutes } from './front-desk.routes.js';
import { moveStays } from './person-move.js';
import { stationAdminRoutes } from './station-admin.routes.js';
import { stayRoutes } from './stays.routes.js';

export async function registerStayRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  registerPersonMove('stays', moveStays);
  await app.register(stayRoutes(deps));
  await app.register(frontDeskRoutes(deps));
  await app.register(stationAdminRoutes(deps));
}

export { offerFreedBeds, stationsWithWaitlist } from './waitlist.service.js';
export { releaseNoShows } from './front-desk.service.js';
export { stationAdminPolicy, stationPolicy, stayBookingPolicy } from './stays.policies.js';
export { stayOccupancySummary } from './occupancy-summary.js';
export { stayOccupancyTrend } from './occupancy-trend.js';
