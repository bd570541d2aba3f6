import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubInputSchema, hubParamsSchema, hubSchema, hubSettingsSchema } from '../../../contracts/hubs.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { findHub, forgetHubs, isOperator, presentHub } from '../../platform/tenancy/tenancy.js';
import { hubs } from '../../platform/tenancy/tenancy.tables.js';
import { createHubAsOperator, setArchived, updateHubSettings } from './hubs.service.js';
import { inviteStaff } from './invitations.service.js';

const tags = ['hubs'];

/** Operators open and archive hubs; a hub's admins change its settings. */
export const hubAdminRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/hubs',
      {
        schema: {
          operationId: 'createHub',
          summary: 'Open a hub (deployment operators only), inviting its first admin',
          description:
            'Slug, names, country, time zone, currency, language, fiscal year, working-day calendar, code (reference numbers and open-data ids) and technology share. With `firstAdminEmail`, a one-time invitation goes out by e-mail in the same transaction.',
          tags,
          body: hubInputSchema,
          response: { 201: hubSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = { userId: request.userId, hubRoles: [], operator: await isOperator(deps.db, request.userId) };
        await withTransaction(deps.db, async (tx) => {
          const id = await createHubAsOperator(tx, actor, request.body);
          if (!request.body.firstAdminEmail) return;
          const [hub] = await tx.select().from(hubs).where(eq(hubs.id, id));
          // The first admin reads the new hub's own language.
          const mail = { publicUrl: deps.config.publicUrl, locale: request.body.defaultLocale, perHour: deps.config.invitationsPerHour };
          await inviteStaff(tx, { hub: hub!, actor }, { email: request.body.firstAdminEmail, roles: ['hub_admin'] }, mail);
        });
        forgetHubs(deps.db);
        return reply.status(201).send(presentHub(await findHub(deps.db, request.body.slug)));
      },
    );

    app.put(
      '/api/hubs/:hub/settings',
      {
        schema: {
          operationId: 'updateHubSettings',
          description:
            'Hub admins change names, country, time zone, currency, language, fiscal year start, working-day calendar with holidays and make-up days, the hub code, the registered 360Giving prefix and the default technology share. The slug never changes. Audited.',
          summary: "Change the hub's settings (hub admins; the slug stays)",
          tags,
          params: hubParamsSchema,
          body: hubSettingsSchema,
          response: { 200: hubSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => updateHubSettings(tx, scope, request.body));
        forgetHubs(deps.db);
        return presentHub(await findHub(deps.db, request.params.hub));
      },
    );

    for (const archived of [true, false]) {
      app.route({
        method: archived ? 'POST' : 'DELETE',
        url: '/api/hubs/:hub/archive',
        config: { archivedWrites: true },
        schema: {
          operationId: archived ? 'archiveHub' : 'reopenHub',
          description: archived
            ? 'Deployment operators archive a hub: from then on every write under the hub answers 409 HUB_ARCHIVED; reading goes on. Nothing is deleted. Audited.'
            : 'Deployment operators reopen an archived hub; writes are accepted again. Audited.',
          summary: archived ? 'Archive a hub: read-only from now on, never deleted (operators)' : 'Reopen an archived hub (operators)',
          tags,
          params: hubParamsSchema,
          response: { 200: hubSchema, ...errorResponses },
        },
        handler: async (request) => {
          const { hub } = request.params as z.infer<typeof hubParamsSchema>;
          const scope = await hubScope(deps, request, hub);
          await withTransaction(deps.db, (tx) => setArchived(tx, scope, archived));
          forgetHubs(deps.db);
          return presentHub(await findHub(deps.db, hub));
        },
      });
    }
  };
