import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { personInputSchema, personListQuerySchema, personPageSchema, personSchema } from '../../../contracts/people.js';
import { relationInputSchema, relationListQuerySchema, relationPageSchema, relationSchema } from '../../../contracts/relations.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, sendStored } from '../../platform/http/idempotency-http.js';
import { idempotent } from '../../platform/idempotency/idempotency.js';
import { createPerson, listPeople, presentPerson } from './people.service.js';
import { presentRelations } from './relations.presenters.js';
import { createRelation, listRelations } from './relations.service.js';


/** People and the relations between people and organisations. */
export const peopleRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/people',
      { schema: { operationId: 'listPeople', summary: 'A page of the hub’s people (staff)', tags: ['people'], params: hubParamsSchema, querystring: personListQuerySchema, response: { 200: personPageSchema, ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { rows, total } = await listPeople(deps.db, scope, request.query);
        return { items: rows.map(presentPerson), page: request.query.page, pageSize: request.query.pageSize, total };
      },
    );

    app.post(
      '/api/hubs/:hub/people',
      {
        schema: { operationId: 'createPerson', summary: 'Record a person', tags: ['people'], params: hubParamsSchema, headers: idempotencyHeadersSchema, body: personInputSchema, response: { 201: personSchema, ...errorResponses } },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(tx, { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: 'createPerson', request: request.body }, async () => ({
            status: 201,
            body: presentPerson(await createPerson(tx, scope, request.body, deps.crypto)),
          })),
        );
        return sendStored(reply, result);
      },
    );

    app.get(
      '/api/hubs/:hub/relations',
      { schema: { operationId: 'listRelations', summary: 'A page of relations (staff)', tags: ['relations'], params: hubParamsSchema, querystring: relationListQuerySchema, response: { 200: relationPageSchema, ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { rows, total } = await listRelations(deps.db, scope, request.query);
        return { items: await presentRelations(deps.db, scope.hub.id, rows), page: request.query.page, pageSize: request.query.pageSize, total };
      },
    );

    app.post(
      '/api/hubs/:hub/relations',
      {
        schema: {
          operationId: 'createRelation',
          summary: 'Record a relation (founded, works at, alumnus of, invested in, …)',
          tags: ['relations'],
          params: hubParamsSchema,
          headers: idempotencyHeadersSchema,
          body: relationInputSchema,
          response: { 201: relationSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(tx, { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: 'createRelation', request: request.body }, async () => {
            const row = await createRelation(tx, scope, request.body);
            return { status: 201, body: (await presentRelations(tx, scope.hub.id, [row]))[0]! };
          }),
        );
        return sendStored(reply, result);
      },
    );
  };
