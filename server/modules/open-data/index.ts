// The open-data module's public face: what the hub publishes about its money (issue 13).
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/http/deps.js';
import { hubDashboardRoutes } from './hub-dashboard.routes.js';
import { openDataRoutes } from './open-data.routes.js';
import { publicRoutes } from './public.routes.js';

export async function registerOpenDataRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(openDataRoutes(deps));
  await app.register(publicRoutes(deps));
  await app.register(hubDashboardRoutes(deps));
}
export { dashboardPolicy } from './dashboard.policies.js';
