import { auditedRead } from '../../platform/audit/personal-reads.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { personInputSchema, personListQuerySchema, personPageSchema, personSchema } from '../../../contracts/people.js';
import { relationInputSchema, relationListQuerySchema, relationPageSchema, relationSchema } from '../../../contracts/relations.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, idempotentWrite } from '../../platform/http/idempotency-http.js';
import { createPerson, listPeople, presentPerson } from './people.service.js';
import { presentRelations } from './relations.presenters.js';
import { createRelation, listNamedRelations } from './relations.service.js';

/** People and the relations between people and organisations. */
export const peopleRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/people',
      {
        schema: {
          operationId: 'listPeople',
          description:
            'Hub staff only (others 404). Search by name, filter by role or by university (alumni). Resident ids are masked. Cursor-paged in name order.',
          summary: 'A page of the hub’s people (staff)',
          tags: ['people'],
          params: hubParamsSchema,
          querystring: personListQuerySchema,
          response: { 200: personPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const read = {
          subjectType: 'person',
          fields: ['name', 'resident_id_masked', 'contact'],
          ids: (p: { items: { id: string }[] }) => p.items.map((i) => i.id),
        };
        const page = await auditedRead(deps.db, scope, read, (tx) => listPeople(tx, scope, request.query));
        return { ...page, items: page.items.map(presentPerson) };
      },
    );

    app.post(
      '/api/hubs/:hub/people',
      {
        schema: {
          operationId: 'createPerson',
          description:
            'Program officers and hub admins record a person. A resident id is validated, stored encrypted and answered masked. Send an `Idempotency-Key`.',
          summary: 'Record a person',
          tags: ['people'],
          params: hubParamsSchema,
          headers: idempotencyHeadersSchema,
          body: personInputSchema,
          response: { 201: personSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: 'createPerson' }, async (tx) => ({
          status: 201,
          body: presentPerson(await createPerson(tx, scope, request.body, deps.crypto)),
        }));
      },
    );

    app.get(
      '/api/hubs/:hub/relations',
      {
        schema: {
          operationId: 'listRelations',
          description:
            'Hub staff only. Relations touching an organisation or a person, newest first, with the names of both ends. Staff who may read people see every tie (an audited read); other staff see ties between organisations and who founded them, as the public graph does. An `organization` or `person` of another hub: 404. Cursor-paged.',
          summary: 'A page of relations (staff)',
          tags: ['relations'],
          params: hubParamsSchema,
          querystring: relationListQuerySchema,
          response: { 200: relationPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return listNamedRelations(deps.db, scope, request.query);
      },
    );

    app.post(
      '/api/hubs/:hub/relations',
      {
        schema: {
          operationId: 'createRelation',
          description:
            'Program officers and hub admins record who founded, works at, studied at or invested in an organisation. Both ends must exist in this hub; impossible dates are 400 naming the field. Send an `Idempotency-Key`.',
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
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: 'createRelation' }, async (tx) => {
          const row = await createRelation(tx, scope, request.body);
          return { status: 201, body: (await presentRelations(tx, scope.hub.id, [row]))[0]! };
        });
      },
    );
  };
