import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HubRole, OrgRole } from '../../../contracts/auth.js';
import { meSchema } from '../../../contracts/auth.js';
import { apiErrorSchema } from '../../../contracts/errors.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { Deps } from '../../platform/http/deps.js';
import { listHubRows } from '../../platform/tenancy/tenancy.js';
import { hubRoleGrants } from '../../platform/tenancy/tenancy.tables.js';
import { listMembershipsOfUser } from './organizations.service.js';

/** Who am I: my account, my roles per hub, my organisations. */
export const meRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/me',
      { schema: { operationId: 'getMe', tags: ['account'], summary: 'The signed-in account', response: { 200: meSchema, 401: apiErrorSchema } } },
      async (request) => {
        const userId = request.userId!;
        const [user] = await deps.db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
        const grants = await deps.db.select({ hubId: hubRoleGrants.hubId, role: hubRoleGrants.role }).from(hubRoleGrants).where(eq(hubRoleGrants.userId, userId));
        const hubs = await listHubRows(deps.db);
        const slugOf = new Map(hubs.map((h) => [h.id, h.slug]));
        const roles = new Map<string, HubRole[]>();
        for (const g of grants) roles.set(slugOf.get(g.hubId)!, [...(roles.get(slugOf.get(g.hubId)!) ?? []), g.role as HubRole]);
        const orgs = await listMembershipsOfUser(deps.db, userId);
        return {
          user: user!,
          hubs: [...roles].map(([slug, r]) => ({ slug, roles: r.sort() })),
          organizations: orgs.map((o) => ({ hub: slugOf.get(o.hubId)!, id: o.id, name: { zh: o.nameZh, en: o.nameEn }, role: o.role as OrgRole })),
        };
      },
    );
  };
