import { and, count, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { capabilitiesSchema } from '../../../contracts/capabilities.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { hubRoleGrants } from '../../platform/tenancy/tenancy.tables.js';
import { capabilitiesOf } from './capabilities.service.js';

/** What the caller may do in a hub, per the server's policies (the web's menus follow it). */
export const capabilitiesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/capabilities',
      {
        config: { public: true },
        schema: {
          operationId: 'getCapabilities',
          summary: "The caller's roles, sections and allowed actions in this hub",
          description:
            'A role granted, revoked or suspended through this server counts from the next request; through another server of the same database within 3 seconds.',
          tags: ['account'],
          params: hubParamsSchema,
          response: { 200: capabilitiesSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const granted = request.userId
          ? ((
              await deps.db
                .select({ n: count() })
                .from(hubRoleGrants)
                .where(and(eq(hubRoleGrants.hubId, scope.hub.id), eq(hubRoleGrants.userId, request.userId)))
            )[0]?.n ?? 0)
          : 0;
        return { ...(await capabilitiesOf(deps.db, scope.hub, scope.actor, granted)), mustEnrolTwoFactor: request.sessionActor?.mustEnrol ?? false };
      },
    );
  };
