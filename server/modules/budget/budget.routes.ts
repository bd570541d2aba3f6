import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  balanceSchema,
  budgetLineInputSchema,
  closeYearInputSchema,
  envelopeSchema,
  fiscalYearInputSchema,
  lineTransferInputSchema,
  transferListQuerySchema,
  transferSchema,
} from '../../../contracts/budget.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, sendStored } from '../../platform/http/idempotency-http.js';
import { idempotent } from '../../platform/idempotency/idempotency.js';
import { findYear } from './accounts.js';
import { budgetPolicy } from './budget.policies.js';
import { presentEnvelope, presentTransfer } from './budget.presenters.js';
import { createBudgetLine, openFiscalYear, transferBetweenLines } from './budget.service.js';
import { closeFiscalYear } from './close-year.service.js';
import { getAccountBalance, lineUsage, listLedgerTransfers, yearAccounts } from './ledger-queries.js';

const yearParams = hubParamsSchema.extend({ year: z.coerce.number().int().min(2000).max(2100) });
const tags = ['budget'];

// Ledger writes run in READ COMMITTED: the accounts' CHECKs and row locks are the guard,
// and a hot line would only thrash on serialization retries under SERIALIZABLE.
const ledgerTx = { isolation: 'read committed' as const };

export const budgetRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const envelopeOf = async (scope: Awaited<ReturnType<typeof hubScope>>, yearNumber: number) => {
      budgetPolicy.authorize(scope.actor, 'read', null);
      const year = await findYear(deps.db, scope.hub.id, yearNumber);
      return presentEnvelope(year, await yearAccounts(deps.db, scope.hub.id, year), await lineUsage(deps.db, scope.hub.id, year));
    };

    app.post(
      '/api/hubs/:hub/fiscal-years',
      { schema: { operationId: 'openFiscalYear', summary: 'Open a fiscal year: envelope = revenue x tech share', tags, params: hubParamsSchema, headers: idempotencyHeadersSchema, body: fiscalYearInputSchema, response: { 201: envelopeSchema, ...errorResponses } } },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(tx, { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: 'openFiscalYear', request: request.body }, async () => {
            await openFiscalYear(tx, scope, request.body);
            return { status: 201, body: null };
          }),
        );
        return reply.status(result.status).send(await envelopeOf(scope, request.body.year));
      },
    );

    app.get(
      '/api/hubs/:hub/fiscal-years/:year/envelope',
      { schema: { operationId: 'getEnvelope', summary: 'The envelope and its lines: committed, disbursed, free', tags, params: yearParams, response: { 200: envelopeSchema, ...errorResponses } } },
      async (request) => envelopeOf(await hubScope(deps, request, request.params.hub), request.params.year),
    );

    app.post(
      '/api/hubs/:hub/fiscal-years/:year/lines',
      { schema: { operationId: 'createBudgetLine', summary: 'Create a budget line funded from the envelope', tags, params: yearParams, body: budgetLineInputSchema, response: { 201: envelopeSchema, ...errorResponses } } },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => createBudgetLine(tx, scope, request.params.year, request.body), ledgerTx);
        return reply.status(201).send(await envelopeOf(scope, request.params.year));
      },
    );

    app.post(
      '/api/hubs/:hub/fiscal-years/:year/line-transfers',
      { schema: { operationId: 'transferBetweenLines', summary: 'Move money between two lines', tags, params: yearParams, body: lineTransferInputSchema, response: { 201: transferSchema, ...errorResponses } } },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { transfer, replayed } = await withTransaction(deps.db, (tx) => transferBetweenLines(tx, scope, request.params.year, request.body), ledgerTx);
        const codes = new Map((await yearAccounts(deps.db, scope.hub.id, await findYear(deps.db, scope.hub.id, request.params.year))).map((a) => [a.id, a.code]));
        return sendStored(reply, { status: 201, body: presentTransfer(transfer, codes), replayed });
      },
    );

    app.post(
      '/api/hubs/:hub/fiscal-years/:year/close',
      { schema: { operationId: 'closeFiscalYear', summary: 'Close a year: void or carry forward what is still committed', tags, params: yearParams, body: closeYearInputSchema, response: { 200: envelopeSchema, ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => closeFiscalYear(tx, scope, request.params.year, request.body.decision, request.body.note), ledgerTx);
        return envelopeOf(scope, request.params.year);
      },
    );

    app.get(
      '/api/hubs/:hub/fiscal-years/:year/transfers',
      { schema: { operationId: 'listLedgerTransfers', summary: 'Ledger transfers, newest first', tags, params: yearParams, querystring: transferListQuerySchema, response: { 200: z.object({ items: z.array(transferSchema), next: z.string().nullable() }), ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const year = await findYear(deps.db, scope.hub.id, request.params.year);
        const rows = await listLedgerTransfers(deps.db, scope, year, request.query);
        const codes = new Map((await yearAccounts(deps.db, scope.hub.id, year)).map((a) => [a.id, a.code]));
        return { items: rows.map((t) => presentTransfer(t, codes)), next: rows.length === request.query.limit ? rows[rows.length - 1]!.id : null };
      },
    );

    app.get(
      '/api/hubs/:hub/ledger/accounts/:id/balance',
      {
        schema: {
          operationId: 'getAccountBalance',
          summary: 'An account’s pending and posted totals at any past moment',
          tags,
          params: hubParamsSchema.extend({ id: z.uuid() }),
          querystring: z.object({ asOf: z.iso.datetime({ offset: true }).optional() }),
          response: { 200: balanceSchema, ...errorResponses },
        },
      },
      async (request) => getAccountBalance(deps.db, await hubScope(deps, request, request.params.hub), request.params.id, request.query.asOf ? new Date(request.query.asOf) : new Date()),
    );
  };
