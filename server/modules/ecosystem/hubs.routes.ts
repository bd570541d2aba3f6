import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../contracts/errors.js';
import { hubParamsSchema, hubSchema } from '../../../contracts/hubs.js';
import type { Deps } from '../../platform/http/deps.js';
import { findHub, listHubRows, presentHub } from '../../platform/tenancy/tenancy.js';

/** Hubs are public: anyone may see which cities run Dragon Gate here. */
export const hubRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs',
      {
        config: { public: true },
        schema: { operationId: 'listHubs', tags: ['hubs'], summary: 'List the hubs of this deployment', response: { 200: z.object({ items: z.array(hubSchema) }) } },
      },
      async () => ({ items: (await listHubRows(deps.db)).map(presentHub) }),
    );

    app.get(
      '/api/hubs/:hub',
      {
        config: { public: true },
        schema: { operationId: 'getHub', tags: ['hubs'], summary: 'One hub', params: hubParamsSchema, response: { 200: hubSchema, 404: apiErrorSchema } },
      },
      async (request) => presentHub(await findHub(deps.db, request.params.hub)),
    );
  };
