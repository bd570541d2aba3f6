import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import {
  appealFindingInputSchema,
  decideFindingInputSchema,
  findingListQuerySchema,
  findingListSchema,
  findingSchema,
  recordRepaymentInputSchema,
  writeOffInputSchema,
} from '../../../contracts/obligations.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, idempotentWrite } from '../../platform/http/idempotency-http.js';
import type { Scope } from '../programs/index.js';
import type { Tx } from '../../db/connection.js';
import { loadFinding } from './finding-access.js';
import { appealFinding, decideFinding, listFindings } from './findings.service.js';
import { checkHubObligations } from './monitoring.service.js';
import { findingPolicy } from './obligations.policies.js';
import { presentFindings } from './obligations.presenters.js';
import { recordRepayment, writeOffRecovery } from './recoveries.service.js';

const tags = ['obligations'];
const findingParams = hubParamsSchema.extend({ id: z.uuid() });
const checkCountsSchema = z
  .object({
    awards: z.number().int(),
    obligations: z.number().int(),
    findings: z.number().int(),
    reminders: z.number().int(),
    stopped: z.number().int().meta({ description: 'Awards stopped because a breach was not appealed in time' }),
  })
  .meta({ id: 'ObligationCheckCounts' });

/** After the money: findings of the daily check, decisions, appeals, repayments, write-offs. */
export const obligationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const present = async (tx: Tx, scope: Scope, findingId: string) => {
      const { finding } = await loadFinding(tx, scope, findingId);
      return (await presentFindings(tx, scope.hub.id, scope.actor, [finding]))[0]!;
    };

    app.get(
      '/api/hubs/:hub/obligation-findings',
      {
        schema: {
          operationId: 'listObligationFindings',
          description: 'Hub staff see every finding of the daily obligations check; an awardee sees the decided findings on their own awards. Cursor-paged.',
          summary: 'Findings of the obligations check: staff see all, an awardee the decided findings on their own awards',
          tags,
          params: hubParamsSchema,
          querystring: findingListQuerySchema,
          response: { 200: findingListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const page = await listFindings(deps.db, scope, request.query);
        return { items: await presentFindings(deps.db, scope.hub.id, scope.actor, page.items), next: page.next };
      },
    );

    app.get(
      '/api/hubs/:hub/obligation-findings/:id',
      {
        schema: {
          operationId: 'getObligationFinding',
          description: 'Hub staff, and the awardee once it is decided; anyone else gets 404. With its evidence and any recovery.',
          summary: 'One finding with its evidence and recovery',
          tags,
          params: findingParams,
          response: { 200: findingSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, (tx) => present(tx, scope, request.params.id));
      },
    );

    app.post(
      '/api/hubs/:hub/obligation-findings/:id/decision',
      {
        schema: {
          operationId: 'decideFinding',
          description: 'Officers decide a finding, or an appeal on it: a breach recovers money by the obligation’s rule through the ledger.',
          summary: "An officer decides a finding (a breach recovers money by the obligation's rule) or an appeal on it",
          tags,
          params: findingParams,
          headers: idempotencyHeadersSchema,
          body: decideFindingInputSchema,
          response: { 200: findingSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { id } = request.params;
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `decideFinding:${id}` }, async (tx) => ({
          status: 200,
          body: await present(tx, scope, await decideFinding(tx, scope, id, request.body)),
        }));
      },
    );

    app.post(
      '/api/hubs/:hub/obligation-findings/:id/appeal',
      {
        schema: {
          operationId: 'appealFinding',
          description: 'The awardee appeals a decided breach once, within its time limit, with a reason.',
          summary: 'The awardee appeals a decided breach within its time limit',
          tags,
          params: findingParams,
          body: appealFindingInputSchema,
          response: { 200: findingSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, async (tx) => present(tx, scope, await appealFinding(tx, scope, request.params.id, request.body.reason)));
      },
    );

    app.post(
      '/api/hubs/:hub/recoveries/:id/repayments',
      {
        schema: {
          operationId: 'recordRepayment',
          description: 'Finance records money repaid on a recovery (partial payments allowed); it goes back to the budget line it came from.',
          summary: 'Finance records money repaid on a recovery (partial payments allowed); it goes back to the line it came from',
          tags,
          params: findingParams,
          headers: idempotencyHeadersSchema,
          body: recordRepaymentInputSchema,
          response: { 200: findingSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { id } = request.params;
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `recordRepayment:${id}` }, async (tx) => ({
          status: 200,
          body: await present(tx, scope, (await recordRepayment(tx, scope, id, request.body)).findingId),
        }));
      },
    );

    app.post(
      '/api/hubs/:hub/recoveries/:id/write-off',
      {
        schema: {
          operationId: 'writeOffRecovery',
          description: 'Finance writes off what is left of a recovery with a reason: one person asks, a second, different person approves.',
          summary: 'Write off what is left of a recovery, with a reason: one person asks, a second, different person approves',
          tags,
          params: findingParams,
          headers: idempotencyHeadersSchema,
          body: writeOffInputSchema,
          response: { 200: findingSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { id } = request.params;
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `writeOffRecovery:${id}` }, async (tx) => ({
          status: 200,
          body: await present(tx, scope, (await writeOffRecovery(tx, scope, id, request.body.reason)).findingId),
        }));
      },
    );

    app.post(
      '/api/hubs/:hub/obligation-checks',
      {
        schema: {
          operationId: 'runObligationChecks',
          description: 'Officers run the daily obligations check for this hub now and get the counts.',
          summary: 'Run the daily obligations check for this hub now (officers)',
          tags,
          params: hubParamsSchema,
          response: { 200: checkCountsSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        findingPolicy.authorize(scope.actor, 'run_checks', { own: false, decided: true });
        return checkHubObligations(deps.db, scope.hub);
      },
    );
  };
