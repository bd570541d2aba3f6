import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  fairShareSchema,
  flavorSchema,
  poolInputSchema,
  poolSchema,
  queueQuerySchema,
  quotaInputSchema,
  requestInputSchema,
  requestSchema,
} from '../../../contracts/compute.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { cursorPageOf, cursorQuerySchema } from '../../../contracts/pagination.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, idempotentWrite } from '../../platform/http/idempotency-http.js';
import { pageOf } from '../../platform/pagination.js';
import { presentFlavors, presentPool, presentRequests } from './compute.presenters.js';
import { getFairShare } from './fair-share.service.js';
import { createComputePool, listComputeFlavors } from './pools.service.js';
import { setComputeQuota } from './quotas.service.js';
import { cancelComputeRequest, getComputeRequest, listComputeQueue, submitComputeRequest } from './requests.service.js';

const idParams = hubParamsSchema.extend({ id: z.uuid() });
const tags = ['compute'];

/** Pools, flavors, quotas, requests and fair share. */
export const computeRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/hubs/:hub/compute/pools',
      {
        schema: {
          operationId: 'createComputePool',
          summary: 'Add a provider’s pool with its flavors',
          description: 'The compute operator adds a pool (capacity for every hour of the planning horizon, less maintenance windows).',
          tags,
          params: hubParamsSchema,
          body: poolInputSchema,
          response: { 201: poolSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const body = await withTransaction(deps.db, async (tx) => {
          const { pool, flavors } = await createComputePool(tx, scope, request.body);
          return presentPool(tx, scope.hub.id, pool, flavors);
        });
        return reply.status(201).send(body);
      },
    );

    app.get(
      '/api/hubs/:hub/compute/flavors',
      {
        schema: {
          operationId: 'listComputeFlavors',
          summary: 'Accelerator flavors of the hub’s pools',
          description: 'Every flavor with its pool, provider, GPUs in service and list price per GPU-hour; cursor-paginated.',
          tags,
          params: hubParamsSchema,
          querystring: cursorQuerySchema,
          response: { 200: cursorPageOf(flavorSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const paged = pageOf(await listComputeFlavors(deps.db, scope, request.query), request.query.limit, (r) => [r.flavor.id]);
        return { items: await presentFlavors(deps.db, scope.hub.id, paged.items), next: paged.next };
      },
    );

    app.put(
      '/api/hubs/:hub/compute/quotas',
      {
        schema: {
          operationId: 'setComputeQuota',
          summary: 'Set a company’s quota of a flavor for a period',
          description:
            'GPU-hours and GPUs at once, cohort and weight; from a compute-voucher award (its money then pays a share of metered usage) or a direct allocation.',
          tags,
          params: hubParamsSchema,
          body: quotaInputSchema,
          response: { 200: z.object({ id: z.uuid(), queueId: z.uuid() }), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { quota, queue } = await withTransaction(deps.db, (tx) => setComputeQuota(tx, scope, request.body));
        return { id: quota.id, queueId: queue.id };
      },
    );

    app.post(
      '/api/hubs/:hub/compute/requests',
      {
        schema: {
          operationId: 'submitComputeRequest',
          summary: 'Ask for compute: admitted with a start, waiting, or refused with a reason',
          description:
            'Runs an admission round at once. Refusals: QUOTA_EXCEEDED, NO_CAPACITY, FLAVOR_UNKNOWN, DEADLINE_PASSED, RELATED_PARTY. Takes an Idempotency-Key.',
          tags,
          params: hubParamsSchema,
          headers: idempotencyHeadersSchema,
          body: requestInputSchema,
          response: { 201: requestSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: 'submitComputeRequest' }, async (tx) => ({
          status: 201,
          body: (await presentRequests(tx, scope.hub.id, [await submitComputeRequest(tx, scope, request.body)]))[0]!,
        }));
      },
    );

    app.get(
      '/api/hubs/:hub/compute/requests/:id',
      {
        schema: {
          operationId: 'getComputeRequest',
          summary: 'One compute request',
          description: 'Its company’s members and the hub’s compute staff see it; anyone else gets 404.',
          tags,
          params: idParams,
          response: { 200: requestSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return (await presentRequests(deps.db, scope.hub.id, [await getComputeRequest(deps.db, scope, request.params.id)]))[0]!;
      },
    );

    app.post(
      '/api/hubs/:hub/compute/requests/:id/cancel',
      {
        schema: {
          operationId: 'cancelComputeRequest',
          summary: 'Cancel a request',
          description: 'Hours not yet begun go back to the pool; the voucher hold is released. Send an `Idempotency-Key`.',
          tags,
          params: idParams,
          headers: idempotencyHeadersSchema,
          response: { 200: requestSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `cancelComputeRequest:${request.params.id}` }, async (tx) => ({
          status: 200,
          body: (await presentRequests(tx, scope.hub.id, [await cancelComputeRequest(tx, scope, request.params.id)]))[0]!,
        }));
      },
    );

    app.get(
      '/api/hubs/:hub/compute/queue',
      {
        schema: {
          operationId: 'listComputeQueue',
          summary: 'Compute requests, newest first',
          description: 'With organizationId, that company’s (its members); without, the hub’s (compute staff). Cursor-paginated.',
          tags,
          params: hubParamsSchema,
          querystring: queueQuerySchema,
          response: { 200: cursorPageOf(requestSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const paged = pageOf(await listComputeQueue(deps.db, scope, request.query), request.query.limit, (r) => [r.id]);
        return { items: await presentRequests(deps.db, scope.hub.id, paged.items), next: paged.next };
      },
    );

    app.get(
      '/api/hubs/:hub/compute/fair-share',
      {
        schema: {
          operationId: 'getFairShare',
          summary: 'Each company’s fair-share standing',
          description:
            'Weighted dominant share over GPU, CPU and memory (usage decayed by a half-life, plus admitted work), entitlement, GPUs in use now and requests waiting.',
          tags,
          params: hubParamsSchema,
          response: { 200: fairShareSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return getFairShare(deps.db, scope);
      },
    );
  };
