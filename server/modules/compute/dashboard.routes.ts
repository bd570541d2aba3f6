import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { computeDashboardSchema, dashboardQuerySchema } from '../../../contracts/compute.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { getComputeDashboard } from './dashboard.service.js';

/** What the compute pages chart: quotas and voucher balances, utilisation, waits, burn-down. */
export const dashboardRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/compute/dashboard',
      {
        schema: {
          operationId: 'getComputeDashboard',
          summary: 'Quotas with use and voucher balance, utilisation per flavor, waits and voucher burn-down',
          description: 'With organizationId, that company’s (its members); without, the hub’s (compute staff). Days are the hub’s.',
          tags: ['compute'],
          params: hubParamsSchema,
          querystring: dashboardQuerySchema,
          response: { 200: computeDashboardSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return getComputeDashboard(deps.db, scope, request.query);
      },
    );
  };
