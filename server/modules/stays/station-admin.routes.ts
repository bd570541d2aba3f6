import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { stationInputSchema, stationManagerInputSchema, stationSchema } from '../../../contracts/stays.js';
import { withTransaction } from '../../db/transaction.js';
import { findUserByEmail } from '../../platform/auth/users.js';
import { AppError } from '../../platform/errors.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { loadActor } from '../../platform/tenancy/tenancy.js';
import { assignStationManager, createStation } from './station-admin.service.js';
import { loadStation } from './stations.service.js';
import { presentStation } from './stays.presenters.js';

const tags = ['stays'];

/** Hub admins open stations and name who runs them. */
export const stationAdminRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/hubs/:hub/stays/stations',
      {
        schema: {
          operationId: 'createStayStation',
          description: 'Hub admins open a station with its rooms, beds, rules and calendar.',
          summary: 'Open a station with its rooms, beds, rules and calendar',
          tags,
          params: hubParamsSchema,
          body: stationInputSchema,
          response: { 201: stationSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const id = await withTransaction(deps.db, (tx) => createStation(tx, scope, request.body));
        return reply.status(201).send(presentStation(await loadStation(deps.db, scope, id)));
      },
    );

    app.post(
      '/api/hubs/:hub/stays/stations/:id/managers',
      {
        schema: {
          operationId: 'assignStationManager',
          description: 'Hub admins let a station manager of this hub run this station.',
          summary: 'Let a station manager of this hub run this station',
          tags,
          params: hubParamsSchema.extend({ id: z.uuid() }),
          body: stationManagerInputSchema,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const user = await findUserByEmail(deps.db, request.body.email);
        if (!user) throw new AppError('USER_NOT_FOUND', [{ path: 'email', code: 'NOT_IN_HUB' }]);
        const roles = (await loadActor(deps.db, scope.hub.id, user.id)).hubRoles;
        await withTransaction(deps.db, (tx) => assignStationManager(tx, scope, request.params.id, user.id, roles.includes('station_manager')));
        return reply.status(204).send(null);
      },
    );
  };
