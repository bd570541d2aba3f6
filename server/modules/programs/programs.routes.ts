import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applicationDetailSchema,
  applicationInputSchema,
  applicationListItemSchema,
  applicationSchema,
  criteriaCheckInputSchema,
  criteriaValidationSchema,
  programDraftSchema,
  programSchema,
} from '../../../contracts/applications.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { cursorPageOf, cursorQuerySchema } from '../../../contracts/pagination.js';
import { withTransaction } from '../../db/transaction.js';
import { auditedRead } from '../../platform/audit/personal-reads.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, idempotencyKeyOf, sendStored } from '../../platform/http/idempotency-http.js';
import { requestJob } from '../../platform/jobs/queue.js';
import { pageOf } from '../../platform/pagination.js';
import { lineAvailable } from '../budget/index.js';
import { getApplication, listApplications, namesOfApplicants, submitApplication, type ApplicationRow, type ListedApplication } from './applications.service.js';
import { checkCriteria } from './eligibility.js';
import { isWindowOpen } from './application-judging.js';
import { applicationActionsOf } from './application-actions-port.js';
import { applicationsRead } from './application-reads.js';
import { createProgram, getProgram, listPrograms, publishProgram, updateProgram, type LoadedProgram, type Scope } from './programs.service.js';
import { presentApplication, presentProgram } from './programs.presenters.js';
import { programActionsOf, programPolicy } from './programs.policies.js';
import { localToday } from '../../platform/hub-time.js';

const programParams = hubParamsSchema.extend({ id: z.uuid() });
const tags = ['programs'];

export const programRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const present = async (scope: Scope, { program, rules }: LoadedProgram) =>
      presentProgram(program, rules, scope.hub.slug, {
        withRules: programPolicy.can(scope.actor, 'read_rules', { published: true }),
        budgetLeft: await lineAvailable(deps.db, scope.hub.id, program.fiscalYear, program.budgetLine),
        allowedActions: programActionsOf(scope.actor, { status: program.status, windowOpen: isWindowOpen(program, localToday(scope.hub.timeZone)) }),
      });

    app.get(
      '/api/hubs/:hub/programs',
      {
        config: { public: true },
        schema: {
          operationId: 'listPrograms',
          description: 'Anyone sees published programs; program officers and hub admins also see drafts.',
          summary: 'Programs (public: published ones)',
          tags,
          params: hubParamsSchema,
          querystring: cursorQuerySchema,
          response: { 200: cursorPageOf(programSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const paged = pageOf(await listPrograms(deps.db, scope, request.query), request.query.limit, ({ program: p }) => [p.closesOn, p.nameEn, p.id]);
        return { items: await Promise.all(paged.items.map((p) => present(scope, p))), next: paged.next };
      },
    );

    app.get(
      '/api/hubs/:hub/programs/:id',
      {
        config: { public: true },
        schema: {
          operationId: 'getProgram',
          description: 'Anyone for a published program; staff for drafts. Its form, criteria, benefit, window, review settings and the money left.',
          summary: 'One program: what it gives, to whom, the window, budget left',
          tags,
          params: programParams,
          response: { 200: programSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return present(scope, await getProgram(deps.db, scope, request.params.id));
      },
    );

    app.post(
      '/api/hubs/:hub/programs',
      {
        schema: {
          operationId: 'createProgram',
          description: 'Program officers and hub admins draft a program: form, criteria (CEL, type-checked), benefit formula, window and budget line.',
          summary: 'Draft a program',
          tags,
          params: hubParamsSchema,
          body: programDraftSchema,
          response: { 201: programSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const row = await withTransaction(deps.db, (tx) => createProgram(tx, scope, request.body));
        return reply.status(201).send(await present(scope, { program: row, rules: request.body.rules }));
      },
    );

    app.put(
      '/api/hubs/:hub/programs/:id',
      {
        schema: {
          operationId: 'updateProgram',
          description: 'Program officers and hub admins. Changed rules become a new version; applications keep the version they were judged by.',
          summary: 'Change a program (changed rules become a new version)',
          tags,
          params: programParams,
          body: programDraftSchema,
          response: { 200: programSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const row = await withTransaction(deps.db, (tx) => updateProgram(tx, scope, request.params.id, request.body));
        if (row.status === 'published') await requestMatching(request, scope.hub.id, row.id);
        return present(scope, { program: row, rules: request.body.rules });
      },
    );

    app.post(
      '/api/hubs/:hub/programs/:id/publish',
      {
        schema: {
          operationId: 'publishProgram',
          description: 'Program officers and hub admins open a draft to applicants; matching runs for it.',
          summary: 'Open a program to applicants',
          tags,
          params: programParams,
          response: { 200: programSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => publishProgram(tx, scope, request.params.id));
        await requestMatching(request, scope.hub.id, request.params.id);
        return present(scope, await getProgram(deps.db, scope, request.params.id));
      },
    );

    app.post(
      '/api/hubs/:hub/programs/validate-criteria',
      {
        schema: {
          operationId: 'validateCriteria',
          description: 'Program officers and hub admins. Compiles and type-checks CEL criteria and answers the errors with their positions; nothing is saved.',
          summary: 'Type-check criteria before saving',
          tags,
          params: hubParamsSchema,
          body: criteriaCheckInputSchema,
          response: { 200: criteriaValidationSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { actor } = await hubScope(deps, request, request.params.hub);
        programPolicy.authorize(actor, 'write', { published: false });
        return checkCriteria(request.body.rules);
      },
    );

    app.post(
      '/api/hubs/:hub/programs/:id/applications',
      {
        schema: {
          operationId: 'submitApplication',
          description:
            'Signed-in applicants (for themselves or an organisation they belong to). Screens each criterion with its reason; a rule-only program decides at once and commits the award through the ledger. `draft: true` saves a draft instead. Send an `Idempotency-Key`.',
          summary: 'Apply; rule-only programs decide at once (and commit the award)',
          tags,
          params: programParams,
          headers: idempotencyHeadersSchema,
          body: applicationInputSchema,
          response: { 201: applicationSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { row, replayed } = await submitApplication(deps.db, scope, request.params.id, request.body, idempotencyKeyOf(request));
        return sendStored(reply, { status: 201, body: presentApplication(row), replayed });
      },
    );

    app.get(
      '/api/hubs/:hub/applications',
      {
        schema: {
          operationId: 'listApplications',
          description:
            'Hub staff see the hub’s applications (filter by program); anyone else those they submitted and those of the organisations they are a member of (any role).',
          summary: 'Applications (staff: the hub’s; applicants: their own and their companies’)',
          tags,
          params: hubParamsSchema,
          querystring: cursorQuerySchema.extend({ program: z.uuid().optional() }),
          response: { 200: cursorPageOf(applicationListItemSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { program, ...page } = request.query;
        const read = applicationsRead(scope.actor.userId, ['answers', 'applicant_name'], (p: { items: ListedApplication[] }) => p.items);
        const paged = await auditedRead(deps.db, scope, read, async (tx) =>
          pageOf(await listApplications(tx, scope, program, page), page.limit, (r) => [r.id]),
        );
        const names = await namesOfApplicants(deps.db, scope.hub.id, paged.items);
        return {
          items: paged.items.map((row) => ({
            ...presentApplication(row, names.get((row.organizationId ?? row.personId)!) ?? null),
            awaitingSecondApproval: row.awaitingSecondApproval,
          })),
          next: paged.next,
        };
      },
    );

    app.get(
      '/api/hubs/:hub/applications/:id',
      {
        schema: {
          operationId: 'getApplication',
          description:
            'The submitter, every member of the applicant organisation (a “can view” member reads, but `allowedActions` offers it nothing) and hub staff; others 404. The answers, the screening with a reason per criterion, the benefit explanation and `allowedActions`: what the caller may do with it now.',
          summary: 'One application with its screening and award explanation',
          tags,
          params: programParams,
          response: { 200: applicationDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const read = applicationsRead(scope.actor.userId, ['answers', 'applicant_name'], (row: ApplicationRow) => [row]);
        const row = await auditedRead(deps.db, scope, read, (tx) => getApplication(tx, scope, request.params.id));
        // Named, so the officer deciding on it (reviewers, money) sees whose it is.
        const names = await namesOfApplicants(deps.db, scope.hub.id, [row]);
        const name = names.get((row.organizationId ?? row.personId)!) ?? null;
        return { ...presentApplication(row, name), allowedActions: await applicationActionsOf(deps.db, scope, row) };
      },
    );
  };

/** Matching for one program once its change committed (the `match-programs` job); the nightly run catches up if this is lost. */
function requestMatching(request: FastifyRequest, hubId: string, programId: string) {
  return requestJob('match-programs', { hubId, programId }, (err) => request.log.error({ err }, 'could not request matching'));
}
