import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/audit.js';
import { DEPLOYMENT_CHAIN } from '../audit/deployment-chain.js';
import { sessions } from '../auth/auth.tables.js';
import { forgetSessions } from '../auth/session-actors.js';
import { AppError } from '../errors.js';
import { errorResponses } from './error-responses.js';

/**
 * Ending one session of the signed-in person (a lost phone, an old laptop), by the id that
 * `getAccountSessions` lists: better-auth ends a single session only by its token, which no
 * page should hold, so the row goes here. Only the caller's own live sessions: another
 * account's, or one that has ended, answers 404. Outside /api/auth/, so the session is
 * authenticated as on every route. Audited like the sign-ins, on the deployment's chain
 * (`auth.session_ended`, the account's own act), in the transaction that ends it.
 */
export function registerSessionRoutes(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<ZodTypeProvider>().delete(
    '/api/account/sessions/:id',
    {
      schema: {
        operationId: 'endAccountSession',
        summary: 'Sign one session out',
        description:
          'Ends one session of the signed-in account (its id from `getAccountSessions`); ending this session signs this browser out. Another account’s session, or one that has ended, is 404.',
        tags: ['auth'],
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const userId = request.userId!;
      await withTransaction(db, async (tx) => {
        const ended = await tx
          .delete(sessions)
          .where(and(eq(sessions.id, request.params.id), eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
          .returning({ id: sessions.id });
        if (!ended[0]) throw new AppError('NOT_FOUND');
        await recordAudit(tx, { hubId: DEPLOYMENT_CHAIN, actorId: userId, action: 'auth.session_ended', subjectType: 'session', subjectId: ended[0].id });
      });
      forgetSessions();
      return reply.status(204).send(null);
    },
  );
}
