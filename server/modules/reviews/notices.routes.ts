import { auditedRead } from '../../platform/audit/personal-reads.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import {
  noticeParamsSchema,
  objectionInputSchema,
  objectionListQuerySchema,
  objectionReceiptSchema,
  objectionSchema,
  publicNoticeSchema,
  resolutionInputSchema,
} from '../../../contracts/notices.js';
import { cursorPageOf, cursorQuerySchema } from '../../../contracts/pagination.js';
import { withTransaction } from '../../db/transaction.js';
import { sendFile } from '../../platform/files/index.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, sendStored } from '../../platform/http/idempotency-http.js';
import { fileResponse, mediaTypes } from '../../platform/http/openapi/file-response.js';
import { idempotent } from '../../platform/idempotency/idempotency.js';
import { listPublicNotices } from './notice-board.service.js';
import { listObjections, lodgeObjection, objectionEvidence, resolveObjection } from './objections.service.js';

const objectionParams = hubParamsSchema.extend({ id: z.uuid() });

/** Public notice (公示): the board and objections for anyone; resolving for officers. */
export const noticeRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/public/notices',
      {
        config: { public: true },
        schema: {
          operationId: 'listPublicNotices',
          summary: 'The hub’s notice board (公示): awards before payment, newest first',
          description:
            'Anyone, signed out. Awards of programs with a notice period: recipient organisation (individuals are never named), amount, the decision’s reason, the period, and the published reasons objections were dismissed. Never who objected or how many did. Cursor paged.',
          tags: ['open data'],
          params: hubParamsSchema,
          querystring: cursorQuerySchema,
          response: { 200: cursorPageOf(publicNoticeSchema), ...errorResponses },
        },
      },
      async (request) => listPublicNotices(deps.db, (await hubScope(deps, request, request.params.hub)).hub, request.query),
    );

    app.post(
      '/api/hubs/:hub/public/notices/:number/objections',
      {
        config: { public: true },
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          operationId: 'lodgeObjection',
          summary: 'Object to an award on public notice (anyone, signed out)',
          description:
            'Anyone, while the notice period runs (409 `NOTICE_ENDED` after). Contact and reason are required (400 naming the field); an evidence file is optional (base64, at most 2 MB). Limited per client address and per award (429 `RATE_LIMITED`; one open objection per address and award). The answer is a reference, nothing about other objections.',
          tags: ['open data'],
          params: noticeParamsSchema,
          body: objectionInputSchema,
          response: { 201: objectionReceiptSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { hub } = await hubScope(deps, request, request.params.hub);
        const receipt = await withTransaction(deps.db, (tx) =>
          lodgeObjection(tx, { hub, crypto: deps.crypto, address: request.ip }, request.params.number, request.body),
        );
        return reply.status(201).send(receipt);
      },
    );

    app.get(
      '/api/hubs/:hub/objections',
      {
        schema: {
          operationId: 'listObjections',
          summary: 'Objections to awards on notice (program officers)',
          description: 'Program officers and hub admins. Newest first, with the objector’s contact and evidence; cursor paged, filtered by status.',
          tags: ['reviews'],
          params: hubParamsSchema,
          querystring: objectionListQuerySchema,
          response: { 200: cursorPageOf(objectionSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const read = { subjectType: 'objection', fields: ['contact'], ids: (p: { items: { id: string }[] }) => p.items.map((i) => i.id) };
        return auditedRead(deps.db, scope, read, (tx) => listObjections(tx, { ...scope, crypto: deps.crypto }, request.query));
      },
    );

    app.post(
      '/api/hubs/:hub/objections/:id/resolution',
      {
        schema: {
          operationId: 'resolveObjection',
          summary: 'Uphold (the decision is reopened) or dismiss (the reason is published) an objection',
          description:
            'Program officers and hub admins. Upheld: the award, never paid while on notice, is undone (its commitment released) and the application goes back to review. Dismissed: the reason appears on the notice board. Resolved once: a second resolution is 409 `OBJECTION_RESOLVED`; send an `Idempotency-Key` so a retry answers the first result.',
          tags: ['reviews'],
          params: objectionParams,
          headers: idempotencyHeadersSchema,
          body: resolutionInputSchema,
          response: { 200: objectionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(
            tx,
            {
              hubId: scope.hub.id,
              userId: request.userId!,
              key: request.headers['idempotency-key'],
              operation: `resolveObjection:${request.params.id}`,
              request: request.body,
            },
            async () => ({ status: 200, body: await resolveObjection(tx, { ...scope, crypto: deps.crypto }, request.params.id, request.body) }),
          ),
        );
        return sendStored(reply, result);
      },
    );

    app.get(
      '/api/hubs/:hub/objections/:id/evidence',
      {
        schema: {
          operationId: 'downloadObjectionEvidence',
          summary: 'The evidence file of an objection (program officers)',
          description: 'Program officers and hub admins; 404 when the objection has no file.',
          tags: ['reviews'],
          params: objectionParams,
          response: { 200: fileResponse('The evidence file', [mediaTypes.any]), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const read = { subjectType: 'objection', fields: ['evidence_file'], ids: () => [request.params.id] };
        const file = await auditedRead(deps.db, scope, read, (tx) => objectionEvidence(tx, scope, request.params.id));
        return sendFile(reply, file);
      },
    );
  };
