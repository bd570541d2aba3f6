import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicationInputSchema, applicationSchema, criteriaValidationSchema, programDraftSchema, programSchema } from '../../../contracts/applications.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { programRulesSchema } from '../../../contracts/programs.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, sendStored } from '../../platform/http/idempotency-http.js';
import { idempotent } from '../../platform/idempotency/idempotency.js';
import { lineAvailable } from '../budget/index.js';
import { getApplication, listApplications, submitApplication } from './applications.service.js';
import { compileCriteria } from './eligibility.js';
import { createProgram, getProgram, listPrograms, publishProgram, updateProgram, type LoadedProgram, type Scope } from './programs.service.js';
import { presentApplication, presentProgram } from './programs.presenters.js';
import { programPolicy } from './programs.policies.js';

const programParams = hubParamsSchema.extend({ id: z.uuid() });
const tags = ['programs'];
// Approvals commit money: READ COMMITTED with the ledger's constraints as the guard.
const ledgerTx = { isolation: 'read committed' as const };

export const programRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const present = async (scope: Scope, { program, rules }: LoadedProgram) =>
      presentProgram(program, rules, scope.hub.slug, {
        withRules: programPolicy.can(scope.actor, 'read_rules', { published: true }),
        budgetLeft: await lineAvailable(deps.db, scope.hub.id, program.fiscalYear, program.budgetLine),
      });

    app.get(
      '/api/hubs/:hub/programs',
      { config: { public: true }, schema: { operationId: 'listPrograms', summary: 'Programs (public: published ones)', tags, params: hubParamsSchema, response: { 200: z.object({ items: z.array(programSchema) }), ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return { items: await Promise.all((await listPrograms(deps.db, scope)).map((p) => present(scope, p))) };
      },
    );

    app.get(
      '/api/hubs/:hub/programs/:id',
      { config: { public: true }, schema: { operationId: 'getProgram', summary: 'One program: what it gives, to whom, the window, budget left', tags, params: programParams, response: { 200: programSchema, ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return present(scope, await getProgram(deps.db, scope, request.params.id));
      },
    );

    app.post(
      '/api/hubs/:hub/programs',
      { schema: { operationId: 'createProgram', summary: 'Draft a program', tags, params: hubParamsSchema, body: programDraftSchema, response: { 201: programSchema, ...errorResponses } } },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const row = await withTransaction(deps.db, (tx) => createProgram(tx, scope, request.body));
        return reply.status(201).send(await present(scope, { program: row, rules: request.body.rules }));
      },
    );

    app.put(
      '/api/hubs/:hub/programs/:id',
      { schema: { operationId: 'updateProgram', summary: 'Change a program (changed rules become a new version)', tags, params: programParams, body: programDraftSchema, response: { 200: programSchema, ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const row = await withTransaction(deps.db, (tx) => updateProgram(tx, scope, request.params.id, request.body));
        return present(scope, { program: row, rules: request.body.rules });
      },
    );

    app.post(
      '/api/hubs/:hub/programs/:id/publish',
      { schema: { operationId: 'publishProgram', summary: 'Open a program to applicants', tags, params: programParams, response: { 200: programSchema, ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => publishProgram(tx, scope, request.params.id));
        return present(scope, await getProgram(deps.db, scope, request.params.id));
      },
    );

    app.post(
      '/api/hubs/:hub/programs/validate-criteria',
      {
        schema: { operationId: 'validateCriteria', summary: 'Type-check criteria before saving', tags, params: hubParamsSchema, body: z.object({ rules: programRulesSchema }), response: { 200: criteriaValidationSchema, ...errorResponses } },
      },
      async (request) => {
        const { actor } = await hubScope(deps, request, request.params.hub);
        programPolicy.authorize(actor, 'write', { published: false });
        const { rules } = request.body;
        const result = compileCriteria(rules.criteria, { applicantType: rules.applicantType, form: rules.form });
        return result.ok ? { ok: true, errors: [] } : { ok: false, errors: result.errors };
      },
    );

    app.post(
      '/api/hubs/:hub/programs/:id/applications',
      {
        schema: {
          operationId: 'submitApplication',
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
        const result = await withTransaction(
          deps.db,
          (tx) =>
            idempotent(tx, { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: `submitApplication:${request.params.id}`, request: request.body }, async () => ({
              status: 201,
              body: presentApplication(await submitApplication(tx, scope, request.params.id, request.body)),
            })),
          ledgerTx,
        );
        return sendStored(reply, result);
      },
    );

    app.get(
      '/api/hubs/:hub/applications',
      {
        schema: { operationId: 'listApplications', summary: 'Applications (staff: the hub’s; applicants: their own)', tags, params: hubParamsSchema, querystring: z.object({ program: z.uuid().optional() }), response: { 200: z.object({ items: z.array(applicationSchema) }), ...errorResponses } },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return { items: (await listApplications(deps.db, scope, request.query.program)).map(presentApplication) };
      },
    );

    app.get(
      '/api/hubs/:hub/applications/:id',
      { schema: { operationId: 'getApplication', summary: 'One application with its screening and award explanation', tags, params: programParams, response: { 200: applicationSchema, ...errorResponses } } },
      async (request) => presentApplication(await getApplication(deps.db, await hubScope(deps, request, request.params.hub), request.params.id)),
    );
  };
