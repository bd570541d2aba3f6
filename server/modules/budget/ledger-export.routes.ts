import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { langQuerySchema } from '../../../contracts/common.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { localeOf } from '../../platform/http/error-handler.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { fileResponse } from '../../platform/http/openapi/file-response.js';
import { exportLedger, findExportYear, ledgerFileName, XLSX_MEDIA_TYPE } from './ledger-export.js';

const yearParams = hubParamsSchema.extend({ year: z.coerce.number().int().min(2000).max(2100) });

/** A year's ledger as an XLSX workbook, streamed: the transfers sheet and the accounts sheet. */
export const ledgerExportRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/fiscal-years/:year/ledger.xlsx',
      {
        schema: {
          operationId: 'exportLedger',
          description:
            'Finance, program officers, auditors and hub admins. The year’s transfers and accounts as an XLSX workbook, streamed; column titles in the language of `lang`, else of Accept-Language.',
          summary: 'A fiscal year’s ledger as an XLSX workbook (sheets "transfers" and "accounts")',
          tags: ['budget'],
          params: yearParams,
          querystring: langQuerySchema,
          response: { 200: fileResponse('The XLSX workbook: the transfers sheet and the accounts sheet', [XLSX_MEDIA_TYPE]), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        // Refused (404/403) and the year looked up before any header goes out; after that a failure can only cut the stream.
        await findExportYear(deps.db, scope, request.params.year);
        const out = new PassThrough();
        exportLedger(deps.db, scope, request.params.year, out, localeOf(request, request.query.lang)).catch((error: unknown) => {
          request.log.error({ err: error }, 'ledger export failed');
          out.destroy(error as Error);
        });
        return reply
          .type(XLSX_MEDIA_TYPE)
          .header('content-disposition', `attachment; filename="${ledgerFileName(scope.hub.slug, request.params.year)}"`)
          .header('cache-control', 'no-store')
          .send(out as never); // a stream: Fastify pipes it and skips serialisation
      },
    );
  };
