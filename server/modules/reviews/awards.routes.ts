import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import {
  awardSchema,
  clawBackInputSchema,
  milestoneReportInputSchema,
  milestoneReviewInputSchema,
  reasonInputSchema,
  socialInsuranceInputSchema,
} from '../../../contracts/reviews.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, idempotentWrite } from '../../platform/http/idempotency-http.js';
import { uuidv7 } from '../../platform/ids.js';
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
      {
        schema: {
          operationId: 'getAward',
          description: 'The awardee and hub staff. Tranches with their conditions, what was paid, reports due and claw-backs.',
          summary: 'The award: tranche schedule, what was paid, reports due, claw-backs',
          tags,
          params,
          response: { 200: awardSchema, ...errorResponses },
        },
      },
      async (request) => getAward(deps.db, await hubScope(deps, request, request.params.hub), request.params.id),
    );

    app.post(
      `${base}/tranches/:seq/release`,
      {
        schema: {
          operationId: 'releaseTranche',
          description: 'Finance officers pay a waiting tranche by hand with a reason, through the ledger. Send an `Idempotency-Key`: a retry pays once.',
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
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `releaseTranche:${id}:${seq}` }, async (tx) => ({
          status: 200,
          body: await releaseTranche(tx, scope, id, seq, request.body.reason),
        }));
      },
    );

    app.post(
      `${base}/clawback`,
      {
        schema: {
          operationId: 'clawBackAward',
          description:
            'Finance officers take money back on breach, never more than was paid; the rest is released and the award closes. Send an `Idempotency-Key`.',
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
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `clawBackAward:${request.params.id}` }, async (tx) => ({
          status: 200,
          body: await clawBackAward(tx, scope, request.params.id, {
            amount: BigInt(request.body.amount),
            reason: request.body.reason,
            transferId: uuidv7(),
          }),
        }));
      },
    );

    app.post(
      `${base}/milestones/:key/report`,
      {
        schema: {
          operationId: 'submitMilestoneReport',
          description:
            'The awardee reports on a milestone with text, KPI values and files they uploaded in this hub (`uploadFile`); any other file id is 400 FILE_NOT_FOUND at its index, a file of a type reports do not carry 400 WRONG_FILE_TYPE. Whoever may read the award downloads them with `downloadMilestoneReportFile`.',
          summary: 'The awardee reports on a milestone (text, KPIs, attached files)',
          tags,
          params: milestoneParams,
          body: milestoneReportInputSchema,
          response: { 200: awardSchema, ...errorResponses },
        },
      },
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
          description: 'Program officers accept a report (tranches waiting on it are paid) or return it with a reason. Send an `Idempotency-Key`.',
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
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `reviewMilestoneReport:${id}:${key}` }, async (tx) => ({
          status: 200,
          body: await reviewMilestoneReport(tx, scope, id, key, request.body),
        }));
      },
    );

    app.post(
      `${base}/social-insurance`,
      {
        schema: {
          operationId: 'recordSocialInsurance',
          description:
            'Program officers record months of local social insurance from a source; tranches the months unlock are paid. Send an `Idempotency-Key`.',
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
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `recordSocialInsurance:${request.params.id}` }, async (tx) => {
          const { app: application, subject } = await loadVisible(tx, scope, request.params.id);
          reviewPolicy.authorize(scope.actor, 'record_fact', subject);
          await recordSocialInsurance(tx, scope, application, request.body);
          return { status: 200, body: await awardOf(tx, application.id, scope) };
        });
      },
    );
  };
