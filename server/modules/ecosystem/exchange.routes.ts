import { PassThrough, Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportQuerySchema, importQuerySchema, importResultSchema, IMPORT_MAX_BYTES } from '../../../contracts/ecosystem-exchange.js';
import { pickLocale } from '../../../contracts/error-messages.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { invalid } from '../../platform/errors.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { authorizeExport, exportEcosystem } from './exchange/export.js';
import { importEcosystem } from './exchange/import.service.js';

const tags = ['ecosystem exchange'];
const mediaTypes = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

/** A whole ecosystem in (XLSX or CSV file as the raw body) and out (docs/ecosystem-files.md). */
export const exchangeRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // Files arrive as the raw body; this plugin's scope only, so JSON routes keep their 1 MB limit.
    app.addContentTypeParser([mediaTypes.xlsx, 'text/csv', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) => done(null, body));

    app.post(
      '/api/hubs/:hub/ecosystem/import',
      {
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          operationId: 'importEcosystem',
          summary: 'Import organisations, people, relations and facts from an XLSX or CSV file (the raw request body)',
          description: 'Every row is validated first; nothing is written unless all rows are valid, or `partial=true` (valid rows written, bad ones rejected). `dryRun=true` validates only. Bad rows are listed with sheet, line, field and code.',
          tags,
          params: hubParamsSchema,
          querystring: importQuerySchema,
          response: { 200: importResultSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw invalid('body', 'REQUIRED');
        const { format, partial, dryRun } = request.query;
        return importEcosystem(deps.db, scope, { format, open: () => Readable.from([body]), buffer: body }, { partial, dryRun, locale: pickLocale(request.headers['accept-language']) });
      },
    );

    app.get(
      '/api/hubs/:hub/ecosystem/export',
      {
        schema: {
          operationId: 'exportEcosystem',
          summary: 'The hub’s ecosystem as an XLSX workbook or one CSV file, in the import format',
          tags,
          params: hubParamsSchema,
          querystring: exportQuerySchema,
          response: { 200: z.string().meta({ description: 'The file: XLSX workbook or CSV' }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        // Refused before any header goes out; after that, a failure can only cut the stream.
        authorizeExport(scope.actor);
        const { format } = request.query;
        const out = new PassThrough();
        exportEcosystem(deps.db, scope, format, out).catch((error: unknown) => {
          request.log.error({ err: error }, 'export failed');
          out.destroy(error as Error);
        });
        return reply
          .type(mediaTypes[format])
          .header('content-disposition', `attachment; filename="${scope.hub.slug}-ecosystem.${format}"`)
          .send(out as never); // a stream: Fastify pipes it and skips serialisation
      },
    );
  };
