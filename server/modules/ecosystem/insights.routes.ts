import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dragonRuleSchema, graphSchema, hubComparisonSchema, talentPipelineSchema } from '../../../contracts/ecosystem-insights.js';
import { factInputSchema, factSchema } from '../../../contracts/facts.js';
import { hubParamsSchema, hubSlugSchema } from '../../../contracts/hubs.js';
import { sectors } from '../../../contracts/organizations.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
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
      { schema: { operationId: 'listOrganizationFacts', summary: 'Dated, sourced facts of an organisation', tags: ['facts'], params: orgParams, response: { 200: z.object({ items: z.array(factSchema) }), ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return { items: (await listFacts(deps.db, scope, request.params.id)).map(presentFact) };
      },
    );

    app.post(
      '/api/hubs/:hub/organizations/:id/facts',
      { schema: { operationId: 'addOrganizationFact', summary: 'Record a dated, sourced fact', tags: ['facts'], params: orgParams, body: factInputSchema, response: { 201: factSchema, ...errorResponses } } },
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
        schema: { operationId: 'getOrganizationGraph', summary: 'An organisation’s neighbourhood (public: founders and organisations only)', tags: ['insights'], params: orgParams, response: { 200: graphSchema, ...errorResponses } },
      },
      async (request) => getOrganizationGraph(deps.db, await hubScope(deps, request, request.params.hub), request.params.id),
    );

    app.get(
      '/api/hubs/:hub/talent-pipeline',
      {
        config: { public: true },
        schema: {
          operationId: 'getTalentPipeline',
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
          summary: 'Hubs side by side: sectors, founding years, founders’ universities, funding, dragons',
          tags: ['insights'],
          querystring: z.object({ hubs: z.string().transform((s) => s.split(',').filter(Boolean)).pipe(z.array(hubSlugSchema).min(1).max(6)) }),
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
          summary: 'Organisations (and, for staff, people) by name, sector or university',
          tags: ['insights'],
          params: hubParamsSchema,
          querystring: z.object({ q: z.string().trim().max(100).optional(), sector: z.enum(sectors).optional(), university: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(50).default(20) }),
          response: {
            200: z.object({
              organizations: z.array(z.object({ id: z.uuid(), kind: z.string(), name, sectors: z.array(z.string()) })),
              people: z.array(z.object({ id: z.uuid(), name, roles: z.array(z.string()) })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const result = await searchEcosystem(deps.db, await hubScope(deps, request, request.params.hub), request.query);
        return {
          organizations: result.organizations.map((o) => ({ id: o.id, kind: o.kind, name: { zh: o.nameZh, en: o.nameEn }, sectors: o.sectors })),
          people: result.people.map((p) => ({ id: p.id, name: { zh: p.nameZh, en: p.nameEn }, roles: p.roles })),
        };
      },
    );

    app.get(
      '/api/hubs/:hub/dragon-rule',
      { config: { public: true }, schema: { operationId: 'getDragonRule', summary: 'What this hub counts as a dragon', tags: ['insights'], params: hubParamsSchema, response: { 200: dragonRuleSchema, ...errorResponses } } },
      async (request) => getDragonRule(deps.db, (await findHub(deps.db, request.params.hub)).id),
    );

    app.put(
      '/api/hubs/:hub/dragon-rule',
      { schema: { operationId: 'setDragonRule', summary: 'Change what this hub counts as a dragon (hub admin)', tags: ['insights'], params: hubParamsSchema, body: dragonRuleSchema, response: { 200: dragonRuleSchema, ...errorResponses } } },
      async (request) => {
        const { hub, actor } = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => setDragonRule(tx, hub, actor, request.body));
        return request.body;
      },
    );
  };
