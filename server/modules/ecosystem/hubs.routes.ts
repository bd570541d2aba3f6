import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../contracts/errors.js';
import { hubParamsSchema, hubSchema } from '../../../contracts/hubs.js';
import type { Deps } from '../../platform/http/deps.js';
import { cursorPageOf, cursorQuerySchema } from '../../../contracts/pagination.js';
import { pageOf, readCursor } from '../../platform/pagination.js';
import { findHub, listHubRows, presentHub, type HubRow } from '../../platform/tenancy/tenancy.js';

/** Hubs are public: anyone may see which cities run Dragon Gate here. */
export const hubRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs',
      {
        config: { public: true },
        schema: {
          operationId: 'listHubs',
          description: 'Anyone. The hubs of this deployment in the order they were opened, with slug, names, time zone and currency. Cursor-paged.',
          tags: ['hubs'],
          summary: 'List the hubs of this deployment',
          querystring: cursorQuerySchema,
          response: { 200: cursorPageOf(hubSchema), 400: apiErrorSchema },
        },
      },
      async (request) => {
        // Hubs are few and cached per process: the keyset (opened at, slug) is applied to the cached rows.
        const key = readCursor(request.query.next, 2);
        const keyOf = (h: HubRow) => [h.createdAt.toISOString(), h.slug] as const;
        const compare = (a: readonly string[], b: readonly string[]) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0);
        const rows = (await listHubRows(deps.db))
          .sort((a, b) => compare(keyOf(a), keyOf(b)))
          .filter((h) => !key || compare(keyOf(h), [String(key[0]), String(key[1])]) > 0);
        return pageOf(rows.slice(0, request.query.limit + 1), request.query.limit, keyOf, presentHub);
      },
    );

    app.get(
      '/api/hubs/:hub',
      {
        config: { public: true },
        schema: {
          operationId: 'getHub',
          description: 'Anyone. One hub by its slug; 404 when there is none.',
          tags: ['hubs'],
          summary: 'One hub',
          params: hubParamsSchema,
          response: { 200: hubSchema, 404: apiErrorSchema },
        },
      },
      async (request) => presentHub(await findHub(deps.db, request.params.hub)),
    );
  };
