import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicationSchema } from '../../../contracts/applications.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { decisionInputSchema, draftAnswersInputSchema, reasonInputSchema, resubmitInputSchema, reviewBoardSchema, reviewInputSchema, reviewItemSchema, transitionSchema } from '../../../contracts/reviews.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, sendStored } from '../../platform/http/idempotency-http.js';
import { idempotent } from '../../platform/idempotency/idempotency.js';
import { presentApplication } from '../programs/index.js';
import { assignReviewers, declareConflict } from './assignment.service.js';
import { decideApplication } from './decision.service.js';
import { saveDraftAnswers, submitDraft } from './drafts.service.js';
import { reviewBoard, reviewItem, reviewQueue, submitReview } from './review.service.js';
import { appealDecision, applicationHistory, resubmitApplication, screenApplication, withdrawApplication } from './workflow.service.js';

const params = hubParamsSchema.extend({ id: z.uuid() });
const tags = ['reviews'];
const base = '/api/hubs/:hub/applications/:id';

export const reviewRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const scoped = (request: { params: { hub: string } } & Parameters<typeof hubScope>[1]) => hubScope(deps, request, request.params.hub);

    app.post(
      `${base}/reviewers`,
      { schema: { operationId: 'assignReviewers', summary: 'Assign the program’s N reviewers, excluding conflicted ones (reasons recorded)', tags, params, response: { 200: reviewBoardSchema, ...errorResponses } } },
      async (request) => {
        const scope = await scoped(request);
        await withTransaction(deps.db, (tx) => assignReviewers(tx, scope, request.params.id));
        return reviewBoard(deps.db, scope, request.params.id);
      },
    );

    app.post(
      `${base}/conflicts`,
      { schema: { operationId: 'declareConflict', summary: 'A reviewer declares a conflict of interest and leaves the application', tags, params, body: reasonInputSchema, response: { 200: z.object({ status: z.literal('conflicted') }), ...errorResponses } } },
      async (request) => {
        const scope = await scoped(request);
        await withTransaction(deps.db, (tx) => declareConflict(tx, scope, request.params.id, request.body.reason));
        return { status: 'conflicted' as const };
      },
    );

    app.post(
      `${base}/reviews`,
      { schema: { operationId: 'submitReview', summary: 'Score the application on the rubric, with a comment and a recommendation', tags, params, body: reviewInputSchema, response: { 200: reviewBoardSchema, ...errorResponses } } },
      async (request) => {
        const scope = await scoped(request);
        await withTransaction(deps.db, (tx) => submitReview(tx, scope, request.params.id, request.body));
        return reviewBoard(deps.db, scope, request.params.id);
      },
    );

    app.get(
      `${base}/reviews`,
      { schema: { operationId: 'getReviewBoard', summary: 'Reviews side by side with the spread (officers); the decision and, if allowed, anonymous scores (applicants)', tags, params, response: { 200: reviewBoardSchema, ...errorResponses } } },
      async (request) => reviewBoard(deps.db, await scoped(request), request.params.id),
    );

    app.get(
      '/api/hubs/:hub/review-queue',
      { schema: { operationId: 'listReviewQueue', summary: 'The applications assigned to me as a reviewer', tags, params: hubParamsSchema, response: { 200: z.object({ items: z.array(reviewItemSchema) }), ...errorResponses } } },
      async (request) => ({ items: await reviewQueue(deps.db, await scoped(request)) }),
    );

    app.get(
      '/api/hubs/:hub/review-queue/:id',
      { schema: { operationId: 'getReviewItem', summary: 'One assigned application: answers, what changed, the rubric', tags, params, response: { 200: reviewItemSchema, ...errorResponses } } },
      async (request) => reviewItem(deps.db, await scoped(request), request.params.id),
    );

    app.post(
      `${base}/decision`,
      {
        schema: {
          operationId: 'decideApplication',
          summary: 'Approve, reject or return with a reason; above the two-person threshold a second officer approves',
          tags,
          params,
          headers: idempotencyHeadersSchema,
          body: decisionInputSchema,
          response: { 200: applicationSchema, ...errorResponses },
        },
      },
      // An approval commits money and may pay the first tranche: a retry must not act twice.
      async (request, reply) => {
        const scope = await scoped(request);
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(tx, { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: `decideApplication:${request.params.id}`, request: request.body }, async () => ({
            status: 200,
            body: presentApplication(await decideApplication(tx, scope, request.params.id, request.body)),
          })),
        );
        return sendStored(reply, result);
      },
    );

    const step = (path: string, operationId: string, summary: string, act: typeof appealDecision) =>
      app.post(
        `${base}/${path}`,
        { schema: { operationId, summary, tags, params, body: reasonInputSchema, response: { 200: applicationSchema, ...errorResponses } } },
        async (request) => {
          const scope = await scoped(request);
          return presentApplication(await withTransaction(deps.db, (tx) => act(tx, scope, request.params.id, request.body.reason)));
        },
      );
    step('appeal', 'appealDecision', 'Appeal a rejection (a different set of reviewers will look again)', appealDecision);
    step('withdraw', 'withdrawApplication', 'Withdraw my application', withdrawApplication);

    app.post(
      `${base}/screen`,
      { schema: { operationId: 'screenApplication', summary: 'Take a submitted application into screening', tags, params, response: { 200: applicationSchema, ...errorResponses } } },
      async (request) => {
        const scope = await scoped(request);
        return presentApplication(await withTransaction(deps.db, (tx) => screenApplication(tx, scope, request.params.id)));
      },
    );

    app.put(
      `${base}/answers`,
      { schema: { operationId: 'saveApplicationDraft', summary: 'Change a draft’s answers (each checked for its type; missing ones are fine)', tags, params, body: draftAnswersInputSchema, response: { 200: applicationSchema, ...errorResponses } } },
      async (request) => {
        const scope = await scoped(request);
        return presentApplication(await withTransaction(deps.db, (tx) => saveDraftAnswers(tx, scope, request.params.id, request.body.answers)));
      },
    );

    app.post(
      `${base}/submit`,
      { schema: { operationId: 'submitApplicationDraft', summary: 'Submit a draft: judged by the program’s current rules, then on to review or refused with reasons', tags, params, response: { 200: applicationSchema, ...errorResponses } } },
      async (request) => {
        const scope = await scoped(request);
        return presentApplication(await withTransaction(deps.db, (tx) => submitDraft(tx, scope, request.params.id)));
      },
    );

    app.post(
      `${base}/resubmit`,
      { schema: { operationId: 'resubmitApplication', summary: 'Send a returned application again with changed answers', tags, params, body: resubmitInputSchema, response: { 200: applicationSchema, ...errorResponses } } },
      async (request) => {
        const scope = await scoped(request);
        return presentApplication(await withTransaction(deps.db, (tx) => resubmitApplication(tx, scope, request.params.id, request.body.answers, request.body.reason)));
      },
    );

    app.get(
      `${base}/history`,
      { schema: { operationId: 'getApplicationHistory', summary: 'Every status change with its reason', tags, params, response: { 200: z.object({ items: z.array(transitionSchema) }), ...errorResponses } } },
      async (request) => ({ items: await applicationHistory(deps.db, await scoped(request), request.params.id) }),
    );
  };
