import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CRYPTO_SUITES } from '../crypto/suite.js';
import type { Deps } from './deps.js';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ ok: z.boolean(), latencyMs: z.number() }),
  version: z.string(),
  cryptoSuite: z.enum(CRYPTO_SUITES).describe("The deployment's crypto suite: international (SHA-256, Ed25519, AES-256-GCM) or gm (SM3, SM2, SM4)."),
});

export const healthRoutes =
  (deps: Deps, version: string): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        config: { public: true },
        schema: {
          operationId: 'getHealth',
          description: 'Anyone. 200 with the database’s latency when it answers, 503 (same shape) when it does not. For load balancers and monitors.',
          tags: ['system'],
          summary: 'Is the server and its database up',
          response: { 200: healthSchema, 503: healthSchema },
        },
      },
      async (_request, reply) => {
        const started = performance.now();
        const ok = await deps.db.execute(sql`SELECT 1`).then(
          () => true,
          () => false,
        );
        const latencyMs = Math.round((performance.now() - started) * 100) / 100;
        return reply
          .status(ok ? 200 : 503)
          .send({ status: ok ? 'ok' : 'degraded', database: { ok, latencyMs }, version, cryptoSuite: deps.config.cryptoSuite });
      },
    );
  };
