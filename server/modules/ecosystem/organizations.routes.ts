import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import {
  addMemberInputSchema,
  organizationDetailSchema,
  organizationInputSchema,
  organizationListQuerySchema,
  organizationPageSchema,
  organizationSchema,
  organizationUpdateSchema,
  publicOrganizationPageSchema,
} from '../../../contracts/organizations.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, sendStored } from '../../platform/http/idempotency-http.js';
import { idempotent } from '../../platform/idempotency/idempotency.js';
import { presentOrganization, presentOrganizationDetail, presentPublicOrganization } from './organizations.presenters.js';
import * as service from './organizations.service.js';

const orgParams = hubParamsSchema.extend({ id: z.uuid() });
const tags = ['organizations'];

export const organizationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/organizations',
      {
        schema: {
          operationId: 'listOrganizations',
          summary: "A page of the hub's organisations (staff: all; applicants: their own)",
          tags,
          params: hubParamsSchema,
          querystring: organizationListQuerySchema,
          response: { 200: organizationPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { rows, total } = await service.listOrganizations(deps.db, scope, request.query);
        const { page, pageSize } = request.query;
        return { items: rows.map((r) => presentOrganization(r, scope.hub.slug)), page, pageSize, total };
      },
    );

    app.get(
      '/api/hubs/:hub/public/organizations',
      {
        config: { public: true },
        schema: {
          operationId: 'listPublicOrganizations',
          summary: 'The public register: name, kind and sectors',
          tags,
          params: hubParamsSchema,
          querystring: organizationListQuerySchema,
          response: { 200: publicOrganizationPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { hub } = await hubScope(deps, request, request.params.hub);
        const { rows, total } = await service.listPublicOrganizations(deps.db, hub, request.query);
        return { items: rows.map(presentPublicOrganization), page: request.query.page, pageSize: request.query.pageSize, total };
      },
    );

    app.get(
      '/api/hubs/:hub/organizations/:id',
      {
        schema: { operationId: 'getOrganization', summary: 'One organisation with its members', tags, params: orgParams, response: { 200: organizationDetailSchema, ...errorResponses } },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { row, members } = await service.getOrganization(deps.db, scope, request.params.id);
        return presentOrganizationDetail(row, scope.hub.slug, members);
      },
    );

    app.post(
      '/api/hubs/:hub/organizations',
      {
        schema: {
          operationId: 'createOrganization',
          summary: 'Register an organisation; the caller becomes its owner',
          tags,
          params: hubParamsSchema,
          headers: idempotencyHeadersSchema,
          body: organizationInputSchema,
          response: { 201: organizationSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(
            tx,
            { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: 'createOrganization', request: request.body },
            async () => ({ status: 201, body: presentOrganization(await service.createOrganization(tx, scope, request.body), scope.hub.slug) }),
          ),
        );
        return sendStored(reply, result);
      },
    );

    app.patch(
      '/api/hubs/:hub/organizations/:id',
      {
        schema: {
          operationId: 'updateOrganization',
          summary: 'Change some fields of an organisation',
          tags,
          params: orgParams,
          body: organizationUpdateSchema,
          response: { 200: organizationSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const row = await withTransaction(deps.db, (tx) => service.updateOrganization(tx, scope, request.params.id, request.body));
        return presentOrganization(row, scope.hub.slug);
      },
    );

    app.post(
      '/api/hubs/:hub/organizations/:id/members',
      {
        schema: {
          operationId: 'addOrganizationMember',
          summary: 'Add an existing account to an organisation',
          tags,
          params: orgParams,
          headers: idempotencyHeadersSchema,
          body: addMemberInputSchema,
          response: { 201: organizationDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { id } = request.params;
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(
            tx,
            { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: `addOrganizationMember:${id}`, request: request.body },
            async () => {
              await service.addOrganizationMember(tx, scope, id, request.body.email, request.body.role);
              const { row, members } = await service.getOrganization(tx, scope, id);
              return { status: 201, body: presentOrganizationDetail(row, scope.hub.slug, members) };
            },
          ),
        );
        return sendStored(reply, result);
      },
    );
  };
