import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HubRole, OrgRole } from '../../../contracts/auth.js';
import { meSchema } from '../../../contracts/auth.js';
import { apiErrorSchema } from '../../../contracts/errors.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { Deps } from '../../platform/http/deps.js';
import { isOperator } from '../../platform/tenancy/tenancy.js';
import { hubRoleGrants, hubs as hubRows, hubSuspensions } from '../../platform/tenancy/tenancy.tables.js';
import { listMembershipsOfUser } from './organizations.service.js';

/** Who am I: my account, my roles per hub, my organisations. */
export const meRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/me',
      {
        schema: {
          operationId: 'getMe',
          description: 'The signed-in account: id, name, e-mail, roles per hub and organisations. 401 when not signed in.',
          tags: ['account'],
          summary: 'The signed-in account',
          response: { 200: meSchema, 401: apiErrorSchema },
        },
      },
      async (request) => {
        const userId = request.userId!;
        const [user] = await deps.db
          .select({ id: users.id, email: users.email, name: users.name, emailVerified: users.emailVerified })
          .from(users)
          .where(eq(users.id, userId));
        // Named by hub: on Citus, by user alone would visit every shard. Read fresh (a small
        // reference table), so a hub opened a moment ago by another process counts.
        const hubs = await deps.db.select({ id: hubRows.id, slug: hubRows.slug }).from(hubRows);
        const hubIds = hubs.map((h) => h.id);
        // Roles of a hub where the account is suspended do not count.
        const grants = await deps.db
          .select({ hubId: hubRoleGrants.hubId, role: hubRoleGrants.role })
          .from(hubRoleGrants)
          .leftJoin(hubSuspensions, and(eq(hubSuspensions.hubId, hubRoleGrants.hubId), eq(hubSuspensions.userId, hubRoleGrants.userId)))
          .where(and(inArray(hubRoleGrants.hubId, hubIds), eq(hubRoleGrants.userId, userId), isNull(hubSuspensions.userId)));
        const slugOf = new Map(hubs.map((h) => [h.id, h.slug]));
        const roles = new Map<string, HubRole[]>();
        for (const g of grants) roles.set(slugOf.get(g.hubId)!, [...(roles.get(slugOf.get(g.hubId)!) ?? []), g.role as HubRole]);
        const orgs = await listMembershipsOfUser(deps.db, userId, hubIds);
        return {
          user: user!,
          operator: await isOperator(deps.db, userId),
          hubs: [...roles].map(([slug, r]) => ({ slug, roles: r.sort() })),
          organizations: orgs.map((o) => ({ hub: slugOf.get(o.hubId)!, id: o.id, name: { zh: o.nameZh, en: o.nameEn }, role: o.role as OrgRole })),
        };
      },
    );
  };
