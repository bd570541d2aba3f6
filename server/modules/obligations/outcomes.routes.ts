import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { programOutcomesSchema } from '../../../contracts/outcomes.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { getProgramOutcomes } from './outcomes.service.js';

/** Outcome studies: what a program's money changed, against those it turned down. */
export const outcomeRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/programs/:id/outcomes',
      {
        schema: {
          operationId: 'getProgramOutcomes',
          description:
            'Hub staff. The program’s funded organisations against a comparison group: those rejected at review, and rule-only applicants the rules refused on a single numeric criterion missed by at most `narrowMissMaxRelative` of its threshold (all other criteria met); group sizes in `comparisonGroups`. Headcount, revenue and funding raised before the application and 12 / 24 / 36 months after, from their dated facts and outcome reports; difference in differences with a 95% interval and both group sizes. Withheld when either group has fewer than `minimumGroup` firms with figures.',
          summary: 'Outcomes of a program: awardees vs turned-down applicants (difference in differences)',
          tags: ['programs'],
          params: hubParamsSchema.extend({ id: z.uuid() }),
          response: { 200: programOutcomesSchema, ...errorResponses },
        },
      },
      async (request) => getProgramOutcomes(deps.db, await hubScope(deps, request, request.params.hub), request.params.id),
    );
  };
