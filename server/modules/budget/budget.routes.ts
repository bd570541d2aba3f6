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
import { cursorPageOf } from '../../../contracts/pagination.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import type { Db, Tx } from '../../db/connection.js';
import { idempotencyHeadersSchema, idempotentWrite, sendStored } from '../../platform/http/idempotency-http.js';
import { findYear } from './accounts.js';
import { budgetPolicy } from './budget.policies.js';
import { presentEnvelope, presentTransfer } from './budget.presenters.js';
import { ledgerNames } from './ledger-names.js';
import { createBudgetLine, openFiscalYear, transferBetweenLines } from './budget.service.js';
import { closeFiscalYear } from './close-year.service.js';
import { getAccountBalance, lineUsage, listLedgerTransfers, yearAccounts } from './ledger-queries.js';
import { isoDateTime } from '../../../contracts/dates.js';

const yearParams = hubParamsSchema.extend({ year: z.coerce.number().int().min(2000).max(2100) });
const tags = ['budget'];

// Ledger writes run in READ COMMITTED: the accounts' CHECKs and row locks are the guard,
// and a hot line would only thrash on serialization retries under SERIALIZABLE.
const ledgerTx = { isolation: 'read committed' as const };

export const budgetRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const envelopeOf = async (scope: Awaited<ReturnType<typeof hubScope>>, yearNumber: number, db: Db | Tx = deps.db) => {
      budgetPolicy.authorize(scope.actor, 'read', null);
      const year = await findYear(db, scope.hub.id, yearNumber);
      return presentEnvelope(year, await yearAccounts(db, scope.hub.id, year), await lineUsage(db, scope.hub.id, year));
    };

    app.post(
      '/api/hubs/:hub/fiscal-years',
      {
        schema: {
          operationId: 'openFiscalYear',
          description:
            'Finance officers and hub admins. The envelope is revenue times the tech share (basis points); 409 `FISCAL_YEAR_EXISTS` when the year is open already.',
          summary: 'Open a fiscal year: envelope = revenue x tech share',
          tags,
          params: hubParamsSchema,
          headers: idempotencyHeadersSchema,
          body: fiscalYearInputSchema,
          response: { 201: envelopeSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: 'openFiscalYear' }, async (tx) => {
          await openFiscalYear(tx, scope, request.body);
          return { status: 201, body: await envelopeOf(scope, request.body.year, tx) };
        });
      },
    );

    app.get(
      '/api/hubs/:hub/fiscal-years/:year/envelope',
      {
        schema: {
          operationId: 'getEnvelope',
          description:
            'Finance, program officers, auditors and hub admins. The year’s envelope, what is unallocated, and each line with committed, disbursed and free money.',
          summary: 'The envelope and its lines: committed, disbursed, free',
          tags,
          params: yearParams,
          response: { 200: envelopeSchema, ...errorResponses },
        },
      },
      async (request) => envelopeOf(await hubScope(deps, request, request.params.hub), request.params.year),
    );

    app.post(
      '/api/hubs/:hub/fiscal-years/:year/lines',
      {
        schema: {
          operationId: 'createBudgetLine',
          description:
            'Finance officers and hub admins. A line funded from the envelope by a posted transfer; the caller’s `transferId` makes a retry apply once. 409 `BUDGET_EXHAUSTED` when the envelope cannot cover it.',
          summary: 'Create a budget line funded from the envelope',
          tags,
          params: yearParams,
          body: budgetLineInputSchema,
          response: { 201: envelopeSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => createBudgetLine(tx, scope, request.params.year, request.body), ledgerTx);
        return reply.status(201).send(await envelopeOf(scope, request.params.year));
      },
    );

    app.post(
      '/api/hubs/:hub/fiscal-years/:year/line-transfers',
      {
        schema: {
          operationId: 'transferBetweenLines',
          description:
            'Finance officers and hub admins. A posted transfer between two lines of one year, with the caller’s `transferId`; never below what a line has committed (409 `BUDGET_EXHAUSTED`).',
          summary: 'Move money between two lines',
          tags,
          params: yearParams,
          body: lineTransferInputSchema,
          response: { 201: transferSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { transfer, replayed } = await withTransaction(deps.db, (tx) => transferBetweenLines(tx, scope, request.params.year, request.body), ledgerTx);
        return sendStored(reply, { status: 201, body: presentTransfer(transfer, await ledgerNames(deps.db, scope.hub.id, [transfer])), replayed });
      },
    );

    app.post(
      '/api/hubs/:hub/fiscal-years/:year/close',
      {
        schema: {
          operationId: 'closeFiscalYear',
          description:
            'Finance officers and hub admins. Voids or carries forward what is still committed, then closes the year; later writes are 409 `FISCAL_YEAR_CLOSED`.',
          summary: 'Close a year: void or carry forward what is still committed',
          tags,
          params: yearParams,
          body: closeYearInputSchema,
          response: { 200: envelopeSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => closeFiscalYear(tx, scope, request.params.year, request.body.decision, request.body.note), ledgerTx);
        return envelopeOf(scope, request.params.year);
      },
    );

    app.get(
      '/api/hubs/:hub/fiscal-years/:year/transfers',
      {
        schema: {
          operationId: 'listLedgerTransfers',
          description:
            'Finance, program officers, auditors and hub admins. Transfers of a year newest first, by account, reason and time window. Cursor-paged.',
          summary: 'Ledger transfers, newest first',
          tags,
          params: yearParams,
          querystring: transferListQuerySchema,
          response: { 200: cursorPageOf(transferSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const year = await findYear(deps.db, scope.hub.id, request.params.year);
        const page = await listLedgerTransfers(deps.db, scope, year, request.query);
        const names = await ledgerNames(deps.db, scope.hub.id, page.items);
        return { ...page, items: page.items.map((t) => presentTransfer(t, names)) };
      },
    );

    app.get(
      '/api/hubs/:hub/ledger/accounts/:id/balance',
      {
        schema: {
          operationId: 'getAccountBalance',
          description:
            'Finance, program officers, auditors and hub admins. The four totals of an account as they stood at `asOf` (default now), recomputed from the transfers.',
          summary: 'An account’s pending and posted totals at any past moment',
          tags,
          params: hubParamsSchema.extend({ id: z.uuid() }),
          querystring: z.object({ asOf: isoDateTime({ offset: true }).optional() }),
          response: { 200: balanceSchema, ...errorResponses },
        },
      },
      async (request) =>
        getAccountBalance(
          deps.db,
          await hubScope(deps, request, request.params.hub),
          request.params.id,
          request.query.asOf ? new Date(request.query.asOf) : new Date(),
        ),
    );
  };
