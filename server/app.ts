import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from './db/connection.js';
import { registerBudgetRoutes } from './modules/budget/index.js';
import { registerEcosystemRoutes } from './modules/ecosystem/index.js';
import { registerProgramRoutes } from './modules/programs/index.js';
import { registerReviewRoutes } from './modules/reviews/index.js';
import { registerStayRoutes } from './modules/stays/index.js';
import { registerTalentRoutes } from './modules/talent/index.js';
import { createAuth, trustedOrigins } from './platform/auth/auth.js';
import type { Config } from './platform/config.js';
import { fieldCrypto } from './platform/crypto.js';
import { errorBody } from './platform/errors.js';
import { registerAuthRoutes } from './platform/http/auth-routes.js';
import { registerCsrfProtection } from './platform/http/csrf.js';
import type { Deps } from './platform/http/deps.js';
import { localeOf, registerErrorHandling, registerNotFound } from './platform/http/error-handler.js';
import { fileRoutes } from './platform/files/index.js';
import { notificationRoutes } from './platform/notifications/index.js';
import { healthRoutes } from './platform/http/health.js';
import { registerSessions } from './platform/http/session.js';
import { loggerOptions } from './platform/logging.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

export type AppOptions = { db: Db; config: Config; logger?: boolean; webDir?: string };

/** Builds the HTTP app: plugins in the house order, then each module's routes. */
export async function buildApp({ db, config, logger = true, webDir = path.join(root, 'dist/web') }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? loggerOptions(config.logLevel) : false,
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const auth = createAuth(db, config);
  const deps: Deps = { db, auth, config, crypto: fieldCrypto(config.authSecret) };

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time; Scalar's page boots with an inline script.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    max: config.requestsPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (request, context) => ({ statusCode: context.statusCode, ...errorBody('RATE_LIMITED', localeOf(request)) }),
  });
  registerErrorHandling(app);
  registerCsrfProtection(app, trustedOrigins(config));
  registerSessions(app, auth);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Dragon Gate API', version, description: 'The open platform a city runs to grow AI companies.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dragongate.session_token' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  await app.register(scalar, { routePrefix: '/api/docs', configuration: { url: '/api/openapi.json', title: 'Dragon Gate API' } });

  registerAuthRoutes(app, auth, config.publicUrl);
  await app.register(healthRoutes(deps, version));
  await registerEcosystemRoutes(app, deps);
  await registerBudgetRoutes(app, deps);
  await registerProgramRoutes(app, deps);
  await app.register(fileRoutes(deps));
  await app.register(notificationRoutes(deps));
  await registerReviewRoutes(app, deps);
  await registerTalentRoutes(app, deps);
  await registerStayRoutes(app, deps);

  const spaIndex = existsSync(path.join(webDir, 'index.html')) ? readFileSync(path.join(webDir, 'index.html'), 'utf8') : null;
  if (spaIndex) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
  registerNotFound(app, spaIndex);
  return app;
}
