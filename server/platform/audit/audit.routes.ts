import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditExportQuerySchema } from '../../../contracts/audit-export.js';
import { auditEventListSchema, auditEventsQuerySchema, auditVerificationSchema } from '../../../contracts/audit-log.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../http/deps.js';
import { errorResponses } from '../http/error-responses.js';
import { fileResponse } from '../http/openapi/file-response.js';
import { recordAudit } from './audit.js';
import { listAuditEvents, verifyHubAuditLog } from './audit-log.service.js';
import { auditLogPolicy } from './audit.policies.js';
import { exportAuditChain } from './export.js';

const contentTypes = { jsonl: 'application/x-ndjson', csv: 'text/csv; charset=utf-8' } as const;

/** The hub's audit log for its auditor: read in pages, verified, or exported whole (archived events included). */
export const auditRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/audit/events',
      {
        schema: {
          operationId: 'listAuditEvents',
          summary: "The hub's audit log, newest first (auditors)",
          description:
            'Auditors only (others 404). Events newest first, archived ones included, each with the actor’s display name; filtered by time, action (or an action prefix such as `ledger.`) and actor. Cursor-paged. Each page read is itself recorded as an `audit.read` event.',
          tags: ['hubs'],
          params: hubParamsSchema,
          querystring: auditEventsQuerySchema,
          response: { 200: auditEventListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, (tx) => listAuditEvents(tx, scope, request.query));
      },
    );

    app.get(
      '/api/hubs/:hub/audit/verification',
      {
        schema: {
          operationId: 'verifyAuditLog',
          summary: "Recompute the hub's audit hash chain (auditors)",
          description:
            'Auditors only (others 404). Recomputes every event’s hash from the first (archived ones included) and answers whether the chain is whole, how many events were checked, and the first event that breaks it. The check is recorded as an `audit.verified` event.',
          tags: ['hubs'],
          params: hubParamsSchema,
          response: { 200: auditVerificationSchema, ...errorResponses },
        },
      },
      async (request) => verifyHubAuditLog(deps.db, await hubScope(deps, request, request.params.hub)),
    );

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
