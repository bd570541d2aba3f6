import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { stationInputSchema, stationManagerInputSchema, stationSchema } from '../../../contracts/stays.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
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
          description:
            'Hub admins let a station manager of this hub run this station, named by e-mail. Anyone else is refused before the address is looked at; an address with no account and one that is not a station manager here both answer 404 `USER_NOT_FOUND` on `email`.',
          summary: 'Let a station manager of this hub run this station',
          tags,
          params: hubParamsSchema.extend({ id: z.uuid() }),
          body: stationManagerInputSchema,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => assignStationManager(tx, scope, request.params.id, request.body.email));
        return reply.status(204).send(null);
      },
    );
  };
