import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { invitationsSchema, matchingCountsSchema, matchListQuerySchema, matchListSchema, runMatchingInputSchema } from '../../../contracts/matches.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { inviteMatched, listMatches } from './matches.service.js';
import { runMatching } from './matching.service.js';

const tags = ['programs'];

/** "Policies find applicants": matches, running matching now, inviting the matched. */
export const matchRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/matches',
      {
        schema: {
          operationId: 'listMatches',
          description:
            'Applicants see the open programs they qualify for and have not applied to, with the criteria they pass. Staff with `program` see who qualifies for it. Cursor-paged.',
          summary: 'Programs you qualify for (staff with ?program=: who qualifies and has not applied)',
          tags,
          params: hubParamsSchema,
          querystring: matchListQuerySchema,
          response: { 200: matchListSchema, ...errorResponses },
        },
      },
      async (request) => listMatches(deps.db, await hubScope(deps, request, request.params.hub), request.query),
    );

    app.post(
      '/api/hubs/:hub/matches/run',
      {
        schema: {
          operationId: 'runMatching',
          description: 'Program officers and hub admins. Evaluates every open program (or one) against every applicant of the hub now; answers the counts.',
          summary: 'Run matching for this hub now (all open programs, or one) and return the counts',
          tags,
          params: hubParamsSchema,
          body: runMatchingInputSchema,
          response: { 200: matchingCountsSchema, ...errorResponses },
        },
      },
      async (request) => runMatching(deps.db, await hubScope(deps, request, request.params.hub), { programId: request.body?.programId }),
    );

    app.post(
      '/api/hubs/:hub/programs/:id/invitations',
      {
        schema: {
          operationId: 'inviteMatched',
          description:
            'Program officers and hub admins. One notification per matched applicant who has not applied (and e-mail with SMTP); inviting again skips those invited.',
          summary: 'Invite the matched applicants who have not applied (in-app notifications, and e-mail when SMTP is configured)',
          tags,
          params: hubParamsSchema.extend({ id: z.uuid() }),
          response: { 200: invitationsSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const mail = deps.config.smtpUrl ? { publicUrl: deps.config.publicUrl } : null;
        return withTransaction(deps.db, (tx) => inviteMatched(tx, scope, request.params.id, mail), { isolation: 'read committed' });
      },
    );
  };
