import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Auth } from '../auth/auth.js';
import { forgetSessions } from '../auth/session-actors.js';
import { AppError } from '../errors.js';
import { errorResponses } from './error-responses.js';

/**
 * Ending one session of the signed-in person (a lost phone, an old laptop), by the id that
 * `getAccountSessions` lists: better-auth ends a single session only by its token, which no
 * page should hold. Only the caller's own sessions: another account's, or one that has ended,
 * answers 404. Outside /api/auth/, so the session is authenticated as on every route.
 */
export function registerSessionRoutes(app: FastifyInstance, auth: Auth): void {
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
      const { internalAdapter } = await auth.$context;
      const session = (await internalAdapter.listSessions(request.userId!)).find((s) => s.id === request.params.id);
      if (!session) throw new AppError('NOT_FOUND');
      await internalAdapter.deleteSession(session.token);
      forgetSessions();
      return reply.status(204).send(null);
    },
  );
}
