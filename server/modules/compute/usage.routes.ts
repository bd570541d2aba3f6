import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  COMPUTE_LIMITS,
  usageQuerySchema,
  usageRecordSchema,
  usageReportSchema,
  usageResultSchema,
  usageUploadQuerySchema,
} from '../../../contracts/compute.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { cursorPageOf } from '../../../contracts/pagination.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { invalid } from '../../platform/errors.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, idempotentWrite } from '../../platform/http/idempotency-http.js';
import { rawBody } from '../../platform/http/openapi/file-response.js';
import { pageOf } from '../../platform/pagination.js';
import { presentUsage } from './compute.presenters.js';
import { uploadComputeUsage } from './usage-upload.service.js';
import { getComputeUsage, reportComputeUsage } from './usage.service.js';

const tags = ['compute'];
/** What a usage file's raw body may be sent as. */
const uploadTypes = ['text/csv', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

/** Metered usage: providers report, companies and staff read. */
export const usageRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // Usage files arrive as the raw body; this plugin's scope only, so JSON routes keep their limit.
    app.addContentTypeParser(uploadTypes, { parseAs: 'buffer', bodyLimit: COMPUTE_LIMITS.usageFileBytes }, (_request, body, done) => done(null, body));

    app.post(
      '/api/hubs/:hub/compute/usage/upload',
      {
        bodyLimit: COMPUTE_LIMITS.usageFileBytes,
        config: { rawBody: rawBody('The usage file: a CSV or an XLSX workbook (first sheet), a header row then one record a row', uploadTypes) },
        schema: {
          operationId: 'uploadComputeUsage',
          summary: 'A provider uploads metered usage as a CSV or XLSX file (the raw request body)',
          description: `The file has a header row naming the columns of a usage record (recordId, requestId, flavorId, gpuHours, startedAt, endedAt, cost, corrects), one record a row; XLSX reads the first sheet. All or nothing: every problem is listed with the file line and column (\`rows.<line>.<column>\`) and nothing is written; a row that does not match its request (outside its admitted hours, ending more than ${COMPUTE_LIMITS.usageClockSkewMinutes} minutes after now, more GPU-hours than admitted, above the list price) is a 409 \`USAGE_MISMATCH\`, with the same field codes as a report. Each record applies once, so the same file twice meters nothing twice (\`replayed\`). Send an \`Idempotency-Key\`: a retried upload answers its first results.`,
          tags,
          params: hubParamsSchema,
          querystring: usageUploadQuerySchema,
          headers: idempotencyHeadersSchema,
          response: { 200: z.object({ results: z.array(usageResultSchema) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw invalid('body', 'REQUIRED');
        const { providerId, format } = request.query;
        // A retried upload (same key) answers its first results; the key names the file by its digest, not its bytes.
        const file = { providerId, format, sha256: createHash('sha256').update(body).digest('hex') };
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: 'uploadComputeUsage', request: file }, async (tx) => ({
          status: 200,
          body: { results: await uploadComputeUsage(tx, scope, { providerId, format, body }) },
        }));
      },
    );

    app.post(
      '/api/hubs/:hub/compute/usage',
      {
        schema: {
          operationId: 'reportComputeUsage',
          summary: 'A provider reports metered usage records',
          description: `Each record applies once (a replayed record id answers its first result); a correction is a new record naming the one it corrects. A record must match its request: its period within the admitted hours (\`OUTSIDE_ADMITTED_WINDOW\`) and already over, ending at most ${COMPUTE_LIMITS.usageClockSkewMinutes} minutes after now for clocks that differ (\`IN_THE_FUTURE\`), its GPU-hours at most the request’s GPUs over that period and, with its other records, at most what was admitted, a correction counting instead of the record it corrects (\`GPU_HOURS_OVER_ADMITTED\`), its cost at most its GPU-hours at the list price (\`COST_OVER_LIST_PRICE\`); otherwise a 409 \`USAGE_MISMATCH\` names each record’s field and code and nothing is written. The voucher pays its share of each record through the ledger. Send an \`Idempotency-Key\`: a retried report answers its first results.`,
          tags,
          params: hubParamsSchema,
          headers: idempotencyHeadersSchema,
          body: usageReportSchema,
          response: { 200: z.object({ results: z.array(usageResultSchema) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: 'reportComputeUsage' }, async (tx) => ({
          status: 200,
          body: { results: await reportComputeUsage(tx, scope, request.body) },
        }));
      },
    );

    app.get(
      '/api/hubs/:hub/compute/usage',
      {
        schema: {
          operationId: 'getComputeUsage',
          summary: 'Metered usage records, newest first',
          description: 'With organizationId, that company’s (its members); without, the hub’s (compute staff). Cursor-paginated.',
          tags,
          params: hubParamsSchema,
          querystring: usageQuerySchema,
          response: { 200: cursorPageOf(usageRecordSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const paged = pageOf(await getComputeUsage(deps.db, scope, request.query), request.query.limit, (r) => [r.id]);
        return { items: await presentUsage(deps.db, scope.hub.id, paged.items), next: paged.next };
      },
    );
  };
