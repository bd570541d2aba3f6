import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hubDashboardQuerySchema, hubDashboardSchema } from '../../../contracts/hub-dashboard.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { notFound } from '../../platform/errors.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { getHubDashboard } from './hub-dashboard.service.js';

/** The hub admin's dashboard: what the money produced, and how stays, space and compute are used. */
export const hubDashboardRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/dashboard',
      {
        schema: {
          operationId: 'getHubDashboard',
          summary: 'The hub dashboard: money committed, paid and left, awards, monthly trend, stays, space and compute use',
          description:
            'Hub admins and auditors. One fiscal year (the newest when none is asked): the envelope, committed, paid and left, awards in all and per program, committed and paid per month; youth-station occupancy and compute GPU hours over the last 30 days, office space leased and held today. A year the hub never opened is 404.',
          tags: ['insights'],
          params: hubParamsSchema,
          querystring: hubDashboardQuerySchema,
          response: { 200: hubDashboardSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const dashboard = await getHubDashboard(deps.db, scope, request.query.year);
        if (!dashboard) throw notFound();
        return dashboard;
      },
    );
  };
