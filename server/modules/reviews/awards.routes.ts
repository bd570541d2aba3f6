import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { awardSchema, clawBackInputSchema, milestoneReportInputSchema, milestoneReviewInputSchema, reasonInputSchema, socialInsuranceInputSchema } from '../../../contracts/reviews.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, sendStored } from '../../platform/http/idempotency-http.js';
import { uuidv7 } from '../../platform/ids.js';
import { idempotent } from '../../platform/idempotency/idempotency.js';
import { awardOf, clawBackAward, getAward, releaseTranche } from './awards.service.js';
import { recordSocialInsurance } from './conditions.service.js';
import { reviewMilestoneReport, submitMilestoneReport } from './milestones.service.js';
import { reviewPolicy } from './reviews.policies.js';
import { loadVisible } from './transitions.js';

const params = hubParamsSchema.extend({ id: z.uuid() });
const trancheParams = params.extend({ seq: z.coerce.number().int().min(1).max(100) });
const milestoneParams = params.extend({ key: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/) });
const tags = ['awards'];
const base = '/api/hubs/:hub/applications/:id';

export const awardRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      `${base}/award`,
      { schema: { operationId: 'getAward', summary: 'The award: tranche schedule, what was paid, reports due, claw-backs', tags, params, response: { 200: awardSchema, ...errorResponses } } },
      async (request) => getAward(deps.db, await hubScope(deps, request, request.params.hub), request.params.id),
    );

    app.post(
      `${base}/tranches/:seq/release`,
      {
        schema: {
          operationId: 'releaseTranche',
          summary: 'Finance pays a waiting tranche by hand, with a reason (through the ledger)',
          tags,
          params: trancheParams,
          headers: idempotencyHeadersSchema,
          body: reasonInputSchema,
          response: { 200: awardSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { id, seq } = request.params;
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(tx, { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: `releaseTranche:${id}:${seq}`, request: request.body }, async () => ({
            status: 200,
            body: await releaseTranche(tx, scope, id, seq, request.body.reason),
          })),
        );
        return sendStored(reply, result);
      },
    );

    app.post(
      `${base}/clawback`,
      {
        schema: {
          operationId: 'clawBackAward',
          summary: 'Take money back on breach (no more than was paid); the award closes',
          tags,
          params,
          headers: idempotencyHeadersSchema,
          body: clawBackInputSchema,
          response: { 200: awardSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(tx, { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: `clawBackAward:${request.params.id}`, request: request.body }, async () => ({
            status: 200,
            body: await clawBackAward(tx, scope, request.params.id, { amount: BigInt(request.body.amount), reason: request.body.reason, transferId: uuidv7() }),
          })),
        );
        return sendStored(reply, result);
      },
    );

    app.post(
      `${base}/milestones/:key/report`,
      { schema: { operationId: 'submitMilestoneReport', summary: 'The awardee reports on a milestone (text and KPIs)', tags, params: milestoneParams, body: milestoneReportInputSchema, response: { 200: awardSchema, ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, (tx) => submitMilestoneReport(tx, scope, request.params.id, request.params.key, request.body));
      },
    );

    app.post(
      `${base}/milestones/:key/review`,
      {
        schema: {
          operationId: 'reviewMilestoneReport',
          summary: 'The officer accepts a report (tranches waiting on it are paid) or returns it',
          tags,
          params: milestoneParams,
          headers: idempotencyHeadersSchema,
          body: milestoneReviewInputSchema,
          response: { 200: awardSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { id, key } = request.params;
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(tx, { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: `reviewMilestoneReport:${id}:${key}`, request: request.body }, async () => ({
            status: 200,
            body: await reviewMilestoneReport(tx, scope, id, key, request.body),
          })),
        );
        return sendStored(reply, result);
      },
    );

    app.post(
      `${base}/social-insurance`,
      {
        schema: {
          operationId: 'recordSocialInsurance',
          summary: 'Record months of local social insurance for an award (from a source); pays what it unlocks',
          tags,
          params,
          headers: idempotencyHeadersSchema,
          body: socialInsuranceInputSchema,
          response: { 200: awardSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(tx, { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: `recordSocialInsurance:${request.params.id}`, request: request.body }, async () => {
            const { app: application, subject } = await loadVisible(tx, scope, request.params.id);
            reviewPolicy.authorize(scope.actor, 'record_fact', subject);
            await recordSocialInsurance(tx, scope, application, request.body);
            return { status: 200, body: await awardOf(tx, application.id, scope) };
          }),
        );
        return sendStored(reply, result);
      },
    );
  };
