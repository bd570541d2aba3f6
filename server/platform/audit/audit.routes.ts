import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditExportQuerySchema } from '../../../contracts/audit-export.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../http/deps.js';
import { errorResponses } from '../http/error-responses.js';
import { fileResponse } from '../http/openapi/file-response.js';
import { recordAudit } from './audit.js';
import { auditLogPolicy } from './audit.policies.js';
import { exportAuditChain } from './export.js';

const contentTypes = { jsonl: 'application/x-ndjson', csv: 'text/csv; charset=utf-8' } as const;

/** The hub's audit log for its auditor: every event, archived ones included, streamed. */
export const auditRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/audit/export',
      {
        schema: {
          operationId: 'exportAuditLog',
          summary: "Export the hub's audit log (auditors)",
          description:
            'Auditors only (others 404). Every event in chain order, archived ones included, as JSON lines (each with its hash, previous hash and hash algorithm, so the file can be re-verified) or CSV. The export itself is audited.',
          tags: ['hubs'],
          params: hubParamsSchema,
          querystring: auditExportQuerySchema,
          response: { 200: fileResponse('The audit events', [contentTypes.jsonl, 'text/csv']), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        auditLogPolicy.authorize(scope.actor, 'export', null);
        const { format, from, to } = request.query;
        await withTransaction(deps.db, (tx) =>
          recordAudit(tx, {
            hubId: scope.hub.id,
            actorId: scope.actor.userId,
            action: 'audit.exported',
            subjectType: 'audit_log',
            subjectId: scope.hub.id,
            payload: { format, from: from ?? null, to: to ?? null },
          }),
        );
        return reply
          .type(contentTypes[format])
          .header('content-disposition', `attachment; filename="audit-${scope.hub.slug}.${format}"`)
          .header('cache-control', 'private, no-store')
          .send(Readable.from(exportAuditChain(deps.db, scope.hub.id, format, { from, to })) as never);
      },
    );
  };
