import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dragonRuleSchema, graphSchema, hubComparisonSchema, talentPipelineSchema } from '../../../contracts/ecosystem-insights.js';
import { factInputSchema, factSchema } from '../../../contracts/facts.js';
import { hubParamsSchema, hubSlugSchema } from '../../../contracts/hubs.js';
import { organizationKinds, sectors, type OrganizationKind, type Sector } from '../../../contracts/organizations.js';
import { personRoles, type PersonRole } from '../../../contracts/people.js';
import { cursorPageOf, cursorQuerySchema } from '../../../contracts/pagination.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { pageOf } from '../../platform/pagination.js';
import { findHub } from '../../platform/tenancy/tenancy.js';
import { compareHubs } from './compare.service.js';
import { getDragonRule, setDragonRule } from './dragons.js';
import { addFact, listFacts, presentFact } from './facts.service.js';
import { getOrganizationGraph } from './graph.service.js';
import { getTalentPipeline } from './pipeline.service.js';
import { searchEcosystem } from './search.service.js';

const orgParams = hubParamsSchema.extend({ id: z.uuid() });
const name = z.object({ zh: z.string(), en: z.string() });

/** Facts over time, the graph, the talent pipeline, hub comparison, search, dragons. */
export const insightRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/organizations/:id/facts',
      {
        schema: {
          operationId: 'listOrganizationFacts',
          description: 'Whoever may read the organisation. Dated facts (valuation, revenue, funding, headcount) with their sources, by metric, oldest first.',
          summary: 'Dated, sourced facts of an organisation',
          tags: ['facts'],
          params: orgParams,
          querystring: cursorQuerySchema,
          response: { 200: cursorPageOf(factSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const rows = await listFacts(deps.db, scope, request.params.id, request.query);
        return pageOf(rows, request.query.limit, (r) => [r.metric, r.asOf, r.id], presentFact);
      },
    );

    app.post(
      '/api/hubs/:hub/organizations/:id/facts',
      {
        schema: {
          operationId: 'addOrganizationFact',
          description: 'Program officers and hub admins record a dated fact with its source. Money metrics carry fen and a currency; the others a quantity.',
          summary: 'Record a dated, sourced fact',
          tags: ['facts'],
          params: orgParams,
          body: factInputSchema,
          response: { 201: factSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const row = await withTransaction(deps.db, (tx) => addFact(tx, scope, request.params.id, request.body));
        return reply.status(201).send(presentFact(row));
      },
    );

    app.get(
      '/api/hubs/:hub/organizations/:id/graph',
      {
        config: { public: true },
        schema: {
          operationId: 'getOrganizationGraph',
          description:
            'Anyone; the public sees organisations and founders only, staff see every relation. The organisation, its people and its neighbours one step away.',
          summary: 'An organisation’s neighbourhood (public: founders and organisations only)',
          tags: ['insights'],
          params: orgParams,
          response: { 200: graphSchema, ...errorResponses },
        },
      },
      async (request) => getOrganizationGraph(deps.db, await hubScope(deps, request, request.params.hub), request.params.id),
    );

    app.get(
      '/api/hubs/:hub/talent-pipeline',
      {
        config: { public: true },
        schema: {
          operationId: 'getTalentPipeline',
          description:
            'Anyone. Per university (the 20 with most alumni founders, or the one in `university` with where its alumni work): its alumni founders and the organisations they founded. Exact as of the latest write to the hub’s ecosystem.',
          summary: 'Universities, their alumni founders and what they founded',
          tags: ['insights'],
          params: hubParamsSchema,
          querystring: z.object({ university: z.uuid().optional() }),
          response: { 200: talentPipelineSchema, ...errorResponses },
        },
      },
      async (request) => getTalentPipeline(deps.db, await findHub(deps.db, request.params.hub), request.query.university),
    );

    app.get(
      '/api/compare',
      {
        config: { public: true },
        schema: {
          operationId: 'compareHubs',
          description: 'Anyone. Two or more hubs by slug, side by side: sectors, founding years, founders’ universities, funding and dragons.',
          summary: 'Hubs side by side: sectors, founding years, founders’ universities, funding, dragons',
          tags: ['insights'],
          querystring: z.object({
            hubs: z
              .string()
              .transform((s) => s.split(',').filter(Boolean))
              .pipe(z.array(hubSlugSchema).min(1).max(6)),
          }),
          response: { 200: hubComparisonSchema, ...errorResponses },
        },
      },
      async (request) => compareHubs(deps.db, await Promise.all(request.query.hubs.map((slug) => findHub(deps.db, slug)))),
    );

    app.get(
      '/api/hubs/:hub/search',
      {
        schema: {
          operationId: 'searchEcosystem',
          description:
            'Signed in. Organisations by name, sector or university; staff who may read people (admins, program and finance officers, auditors) also get people, and that read is audited. At most `limit` of each, best matches first. A `university` of another hub: 404.',
          summary: 'Organisations (and, for staff, people) by name, sector or university',
          tags: ['insights'],
          params: hubParamsSchema,
          querystring: z.object({
            q: z.string().trim().max(100).optional(),
            sector: z.enum(sectors).optional(),
            university: z.uuid().optional(),
            limit: z.coerce.number().int().min(1).max(50).default(20),
          }),
          response: {
            200: z.object({
              organizations: z.array(z.object({ id: z.uuid(), kind: z.enum(organizationKinds), name, sectors: z.array(z.enum(sectors)) })),
              people: z.array(z.object({ id: z.uuid(), name, roles: z.array(z.enum(personRoles)) })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const result = await searchEcosystem(deps.db, await hubScope(deps, request, request.params.hub), request.query);
        return {
          organizations: result.organizations.map((o) => ({
            id: o.id,
            kind: o.kind as OrganizationKind,
            name: { zh: o.nameZh, en: o.nameEn },
            sectors: o.sectors as Sector[],
          })),
          people: result.people.map((p) => ({ id: p.id, name: { zh: p.nameZh, en: p.nameEn }, roles: p.roles as PersonRole[] })),
        };
      },
    );

    app.get(
      '/api/hubs/:hub/dragon-rule',
      {
        config: { public: true },
        schema: {
          operationId: 'getDragonRule',
          description: 'Anyone. The ids designated as dragons, the valuation threshold and the founding year from which it counts.',
          summary: 'What this hub counts as a dragon',
          tags: ['insights'],
          params: hubParamsSchema,
          response: { 200: dragonRuleSchema, ...errorResponses },
        },
      },
      async (request) => getDragonRule(deps.db, (await findHub(deps.db, request.params.hub)).id),
    );

    app.put(
      '/api/hubs/:hub/dragon-rule',
      {
        schema: {
          operationId: 'setDragonRule',
          description: 'Hub admins only. Replaces the hub’s dragon rule; an audit event records it.',
          summary: 'Change what this hub counts as a dragon (hub admin)',
          tags: ['insights'],
          params: hubParamsSchema,
          body: dragonRuleSchema,
          response: { 200: dragonRuleSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { hub, actor } = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => setDragonRule(tx, hub, actor, request.body));
        return request.body;
      },
    );
  };
