import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiTokenInputSchema, apiTokenListSchema, apiTokenParamsSchema, apiTokenSchema, createdApiTokenSchema } from '../../../contracts/api-tokens.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { cursorQuerySchema } from '../../../contracts/pagination.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../http/deps.js';
import { errorResponses } from '../http/error-responses.js';
import { reauthenticate } from '../http/reauthenticate.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.js';

const tags = ['api-tokens'];

/** Hub admins make, list and revoke the API tokens of the hub's machine clients. */
export const apiTokenRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/api-tokens',
      {
        schema: {
          operationId: 'listApiTokens',
          description: 'Hub admins. The hub’s tokens with roles, expiry, last use and whether revoked; secrets are never shown again. Cursor-paged.',
          summary: "The hub's API tokens, newest first (never their secrets)",
          tags,
          params: hubParamsSchema,
          querystring: cursorQuerySchema,
          response: { 200: apiTokenListSchema, ...errorResponses },
        },
      },
      async (request) => listApiTokens(deps.db, await hubScope(deps, request, request.params.hub), request.query),
    );

    app.post(
      '/api/hubs/:hub/api-tokens',
      {
        schema: {
          operationId: 'createApiToken',
          description:
            'Hub admins make a token scoped to this hub and the roles given, with an optional expiry. Only a hash is stored: copy the secret from this answer. Clients send it as `Authorization: Bearer <secret>`.',
          summary: 'Make an API token for a machine client; its secret is shown in this answer only',
          tags,
          params: hubParamsSchema,
          body: apiTokenInputSchema,
          response: { 201: createdApiTokenSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { confirm, ...input } = request.body;
        await reauthenticate(deps, request, scope.hub.id, confirm);
        return reply.status(201).send(await withTransaction(deps.db, (tx) => createApiToken(tx, scope, input)));
      },
    );

    app.post(
      '/api/hubs/:hub/api-tokens/:tokenId/revoke',
      {
        schema: {
          operationId: 'revokeApiToken',
          description: 'Hub admins revoke a token; from the next request on it is refused (401). Revoking twice changes nothing.',
          summary: 'Revoke an API token: the next request that presents it is refused',
          tags,
          params: apiTokenParamsSchema,
          response: { 200: apiTokenSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, (tx) => revokeApiToken(tx, scope, request.params.tokenId));
      },
    );
  };
