import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { cursorPageOf } from '../../../contracts/pagination.js';
import { savedSimulationQuerySchema, savedSimulationSchema } from '../../../contracts/saved-simulations.js';
import { simulationInputSchema, simulationSchema } from '../../../contracts/simulation.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { listSavedSimulations, saveSimulation } from './saved-simulations.service.js';
import { simulateProgram } from './simulation.service.js';

const programParams = hubParamsSchema.extend({ id: z.uuid() });

/** Policy cost simulation: a what-if over the hub's ecosystem that writes nothing, and the runs officers keep. */
export const simulationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/hubs/:hub/programs/:id/simulation',
      {
        schema: {
          operationId: 'simulateProgram',
          description:
            'Program officers and hub admins. Runs draft rules (criteria and benefit) and the current version over every organisation (or person with an account) of the hub, as matching does: how many qualify, the cost against what the line has left under a take-up rate, by sector and size (or talent tier and degree), and who would gain or lose. Writes nothing.',
          summary: 'What if this program’s rules were these? (writes nothing)',
          tags: ['programs'],
          params: programParams,
          body: simulationInputSchema,
          response: { 200: simulationSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return simulateProgram(deps.db, scope, request.params.id, request.body);
      },
    );

    app.post(
      '/api/hubs/:hub/programs/:id/simulations',
      {
        schema: {
          operationId: 'saveSimulation',
          description:
            'Program officers and hub admins. Runs the simulation with these inputs (as `simulateProgram`) and keeps it, attached to the program version it was run for (the current one, which the draft is compared with); `sameRules` says whether the draft was that version unchanged.',
          summary: 'Keep a simulation run with the program version it was run for',
          tags: ['programs'],
          params: programParams,
          body: simulationInputSchema,
          response: { 201: savedSimulationSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return reply.code(201).send(await saveSimulation(deps.db, scope, request.params.id, request.body));
      },
    );

    app.get(
      '/api/hubs/:hub/programs/:id/simulations',
      {
        schema: {
          operationId: 'listSavedSimulations',
          description:
            'Hub staff. The simulations kept for a program, newest first, each with its version, who ran it and when; `version` keeps one version’s.',
          summary: 'Simulations kept for a program, per version',
          tags: ['programs'],
          params: programParams,
          querystring: savedSimulationQuerySchema,
          response: { 200: cursorPageOf(savedSimulationSchema), ...errorResponses },
        },
      },
      async (request) => listSavedSimulations(deps.db, await hubScope(deps, request, request.params.hub), request.params.id, request.query),
    );
  };
