import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { cursorPageOf } from '../../../contracts/pagination.js';
import {
  convertHoldInputSchema,
  endLeaseInputSchema,
  leaseInputSchema,
  leaseSchema,
  listLeasesQuerySchema,
  moveLeaseInputSchema,
  renewLeaseInputSchema,
} from '../../../contracts/spaces.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, idempotentWrite } from '../../platform/http/idempotency-http.js';
import { convertHoldToLease } from './convert-hold.service.js';
import { createLease, endLease, leaseFor, listLeases, moveLease } from './leases.service.js';
import { renewLease } from './renew-lease.service.js';
import { presentLeases } from './spaces.presenters.js';

const idParams = hubParamsSchema.extend({ id: z.uuid() });
const tags = ['spaces'];

/** Leases: sign (or convert a hold), list, read, end early, renew, move. */
export const leaseRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/hubs/:hub/spaces/leases',
      {
        schema: {
          operationId: 'createLease',
          summary: 'Lease units to an organisation with a rent schedule of dated steps',
          description:
            'With a rent-subsidy program, each step is split into the tenant’s and the subsidy’s share by the program’s formula; the subsidy is committed on the program’s budget line and the months begun are paid. 409 SPACE_NOT_AVAILABLE names the first unit taken.',
          tags,
          params: hubParamsSchema,
          headers: idempotencyHeadersSchema,
          body: leaseInputSchema,
          response: { 201: leaseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: 'createLease' }, async (tx) => ({
          status: 201,
          body: (await presentLeases(tx, scope.hub, [await createLease(tx, scope, request.body)]))[0]!,
        }));
      },
    );

    app.post(
      '/api/hubs/:hub/spaces/holds/:id/convert',
      {
        schema: {
          operationId: 'convertHoldToLease',
          summary: 'Turn a hold (or some of its units) into a lease for the organisation it was held for',
          description: 'One transaction: the hold lets go of the units from the lease’s first day and the lease takes them.',
          tags,
          params: idParams,
          headers: idempotencyHeadersSchema,
          body: convertHoldInputSchema,
          response: { 201: leaseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `convertHoldToLease:${request.params.id}` }, async (tx) => ({
          status: 201,
          body: (await presentLeases(tx, scope.hub, [await convertHoldToLease(tx, scope, request.params.id, request.body)]))[0]!,
        }));
      },
    );

    app.get(
      '/api/hubs/:hub/spaces/leases',
      {
        schema: {
          operationId: 'listLeases',
          summary: 'Leases the caller may see',
          description:
            'An organisation’s members see its leases, operators their parks’, hub admins and auditors all; another organisation named in the filter answers 404.',
          tags,
          params: hubParamsSchema,
          querystring: listLeasesQuerySchema,
          response: { 200: cursorPageOf(leaseSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const page = await listLeases(deps.db, scope, request.query);
        return { items: await presentLeases(deps.db, scope.hub, page.items), next: page.next };
      },
    );

    app.get(
      '/api/hubs/:hub/spaces/leases/:id',
      {
        schema: {
          operationId: 'getLease',
          summary: 'One lease with its steps and subsidy',
          description: 'Its organisation’s members, its park’s operators, hub admins.',
          tags,
          params: idParams,
          response: { 200: leaseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return (await presentLeases(deps.db, scope.hub, [await leaseFor(deps.db, scope, request.params.id, 'read')]))[0]!;
      },
    );

    app.post(
      '/api/hubs/:hub/spaces/leases/:id/end',
      {
        schema: {
          operationId: 'endLease',
          summary: 'End a lease on a day, with a reason: the units are free from then',
          description:
            'The subsidy is settled: months paid beyond what is owed come back (everything when a condition was broken) and the rest of the commitment is released.',
          tags,
          params: idParams,
          headers: idempotencyHeadersSchema,
          body: endLeaseInputSchema,
          response: { 200: leaseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `endLease:${request.params.id}` }, async (tx) => ({
          status: 200,
          body: (await presentLeases(tx, scope.hub, [await endLease(tx, scope, request.params.id, request.body)]))[0]!,
        }));
      },
    );

    app.post(
      '/api/hubs/:hub/spaces/leases/:id/renew',
      {
        schema: {
          operationId: 'renewLease',
          summary: 'Renew a lease: a new term from the day it ends, with its own rent steps and subsidy',
          description:
            'The park’s operators and hub admins. The new term is a lease of its own for the same organisation and space, taken under the same exclusion constraint (409 SPACE_NOT_AVAILABLE when someone holds or leases it first); with a rent-subsidy program its subsidy is committed on the program’s line. One renewal per lease (409 LEASE_RENEWED).',
          tags,
          params: idParams,
          headers: idempotencyHeadersSchema,
          body: renewLeaseInputSchema,
          response: { 201: leaseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `renewLease:${request.params.id}` }, async (tx) => ({
          status: 201,
          body: (await presentLeases(tx, scope.hub, [await renewLease(tx, scope, request.params.id, request.body)]))[0]!,
        }));
      },
    );

    app.post(
      '/api/hubs/:hub/spaces/leases/:id/move',
      {
        schema: {
          operationId: 'moveLease',
          summary: 'Move a lease to other units from a day, atomically',
          description:
            'The old lease ends that day and a new one takes the new units in the same transaction: either the new lease stands or the old one does.',
          tags,
          params: idParams,
          headers: idempotencyHeadersSchema,
          body: moveLeaseInputSchema,
          response: { 201: leaseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `moveLease:${request.params.id}` }, async (tx) => ({
          status: 201,
          body: (await presentLeases(tx, scope.hub, [await moveLease(tx, scope, request.params.id, request.body)]))[0]!,
        }));
      },
    );
  };
