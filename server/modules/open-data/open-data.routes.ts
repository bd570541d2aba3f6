import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { langQuerySchema } from '../../../contracts/common.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { localeOf } from '../../platform/http/error-handler.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { mediaTypes } from '../../platform/http/openapi/file-response.js';
import { openDataFormats } from '../../../contracts/open-data.js';
import { openDataCsv, openDataJson, openDataSummary } from './open-data-export.js';
import { tableXlsx, XLSX_TYPE } from './tables.js';

const tags = ['open data'];
const packageSchema = z
  .object({
    version: z.string(),
    title: z.string(),
    description: z.string().describe('How many awards to individuals were left out, and their total'),
    grants: z.array(
      z.looseObject({
        id: z.string().describe('`360G-<prefix>-<application number>`, or `360G-<prefix>-<lease reference>` for a lease’s rent subsidy'),
        amountAwarded: z.number().describe('Yuan (the standard’s unit), not fen'),
      }),
    ),
  })
  .describe('A 360Giving Data Standard 1.4 package');
const exportResponse = {
  description: 'The 360Giving package (JSON) or its summary as CSV or XLSX',
  content: {
    'application/json': { schema: packageSchema },
    [mediaTypes.csv]: { schema: z.string().meta({ format: 'binary', description: 'The summary CSV, one row per grant' }) },
    [mediaTypes.xlsx]: { schema: z.string().meta({ format: 'binary', description: 'The summary workbook (sheet "grants"), one row per grant' }) },
  },
};
const exportQuery = z.object({
  format: z.enum(openDataFormats).default('360giving').describe('`360giving`: the JSON package; `csv` / `xlsx`: the summary, one row per grant'),
  ...langQuerySchema.shape,
});

export const openDataRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/open-data',
      {
        config: { public: true },
        schema: {
          operationId: 'exportOpenData',
          description:
            'Anyone. The hub’s awards to organisations as a 360Giving Data Standard package, oldest first: applications approved and later holding a commitment (id `360G-<prefix>-<application number>`, awarded the day of the commitment) and leases with a rent subsidy, each its program’s award to the lease’s organisation (id `360G-<prefix>-<lease reference>`, awarded the subsidy in all on the day the lease was signed). Recipients `CN-USCC-<uscc>`, the program as the grant programme, amounts in yuan, commitment, disbursement and claw-back transactions from the ledger. Awards to individuals are counted in the description, never named. Titles, column titles and names in the language of `lang`, else of Accept-Language.',
          summary: 'Open data: the hub’s awards as 360Giving JSON, or its summary as CSV or XLSX',
          tags,
          params: hubParamsSchema,
          querystring: exportQuery,
          response: { 200: exportResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const locale = localeOf(request, request.query.lang);
        const name = `${scope.hub.slug}-360giving`;
        const disposition = (ext: string) => `attachment; filename="${name}.${ext}"`;
        // Streams, written batch by batch as the awards are read (Fastify pipes them; `as never`:
        // the reply's typed body is the JSON schema's).
        if (request.query.format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', disposition('csv'))
            .send(Readable.from(openDataCsv(deps.db, scope.hub, locale)) as never);
        if (request.query.format === 'xlsx')
          return reply
            .type(XLSX_TYPE)
            .header('content-disposition', disposition('xlsx'))
            .send(tableXlsx('grants', openDataSummary(deps.db, scope.hub, locale)) as never);
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', disposition('json'))
          .send(Readable.from(openDataJson(deps.db, scope.hub, locale)) as never);
      },
    );
  };
