import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import {
  budgetExportQuerySchema,
  publicAwardSchema,
  publicAwardsQuerySchema,
  publicBudgetQuerySchema,
  publicBudgetSchema,
} from '../../../contracts/open-data.js';
import { cursorPageOf } from '../../../contracts/pagination.js';
import { notFound } from '../../platform/errors.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { localeOf } from '../../platform/http/error-handler.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { fileResponse, mediaTypes } from '../../platform/http/openapi/file-response.js';
import { budgetTable } from './budget-table.js';
import { listPublicAwards } from './public-awards.service.js';
import { getPublicBudget } from './public-budget.service.js';
import { tableCsv, tableXlsx, XLSX_TYPE } from './tables.js';

const tags = ['open data'];

/** What anyone may read of a hub's money, signed out: the budget and the awards. */
export const publicRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/public/budget',
      {
        config: { public: true },
        schema: {
          operationId: 'getPublicBudget',
          summary: 'The hub’s envelope and its spending per line and per program (live)',
          description:
            'Anyone, signed out. One fiscal year (the newest when none is asked): the envelope, what each budget line holds, has committed, has paid and has left, and per program the awards and what they were paid. Awards to individuals are counted and summed, never named; draft programs are never shown. A year the hub never opened is 404.',
          tags,
          params: hubParamsSchema,
          querystring: publicBudgetQuerySchema,
          response: { 200: publicBudgetSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const budget = await getPublicBudget(deps.db, scope.hub, request.query.year);
        if (!budget) throw notFound();
        return budget;
      },
    );

    app.get(
      '/api/hubs/:hub/public/budget/export',
      {
        config: { public: true },
        schema: {
          operationId: 'exportPublicBudget',
          summary: 'The public budget as CSV or XLSX',
          description:
            'Anyone, signed out. The same figures as `getPublicBudget` as one table in yuan (envelope, lines, programs, individuals in total), column titles in the language of `lang`, else of Accept-Language.',
          tags,
          params: hubParamsSchema,
          querystring: budgetExportQuerySchema,
          response: { 200: fileResponse('The public budget as a table', [mediaTypes.csv, mediaTypes.xlsx]), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const budget = await getPublicBudget(deps.db, scope.hub, request.query.year);
        if (!budget) throw notFound();
        const table = budgetTable(budget, localeOf(request, request.query.lang));
        const name = `${scope.hub.slug}-budget-${budget.year ?? 'none'}.${request.query.format}`;
        reply.header('content-disposition', `attachment; filename="${name}"`);
        if (request.query.format === 'xlsx') return reply.type(XLSX_TYPE).send(tableXlsx('budget', table) as never);
        return reply.type('text/csv; charset=utf-8').send(tableCsv(table));
      },
    );

    app.get(
      '/api/hubs/:hub/public/awards',
      {
        config: { public: true },
        schema: {
          operationId: 'listPublicAwards',
          summary: 'The hub’s awards to organisations, newest first',
          description:
            'Anyone, signed out. Awards to organisations, newest first, cursor paged: applications approved and later (`number`: the application’s number) and leases with a rent subsidy, each its program’s award to the lease’s organisation (`number`: the lease’s reference; the subsidy in all, the day it was signed, `in_payment` while the lease runs and `closed` once it has ended). Each with recipient, program, amount, day, status and 360Giving id. Awards to individuals, drafts and applications not approved are never listed.',
          tags,
          params: hubParamsSchema,
          querystring: publicAwardsQuerySchema,
          response: { 200: cursorPageOf(publicAwardSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return listPublicAwards(deps.db, scope.hub, request.query);
      },
    );
  };
