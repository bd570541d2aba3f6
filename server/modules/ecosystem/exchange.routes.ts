import { PassThrough, Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportQuerySchema, importQuerySchema, importResultSchema, IMPORT_MAX_BYTES } from '../../../contracts/ecosystem-exchange.js';
import { pickLocale } from '../../../contracts/error-messages.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { invalid } from '../../platform/errors.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { fileResponse, rawBody } from '../../platform/http/openapi/file-response.js';
import { authorizeExport, exportEcosystem } from './exchange/export.js';
import { importEcosystem } from './exchange/import.service.js';

const tags = ['ecosystem exchange'];
const mediaTypes = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;
/** What an import's raw body may be sent as. */
const uploadTypes = [mediaTypes.xlsx, 'text/csv', 'application/octet-stream'];

/** A whole ecosystem in (XLSX or CSV file as the raw body) and out (docs/ecosystem-files.md). */
export const exchangeRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // Files arrive as the raw body; this plugin's scope only, so JSON routes keep their 1 MB limit.
    app.addContentTypeParser(uploadTypes, { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) => done(null, body));

    app.post(
      '/api/hubs/:hub/ecosystem/import',
      {
        bodyLimit: IMPORT_MAX_BYTES,
        config: { rawBody: rawBody('The ecosystem file: an XLSX workbook or a CSV of one sheet (docs/ecosystem-files.md)', uploadTypes) },
        schema: {
          operationId: 'importEcosystem',
          summary: 'Import organisations, people, relations and facts from an XLSX or CSV file (the raw request body)',
          description:
            'Hub admins and program officers. Send the file as the raw body (XLSX or CSV, see docs/ecosystem-files.md). Hub admins and program officers. Send the file as the raw body (XLSX or CSV, see docs/ecosystem-files.md). Every row is validated first; nothing is written unless all rows are valid, or `partial=true` (valid rows written, bad ones rejected). `dryRun=true` validates only. Bad rows are listed with sheet, line, field and code.',
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
        return importEcosystem(
          deps.db,
          scope,
          { format, open: () => Readable.from([body]), buffer: body },
          { partial, dryRun, locale: pickLocale(request.headers['accept-language']) },
        );
      },
    );

    app.get(
      '/api/hubs/:hub/ecosystem/export',
      {
        schema: {
          operationId: 'exportEcosystem',
          description:
            'Hub admins, program officers, finance and auditors. The whole ecosystem in the import format, streamed: an XLSX workbook (one sheet per kind) or one CSV file. Audited as a personal read.',
          summary: 'The hub’s ecosystem as an XLSX workbook or one CSV file, in the import format',
          tags,
          params: hubParamsSchema,
          querystring: exportQuerySchema,
          response: {
            200: fileResponse('The file in the import format: an XLSX workbook, or one CSV file', [mediaTypes.xlsx, mediaTypes.csv]),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        // Refused before any header goes out; after that, a failure can only cut the stream.
        authorizeExport(scope.actor);
        const { format } = request.query;
        // The file carries every person's name, birth date and talent class: a personal read, audited before it goes out.
        await withTransaction(deps.db, (tx) =>
          recordAudit(tx, {
            hubId: scope.hub.id,
            actorId: scope.actor.userId,
            action: 'personal.read',
            subjectType: 'person',
            subjectId: 'ecosystem export',
            payload: { fields: ['name', 'born_on', 'talent_tier'], export: format, result: 'ok' },
          }),
        );
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
