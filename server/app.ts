import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from './db/connection.js';
import { registerBudgetRoutes } from './modules/budget/index.js';
import { registerComputeRoutes } from './modules/compute/index.js';
import { registerEcosystemRoutes } from './modules/ecosystem/index.js';
import { registerHubAdminRoutes } from './modules/hubs/index.js';
import { registerProgramRoutes } from './modules/programs/index.js';
import { registerReviewRoutes } from './modules/reviews/index.js';
import { registerSpaceRoutes } from './modules/spaces/index.js';
import { registerObligationRoutes } from './modules/obligations/index.js';
import { registerOpenDataRoutes } from './modules/open-data/index.js';
import { registerStayRoutes } from './modules/stays/index.js';
import { registerTalentRoutes } from './modules/talent/index.js';
import { apiTokenRoutes } from './platform/api-tokens/index.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { createAuth, trustedOrigins } from './platform/auth/auth.js';
import type { Config } from './platform/config.js';
import { fieldCrypto } from './platform/crypto/fields.js';
import { rateLimitedBody } from './platform/errors.js';
import { registerAuthRoutes } from './platform/http/auth-routes.js';
import { registerArchivedHubGuard } from './platform/http/archived-hubs.js';
import { registerCsrfProtection } from './platform/http/csrf.js';
import { registerCompression, registerWebFiles } from './platform/http/delivery.js';
import type { Deps } from './platform/http/deps.js';
import { clientErrorHandler, frameworkErrors, localeOf, registerErrorHandling, registerNotFound } from './platform/http/error-handler.js';
import { registerInputHygiene } from './platform/http/input-hygiene.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { serializerCompiler } from './platform/http/serializer.js';
import { fileRoutes } from './platform/files/index.js';
import { notificationRoutes } from './platform/notifications/index.js';
import { healthRoutes } from './platform/http/health.js';
import { registerOpenApi } from './platform/http/openapi/register-openapi.js';
import { registerSessions } from './platform/http/session.js';
import { registerRefusalAudit } from './platform/http/refusal-audit.js';
import { loggerOptions } from './platform/logging.js';
import { fastifyTrustProxy } from './platform/http/client-address.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

export type AppOptions = { db: Db; config: Config; logger?: boolean; webDir?: string };

/** Builds the HTTP app: plugins in the house order, then each module's routes. */
export async function buildApp({ db, config, logger = true, webDir = path.join(root, 'dist/web') }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? loggerOptions(config.logLevel) : false,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 1_048_576,
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const auth = createAuth(db, config);
  const deps: Deps = { db, auth, config, crypto: fieldCrypto(config.authSecret, config.cryptoSuite) };

  await registerSecurityHeaders(app, config);
  await registerCompression(app);
  await app.register(rateLimit, {
    max: config.requestsPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (request, context) => ({ statusCode: context.statusCode, ...rateLimitedBody(localeOf(request), Math.ceil(context.ttl / 1000)) }),
  });
  registerErrorHandling(app);
  registerCsrfProtection(app, trustedOrigins(config));
  registerSessions(app, auth, db);
  registerRefusalAudit(app, db);
  registerInputHygiene(app);
  registerArchivedHubGuard(app, db);

  await registerOpenApi(app, version);

  registerAuthRoutes(app, auth, config.publicUrl, db);
  await app.register(healthRoutes(deps, version));
  await registerEcosystemRoutes(app, deps);
  await registerBudgetRoutes(app, deps);
  await registerProgramRoutes(app, deps);
  await app.register(fileRoutes(deps));
  await app.register(notificationRoutes(deps));
  await app.register(apiTokenRoutes(deps));
  await app.register(auditRoutes(deps));
  await registerReviewRoutes(app, deps);
  await registerObligationRoutes(app, deps);
  await registerTalentRoutes(app, deps);
  await registerStayRoutes(app, deps);
  await registerSpaceRoutes(app, deps);
  await registerComputeRoutes(app, deps);
  await registerOpenDataRoutes(app, deps);
  await registerHubAdminRoutes(app, deps);

  registerNotFound(app, await registerWebFiles(app, webDir));
  return app;
}
