import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { cursorPageOf, cursorQuerySchema } from '../../../contracts/pagination.js';
import {
  leaseSchema,
  occupancyQuerySchema,
  occupancySchema,
  offerInputSchema,
  requestStatuses,
  spaceRequestInputSchema,
  spaceRequestSchema,
} from '../../../contracts/spaces.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { fileResponse } from '../../platform/http/openapi/file-response.js';
import { idempotencyHeadersSchema, idempotentWrite } from '../../platform/http/idempotency-http.js';
import { rentRollExport, spaceOccupancy, XLSX_MEDIA_TYPE } from './occupancy.service.js';
import { acceptSpaceOffer, listSpaceRequests, offerSpace, requestFor, requestSpace } from './requests.service.js';
import { presentLeases, presentRequests } from './spaces.presenters.js';
import { isoDate } from '../../../contracts/dates.js';

const idParams = hubParamsSchema.extend({ id: z.uuid() });
const tags = ['spaces'];

/** Companies asking for space, operators offering it; occupancy and the rent roll. */
export const spaceRequestRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/hubs/:hub/spaces/requests',
      {
        schema: {
          operationId: 'requestSpace',
          summary: 'Ask for space for an organisation: m² or seats, from a date, for some months',
          description: 'Members of the organisation only. The request waits in a queue until an operator offers units.',
          tags,
          params: hubParamsSchema,
          headers: idempotencyHeadersSchema,
          body: spaceRequestInputSchema,
          response: { 201: spaceRequestSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: 'requestSpace' }, async (tx) => ({
          status: 201,
          body: (await presentRequests(tx, scope.hub, [await requestSpace(tx, scope, request.body)]))[0]!,
        }));
      },
    );

    app.get(
      '/api/hubs/:hub/spaces/requests',
      {
        schema: {
          operationId: 'listSpaceRequests',
          summary: 'Requests for space: a company’s own, or the queue (oldest first) for operators',
          description: 'Each waiting request carries its place in the queue; an offered one the units and the time limit.',
          tags,
          params: hubParamsSchema,
          querystring: cursorQuerySchema.extend({ status: z.enum(requestStatuses).optional() }),
          response: { 200: cursorPageOf(spaceRequestSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const page = await listSpaceRequests(deps.db, scope, request.query);
        return { items: await presentRequests(deps.db, scope.hub, page.items), next: page.next };
      },
    );

    app.post(
      '/api/hubs/:hub/spaces/requests/:id/offer',
      {
        schema: {
          operationId: 'offerSpace',
          summary: 'Offer units to a waiting request, held for it until a time limit',
          description:
            'The units are held for the organisation under the same guard as any hold; its members are notified. An offer may name a rent-subsidy program (the company must qualify): accepting then signs a subsidised lease.',
          tags,
          params: idParams,
          headers: idempotencyHeadersSchema,
          body: offerInputSchema,
          response: { 200: spaceRequestSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `offerSpace:${request.params.id}` }, async (tx) => ({
          status: 200,
          body: (await presentRequests(tx, scope.hub, [await offerSpace(tx, scope, request.params.id, request.body)]))[0]!,
        }));
      },
    );

    app.post(
      '/api/hubs/:hub/spaces/requests/:id/accept',
      {
        schema: {
          operationId: 'acceptSpaceOffer',
          summary: 'Accept the units offered, before the time limit: they become a lease at list rent',
          description:
            'Members of the requesting organisation only. When the offer names a rent-subsidy program, the lease is signed under it: the subsidy is split by the program’s formula and committed on its budget line. Takes an Idempotency-Key; two accepts at once make one lease.',
          tags,
          params: idParams,
          headers: idempotencyHeadersSchema,
          response: { 201: leaseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `acceptSpaceOffer:${request.params.id}` }, async (tx) => ({
          status: 201,
          body: (await presentLeases(tx, scope.hub, [(await acceptSpaceOffer(tx, scope, request.params.id)).lease]))[0]!,
        }));
      },
    );

    app.get(
      '/api/hubs/:hub/spaces/requests/:id',
      {
        schema: {
          operationId: 'getSpaceRequest',
          summary: 'One request for space',
          description: 'Its organisation’s members and the operators.',
          tags,
          params: idParams,
          response: { 200: spaceRequestSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return (await presentRequests(deps.db, scope.hub, [await requestFor(deps.db, scope, request.params.id, 'read')]))[0]!;
      },
    );

    app.get(
      '/api/hubs/:hub/spaces/occupancy',
      {
        schema: {
          operationId: 'getSpaceOccupancy',
          summary: 'Leased, held and vacant m² per park and building, month by month; subsidy per company; what expires in 90 days',
          description: 'Operators see their parks, hub admins and auditors all.',
          tags,
          params: hubParamsSchema,
          querystring: occupancyQuerySchema,
          response: { 200: occupancySchema, ...errorResponses },
        },
      },
      async (request) => spaceOccupancy(deps.db, await hubScope(deps, request, request.params.hub), request.query),
    );

    app.get(
      '/api/hubs/:hub/spaces/rent-roll.xlsx',
      {
        schema: {
          operationId: 'exportRentRoll',
          summary: 'The rent roll on a day as an XLSX workbook',
          description: 'Every lease running that day: tenant, units, area, rent and its tenant and subsidy shares.',
          tags,
          params: hubParamsSchema,
          querystring: z.object({ on: isoDate(), parkId: z.uuid().optional() }),
          response: { 200: fileResponse('The XLSX workbook: one row per running lease', [XLSX_MEDIA_TYPE]), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const write = await rentRollExport(deps.db, scope, request.query.on, request.query.parkId);
        const out = new PassThrough();
        write(out).catch((error: unknown) => {
          request.log.error({ err: error }, 'rent roll export failed');
          out.destroy(error as Error);
        });
        return reply
          .type(XLSX_MEDIA_TYPE)
          .header('content-disposition', `attachment; filename="rent-roll-${request.query.on}.xlsx"`)
          .header('cache-control', 'no-store')
          .send(out as never);
      },
    );
  };
