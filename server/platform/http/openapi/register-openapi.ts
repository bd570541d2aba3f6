import swagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { finishDocument } from './finish-document.js';
import { rawRequestBody, type RawBody } from './file-response.js';

/** The session cookie better-auth sets on sign-in (the `dragongate.` cookie prefix). */
export const SESSION_COOKIE = 'dragongate.session_token';

/**
 * Serves the contract: OpenAPI 3.1 at /api/openapi.json and the reference at /api/docs.
 * Derived per route, so a new route follows the rules without thinking of them: a route
 * whose config says `public: true` declares `security: []`; every other one needs the
 * session cookie or an API token (Bearer). The rest of the rules are checked by
 * `contract.test.ts` and Spectral (`npm run lint`).
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  const rawBodies = new Map<string, RawBody>();
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Dragon Gate API',
        version,
        description:
          'The open platform a city runs to grow AI companies. Sign in with `POST /api/auth/sign-in/email` (the session cookie follows), or send an API token as `Authorization: Bearer`. ' +
          'Lists are cursor-paged (`limit` + `next`, answers `{ items, next }`); money is a decimal string of fen; times are ISO 8601 date-times in UTC; errors are `{ error: { code, message, fields } }` in the language of `Accept-Language`.',
        contact: { name: 'Dragon Gate maintainers' },
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: '/', description: 'This server' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie set by `POST /api/auth/sign-in/email`' },
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token of a hub (machine clients), sent as `Authorization: Bearer <token>`' },
        },
      },
      security: [{ session: [] }, { bearerAuth: [] }],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const isPublic = (input.route.config as { public?: boolean } | undefined)?.public === true;
      if (isPublic && out.schema && !(out.schema as { hide?: boolean }).hide) (out.schema as { security?: unknown[] }).security = [];
      const raw = (input.route.config as { rawBody?: RawBody } | undefined)?.rawBody;
      const operationId = (out.schema as { operationId?: string } | undefined)?.operationId;
      if (raw && operationId) rawBodies.set(operationId, raw);
      return out;
    },
    transformObject: (input) =>
      finishDocument(withRawBodies(jsonSchemaTransformObject(input) as Record<string, unknown>, rawBodies)) as ReturnType<typeof jsonSchemaTransformObject>,
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  await app.register(scalar, {
    routePrefix: '/api/docs',
    configuration: {
      url: '/api/openapi.json',
      title: 'Dragon Gate API',
      // Nothing from third-party hosts: the bundled script only, no web fonts, no telemetry, no agent.
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      // No buttons that send the document to Scalar's hosted client, sharing or deploy services.
      hideClientButton: true,
      showDeveloperTools: 'never',
    },
  });
}

/** Routes that read a file as their raw body (`config.rawBody`) get its request body: real media types, binary. */
function withRawBodies(document: Record<string, unknown>, rawBodies: ReadonlyMap<string, RawBody>): Record<string, unknown> {
  const paths = (document.paths ?? {}) as Record<string, Record<string, { operationId?: string; requestBody?: unknown }>>;
  for (const item of Object.values(paths))
    for (const operation of Object.values(item)) {
      const raw = operation.operationId ? rawBodies.get(operation.operationId) : undefined;
      if (raw) operation.requestBody = rawRequestBody(raw);
    }
  return document;
}
