import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hubSecuritySchema } from '../../../contracts/hub-security.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { readHubSecurity, updateHubSecurity } from './hub-security.service.js';

const tags = ['hubs'];

/** A hub's sign-in rules: second factor per staff role, idle and absolute session limits. */
export const hubSecurityRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/security',
      {
        schema: {
          operationId: 'getHubSecurity',
          summary: "The hub's sign-in rules",
          description: 'Which staff roles must sign in with a second factor, and the idle and absolute session limits (hub, security admins and auditors).',
          tags,
          params: hubParamsSchema,
          response: { 200: hubSecuritySchema, ...errorResponses },
        },
      },
      async (request) => readHubSecurity(deps.db, await hubScope(deps, request, request.params.hub)),
    );

    app.put(
      '/api/hubs/:hub/security',
      {
        schema: {
          operationId: 'updateHubSecurity',
          summary: "Change the hub's sign-in rules (hub or security admins)",
          description:
            'From the next request on: a staff member holding one of `twoFactorRoles` without a second factor is refused with 403 `TWO_FACTOR_REQUIRED` on this hub until they enrol; a session past `idleMinutes` without a request or `absoluteHours` after sign-in ends with 401 `SESSION_EXPIRED`. Audited.',
          tags,
          params: hubParamsSchema,
          body: hubSecuritySchema,
          response: { 200: hubSecuritySchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, (tx) => updateHubSecurity(tx, scope, request.body));
      },
    );
  };
