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
import { idempotencyHeadersSchema, idempotentWrite } from '../../platform/http/idempotency-http.js';
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
          description:
            'Hub staff see every organisation of the hub; anyone else signed in sees the ones they are a member of. Filter by kind, sector or a name fragment (`q`, Chinese or English). Cursor-paged in name order.',
          summary: "A page of the hub's organisations (staff: all; applicants: their own)",
          tags,
          params: hubParamsSchema,
          querystring: organizationListQuerySchema,
          response: { 200: organizationPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const page = await service.listOrganizations(deps.db, scope, request.query);
        return { ...page, items: page.items.map((r) => presentOrganization(r, scope.hub.slug)) };
      },
    );

    app.get(
      '/api/hubs/:hub/public/organizations',
      {
        config: { public: true },
        schema: {
          operationId: 'listPublicOrganizations',
          description: 'Anyone. The hub’s public register: name, kind and sectors only. Same filters and paging as `listOrganizations`.',
          summary: 'The public register: name, kind and sectors',
          tags,
          params: hubParamsSchema,
          querystring: organizationListQuerySchema,
          response: { 200: publicOrganizationPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { hub } = await hubScope(deps, request, request.params.hub);
        const page = await service.listPublicOrganizations(deps.db, hub, request.query);
        return { ...page, items: page.items.map(presentPublicOrganization) };
      },
    );

    app.get(
      '/api/hubs/:hub/organizations/:id',
      {
        schema: {
          operationId: 'getOrganization',
          description:
            'Hub staff and the organisation’s members; anyone else gets 404. With its members (name, e-mail, role) and `allowedActions`: what the caller may do with it.',
          summary: 'One organisation with its members',
          tags,
          params: orgParams,
          response: { 200: organizationDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { row, members, allowedActions } = await service.getOrganization(deps.db, scope, request.params.id);
        return presentOrganizationDetail(row, scope.hub.slug, members, allowedActions);
      },
    );

    app.post(
      '/api/hubs/:hub/organizations',
      {
        schema: {
          operationId: 'createOrganization',
          description:
            'Any signed-in person registers an organisation in the hub and becomes its owner. The USCC is checked (checksum) and unique per hub (409 `DUPLICATE_USCC`). Send an `Idempotency-Key`: a retry returns the first organisation.',
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
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: 'createOrganization' }, async (tx) => ({
          status: 201,
          body: presentOrganization(await service.createOrganization(tx, scope, request.body), scope.hub.slug),
        }));
      },
    );

    app.patch(
      '/api/hubs/:hub/organizations/:id',
      {
        schema: {
          operationId: 'updateOrganization',
          description: 'The organisation’s owners, program officers and hub admins. Only the fields sent change; an audit event records which.',
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
          description:
            'Hub admins, registering a company on its behalf, add an existing account by e-mail (404 `USER_NOT_FOUND`, 409 `ALREADY_MEMBER`). Anyone else is refused (403, or 404 for an organisation they cannot see) before the address is looked at; a company’s owners invite colleagues instead (`inviteColleague`), who accept.',
          summary: 'Add an existing account to an organisation (hub admins)',
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
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `addOrganizationMember:${id}` }, async (tx) => {
          await service.addOrganizationMember(tx, scope, id, request.body.email, request.body.role);
          const { row, members, allowedActions } = await service.getOrganization(tx, scope, id);
          return { status: 201, body: presentOrganizationDetail(row, scope.hub.slug, members, allowedActions) };
        });
      },
    );
  };
