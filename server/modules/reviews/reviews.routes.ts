import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicationSchema } from '../../../contracts/applications.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { cursorPageOf, cursorQuerySchema } from '../../../contracts/pagination.js';
import {
  decisionInputSchema,
  draftAnswersInputSchema,
  reasonInputSchema,
  resubmitInputSchema,
  reviewBoardSchema,
  reviewInputSchema,
  reviewItemSchema,
  transitionSchema,
  type ReviewBoard,
  type ReviewItem,
} from '../../../contracts/reviews.js';
import { withTransaction } from '../../db/transaction.js';
import { auditedRead, recordPersonalRead } from '../../platform/audit/personal-reads.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, idempotentWrite } from '../../platform/http/idempotency-http.js';
import { applicationsRead, presentApplication, type ApplicationRow } from '../programs/index.js';
import { assignReviewers, declareConflict } from './assignment.service.js';
import { decideApplication } from './decision.service.js';
import { saveDraftAnswers, submitDraft } from './drafts.service.js';
import { reviewBoard, reviewItem, reviewQueue, submitReview } from './review.service.js';
import { appealDecision, applicationHistory, resubmitApplication, screenApplication, withdrawApplication } from './workflow.service.js';

const params = hubParamsSchema.extend({ id: z.uuid() });
const tags = ['reviews'];
const base = '/api/hubs/:hub/applications/:id';

// Officers see who reviewed and their conflicts (personal data, audited); applicants and reviewers see neither, and nothing is recorded.
const boardRead = (applicationId: string) => ({
  subjectType: 'review_board',
  fields: ['reviewer_name', 'conflict'],
  ids: (board: ReviewBoard) => (board.assignments.length > 0 ? [applicationId] : []),
});
// Reviewers are never the applicant (assignment leaves out the submitter and its colleagues), so every item shown is a read of another's answers.
const reviewItemsRead = () => ({
  subjectType: 'application',
  fields: ['answers', 'applicant_name'],
  ids: (page: { items: ReviewItem[] }) => page.items.map((i) => i.applicationId),
});
// An officer's write that answers the application with its answers.
const answersRead = (readerId: string | null) => applicationsRead(readerId, ['answers'], (row: ApplicationRow) => [row]);

export const reviewRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const scoped = (request: { params: { hub: string } } & Parameters<typeof hubScope>[1]) => hubScope(deps, request, request.params.hub);

    app.post(
      `${base}/reviewers`,
      {
        schema: {
          operationId: 'assignReviewers',
          description: 'Program officers. Picks the program’s N reviewers by lowest open load, skipping those with a conflict (recorded with the reason).',
          summary: 'Assign the program’s N reviewers, excluding conflicted ones (reasons recorded)',
          tags,
          params,
          response: { 200: reviewBoardSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await scoped(request);
        await withTransaction(deps.db, (tx) => assignReviewers(tx, scope, request.params.id));
        return auditedRead(deps.db, scope, boardRead(request.params.id), (tx) => reviewBoard(tx, scope, request.params.id));
      },
    );

    app.post(
      `${base}/conflicts`,
      {
        schema: {
          operationId: 'declareConflict',
          description: 'An assigned reviewer declares a conflict of interest; the seat passes to another reviewer.',
          summary: 'A reviewer declares a conflict of interest and leaves the application',
          tags,
          params,
          body: reasonInputSchema,
          response: { 200: z.object({ status: z.literal('conflicted') }), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await scoped(request);
        await withTransaction(deps.db, (tx) => declareConflict(tx, scope, request.params.id, request.body.reason));
        return { status: 'conflicted' as const };
      },
    );

    app.post(
      `${base}/reviews`,
      {
        schema: {
          operationId: 'submitReview',
          description: 'An assigned reviewer scores each rubric item, with a comment and a recommendation. Conflicted or unassigned reviewers get 404.',
          summary: 'Score the application on the rubric, with a comment and a recommendation',
          tags,
          params,
          body: reviewInputSchema,
          response: { 200: reviewBoardSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await scoped(request);
        await withTransaction(deps.db, (tx) => submitReview(tx, scope, request.params.id, request.body));
        return auditedRead(deps.db, scope, boardRead(request.params.id), (tx) => reviewBoard(tx, scope, request.params.id));
      },
    );

    app.get(
      `${base}/reviews`,
      {
        schema: {
          operationId: 'getReviewBoard',
          description:
            'Program officers see every review side by side with the spread; the applicant sees the decision and, when the program allows, anonymous scores.',
          summary: 'Reviews side by side with the spread (officers); the decision and, if allowed, anonymous scores (applicants)',
          tags,
          params,
          response: { 200: reviewBoardSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await scoped(request);
        return auditedRead(deps.db, scope, boardRead(request.params.id), (tx) => reviewBoard(tx, scope, request.params.id));
      },
    );

    app.get(
      '/api/hubs/:hub/review-queue',
      {
        schema: {
          operationId: 'listReviewQueue',
          description: 'Reviewers: the applications assigned to me, those still to score first, then oldest first.',
          summary: 'The applications assigned to me as a reviewer',
          tags,
          params: hubParamsSchema,
          querystring: cursorQuerySchema,
          response: { 200: cursorPageOf(reviewItemSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await scoped(request);
        return auditedRead(deps.db, scope, reviewItemsRead(), (tx) => reviewQueue(tx, scope, request.query));
      },
    );

    app.get(
      '/api/hubs/:hub/review-queue/:id',
      {
        schema: {
          operationId: 'getReviewItem',
          description: 'An assigned reviewer: the application’s answers, what changed since the last round, and the rubric.',
          summary: 'One assigned application: answers, what changed, the rubric',
          tags,
          params,
          response: { 200: reviewItemSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await scoped(request);
        const read = { ...reviewItemsRead(), ids: (item: ReviewItem) => [item.applicationId] };
        return auditedRead(deps.db, scope, read, (tx) => reviewItem(tx, scope, request.params.id));
      },
    );

    app.post(
      `${base}/decision`,
      {
        schema: {
          operationId: 'decideApplication',
          description:
            'Program officers (never on their own application). Approve, reject or return with a reason; above the two-person threshold a second, different officer approves. Approval commits the award. Send an `Idempotency-Key`.',
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
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `decideApplication:${request.params.id}` }, async (tx) => {
          const row = await decideApplication(tx, scope, request.params.id, request.body);
          await recordPersonalRead(tx, scope, answersRead(scope.actor.userId), row);
          return { status: 200, body: presentApplication(row) };
        });
      },
    );

    const step = (path: string, operationId: string, summary: string, description: string, act: typeof appealDecision) =>
      app.post(
        `${base}/${path}`,
        { schema: { operationId, summary, description, tags, params, body: reasonInputSchema, response: { 200: applicationSchema, ...errorResponses } } },
        async (request) => {
          const scope = await scoped(request);
          return presentApplication(await withTransaction(deps.db, (tx) => act(tx, scope, request.params.id, request.body.reason)));
        },
      );
    step(
      'appeal',
      'appealDecision',
      'Appeal a rejection (a different set of reviewers will look again)',
      'The applicant appeals a rejection once, with a reason; reviewers of no earlier round look again.',
      appealDecision,
    );
    step(
      'withdraw',
      'withdrawApplication',
      'Withdraw my application',
      'The applicant withdraws before a decision, or while returned or appealed.',
      withdrawApplication,
    );

    app.post(
      `${base}/screen`,
      {
        schema: {
          operationId: 'screenApplication',
          description: 'Program officers take a submitted application into screening.',
          summary: 'Take a submitted application into screening',
          tags,
          params,
          response: { 200: applicationSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await scoped(request);
        const row = await withTransaction(deps.db, async (tx) => {
          const screened = await screenApplication(tx, scope, request.params.id);
          await recordPersonalRead(tx, scope, answersRead(scope.actor.userId), screened);
          return screened;
        });
        return presentApplication(row);
      },
    );

    app.put(
      `${base}/answers`,
      {
        schema: {
          operationId: 'saveApplicationDraft',
          description: 'The applicant changes a draft’s answers: each is checked for its type; missing ones are allowed until submission.',
          summary: 'Change a draft’s answers (each checked for its type; missing ones are fine)',
          tags,
          params,
          body: draftAnswersInputSchema,
          response: { 200: applicationSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await scoped(request);
        return presentApplication(await withTransaction(deps.db, (tx) => saveDraftAnswers(tx, scope, request.params.id, request.body.answers)));
      },
    );

    app.post(
      `${base}/submit`,
      {
        schema: {
          operationId: 'submitApplicationDraft',
          description:
            'The applicant submits a draft: judged by the program’s current rules, then on to review, or refused with the reasons (a rule-only program decides at once and commits the award). Send an `Idempotency-Key`.',
          summary: 'Submit a draft: judged by the program’s current rules, then on to review or refused with reasons',
          tags,
          params,
          headers: idempotencyHeadersSchema,
          response: { 200: applicationSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await scoped(request);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `submitApplicationDraft:${request.params.id}` }, async (tx) => ({
          status: 200,
          body: presentApplication(await submitDraft(tx, scope, request.params.id)),
        }));
      },
    );

    app.post(
      `${base}/resubmit`,
      {
        schema: {
          operationId: 'resubmitApplication',
          description: 'The applicant sends a returned application again with changed answers; reviewers see the difference.',
          summary: 'Send a returned application again with changed answers',
          tags,
          params,
          body: resubmitInputSchema,
          response: { 200: applicationSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await scoped(request);
        return presentApplication(
          await withTransaction(deps.db, (tx) => resubmitApplication(tx, scope, request.params.id, request.body.answers, request.body.reason)),
        );
      },
    );

    app.get(
      `${base}/history`,
      {
        schema: {
          operationId: 'getApplicationHistory',
          description: 'The applicant and hub staff. Every status change in order, with who made it and why.',
          summary: 'Every status change with its reason',
          tags,
          params,
          response: { 200: z.object({ items: z.array(transitionSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await applicationHistory(deps.db, await scoped(request), request.params.id) }),
    );
  };
