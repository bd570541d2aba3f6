import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { capabilitiesRoutes } from './capabilities.routes.js';
import { hubSecurityRoutes } from './hub-security.routes.js';
import { hubAdminRoutes } from './hubs.routes.js';
import { staffRoutes } from './staff.routes.js';

// The hubs module's public face: opening hubs, their settings, their staff and roles,
// and what a person may do in a hub (capabilities).

export async function registerHubAdminRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(hubAdminRoutes(deps));
  await app.register(staffRoutes(deps));
  await app.register(hubSecurityRoutes(deps));
  await app.register(capabilitiesRoutes(deps));
}

export { inviteStaff, INVITATION_DAYS } from './invitations.service.js';
export { createHubAsOperator } from './hubs.service.js';
