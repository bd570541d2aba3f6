import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { cursorPageOf } from '../../../contracts/pagination.js';
import {
  availabilityQuerySchema,
  availabilitySchema,
  listHoldsQuerySchema,
  listTreeQuerySchema,
  releaseHoldInputSchema,
  spaceHoldInputSchema,
  spaceHoldSchema,
  spaceNodeInputSchema,
  spaceNodeSchema,
  spaceNodeUpdateSchema,
} from '../../../contracts/spaces.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { fileResponse } from '../../platform/http/openapi/file-response.js';
import { idempotencyHeadersSchema, idempotentWrite } from '../../platform/http/idempotency-http.js';
import { searchSpaceAvailability } from './availability.service.js';
import { createSpaceHold, holdFor, listSpaceHolds, releaseSpaceHold } from './holds.service.js';
import { presentHolds, presentNode } from './spaces.presenters.js';
import { operatedParkIds } from './space-scope.js';
import { addParkOperator, createSpaceNode, listSpaceTree, updateSpaceNode, withTotals } from './tree.service.js';
import { readNodePhoto } from './unit-photos.service.js';

const idParams = hubParamsSchema.extend({ id: z.uuid() });
const tags = ['spaces'];
const photoTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

/** The space tree, availability and holds (the space operator's side). */
export const spaceRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/hubs/:hub/spaces/nodes',
      {
        schema: {
          operationId: 'createSpaceUnit',
          summary: 'Add a park, building, floor or unit to the space tree',
          description: 'Parks are opened by hub admins and space managers; anything else goes under a node of a park the caller operates.',
          tags,
          params: hubParamsSchema,
          body: spaceNodeInputSchema,
          response: { 201: spaceNodeSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const row = await withTransaction(deps.db, (tx) => createSpaceNode(tx, scope, request.body));
        const [node] = withTotals([row], await operatedParkIds(deps.db, scope), scope);
        return reply.status(201).send(presentNode(node!));
      },
    );

    app.patch(
      '/api/hubs/:hub/spaces/nodes/:id',
      {
        schema: {
          operationId: 'updateSpaceUnit',
          summary: 'Change a park, building, floor or unit (code, names, area, seats, features, list rent, photos)',
          description:
            'The operators of its park and hub admins; another park’s node answers 404. Only what is sent changes; signed leases keep their rent steps.',
          tags,
          params: idParams,
          body: spaceNodeUpdateSchema,
          response: { 200: spaceNodeSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const row = await withTransaction(deps.db, (tx) => updateSpaceNode(tx, scope, request.params.id, request.body));
        const [node] = withTotals([row], await operatedParkIds(deps.db, scope), scope);
        return presentNode(node!);
      },
    );

    app.get(
      '/api/hubs/:hub/spaces/nodes/:id/photos/:fileId',
      {
        schema: {
          operationId: 'getSpaceUnitPhoto',
          summary: 'A photo of a unit (or of a building, floor or park)',
          description: 'Anyone signed in who may read the space tree; a file the node does not list answers 404. The picture, shown inline.',
          tags,
          params: idParams.extend({ fileId: z.uuid() }),
          response: { 200: fileResponse('The picture', photoTypes), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const photo = await readNodePhoto(deps.db, scope, request.params.id, request.params.fileId);
        return reply
          .type(photo.mediaType)
          .header('content-disposition', 'inline')
          .header('cache-control', 'private, max-age=86400')
          .send(photo.content as never); // bytes: Fastify sends them as they are
      },
    );

    app.get(
      '/api/hubs/:hub/spaces/nodes',
      {
        schema: {
          operationId: 'listSpaceTree',
          summary: 'The space tree (of one park), each node with the area and seats of its units',
          description: 'Parents come before their children.',
          tags,
          params: hubParamsSchema,
          querystring: listTreeQuerySchema,
          response: { 200: cursorPageOf(spaceNodeSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const page = await listSpaceTree(deps.db, scope, request.query);
        return { items: page.items.map(presentNode), next: page.next };
      },
    );

    app.post(
      '/api/hubs/:hub/spaces/parks/:id/operators',
      {
        schema: {
          operationId: 'addSpaceParkOperator',
          summary: 'Name a space manager as an operator of a park',
          description: 'Hub admins only. The user may then run this park’s units, holds and leases; naming them twice changes nothing.',
          tags,
          params: idParams,
          body: z.strictObject({ userId: z.uuid() }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => addParkOperator(tx, scope, request.params.id, request.body.userId));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/hubs/:hub/spaces/availability',
      {
        schema: {
          operationId: 'searchSpaceAvailability',
          summary: 'Units free for a whole date range, by park, area, seats and features',
          description:
            'A unit is free when neither it nor any node above it is held or leased on any of those days. Space managers search the parks they operate; hub admins and companies every park.',
          tags,
          params: hubParamsSchema,
          querystring: availabilityQuerySchema,
          response: { 200: availabilitySchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const units = await searchSpaceAvailability(deps.db, scope, request.query);
        return { from: request.query.from, to: request.query.to, units: units.map(presentNode) };
      },
    );

    app.post(
      '/api/hubs/:hub/spaces/holds',
      {
        schema: {
          operationId: 'createSpaceHold',
          summary: 'Hold units (up to whole buildings) for an organisation until a date',
          description: 'Held units cannot be leased to anyone; 409 SPACE_NOT_AVAILABLE names the first unit taken and its dates.',
          tags,
          params: hubParamsSchema,
          headers: idempotencyHeadersSchema,
          body: spaceHoldInputSchema,
          response: { 201: spaceHoldSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: 'createSpaceHold' }, async (tx) => ({
          status: 201,
          body: (await presentHolds(tx, scope.hub, [await createSpaceHold(tx, scope, request.body)]))[0]!,
        }));
      },
    );

    app.get(
      '/api/hubs/:hub/spaces/holds',
      {
        schema: {
          operationId: 'listSpaceHolds',
          summary: 'Holds the caller may see, each with what it costs the city',
          description: 'An organisation’s members see its holds, operators their parks’, hub admins and auditors all.',
          tags,
          params: hubParamsSchema,
          querystring: listHoldsQuerySchema,
          response: { 200: cursorPageOf(spaceHoldSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const page = await listSpaceHolds(deps.db, scope, request.query);
        return { items: await presentHolds(deps.db, scope.hub, page.items), next: page.next };
      },
    );

    app.get(
      '/api/hubs/:hub/spaces/holds/:id',
      {
        schema: {
          operationId: 'getSpaceHold',
          summary: 'One hold',
          description: 'Its organisation’s members, its park’s operators, hub admins.',
          tags,
          params: idParams,
          response: { 200: spaceHoldSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return (await presentHolds(deps.db, scope.hub, [await holdFor(deps.db, scope, request.params.id, 'read')]))[0]!;
      },
    );

    app.post(
      '/api/hubs/:hub/spaces/holds/:id/release',
      {
        schema: {
          operationId: 'releaseSpaceHold',
          summary: 'Release a hold from a day on, wholly or some of its units',
          description:
            'The units are free from that day; a hold with nothing left is released. Releasing the hold of an open offer withdraws the offer (its request waits again, at its place) and takes the whole hold (naming only some of its units is a 400 on `nodeIds`). Send an `Idempotency-Key`.',
          tags,
          params: idParams,
          headers: idempotencyHeadersSchema,
          body: releaseHoldInputSchema,
          response: { 200: spaceHoldSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `releaseSpaceHold:${request.params.id}` }, async (tx) => ({
          status: 200,
          body: (await presentHolds(tx, scope.hub, [await releaseSpaceHold(tx, scope, request.params.id, request.body)]))[0]!,
        }));
      },
    );
  };
