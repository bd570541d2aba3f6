import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { cursorPageOf, cursorQuerySchema } from '../../../contracts/pagination.js';
import { assessmentInputSchema, assessmentSchema, cardVerificationSchema, talentCardSchema, talentCatalogueSchema } from '../../../contracts/talent.js';
import { withTransaction } from '../../db/transaction.js';
import { auditedRead } from '../../platform/audit/personal-reads.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { pageOf } from '../../platform/pagination.js';
import { assessTalentTier, listAssessments, type AssessmentRow } from './assessments.service.js';
import { getTalentCatalogue, saveTalentCatalogue } from './catalogue.service.js';
import { getTalentCard, revokeTalentCard, rotateTalentSigningKey, verifyTalentCard } from './cards.service.js';

const tags = ['talent'];
const idParams = hubParamsSchema.extend({ id: z.uuid() });

function presentAssessment(a: AssessmentRow) {
  return {
    id: a.id,
    personId: a.personId,
    tier: a.tier as 'A',
    decision: a.decision as 'granted',
    conditions: a.conditions,
    evidence: a.evidence,
    note: a.note,
    validFrom: a.validFrom,
    validUntil: a.validUntil,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Talent tiers: the catalogue, officers' assessments, the signed card and its public check. */
export const talentCardRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/talent/catalogue',
      {
        config: { public: true },
        schema: {
          operationId: 'getTalentCatalogue',
          description: 'Anyone. The hub’s talent classes A-E with their qualifying conditions.',
          summary: 'Talent classes A-E and their qualifying conditions',
          tags,
          params: hubParamsSchema,
          response: { 200: talentCatalogueSchema, ...errorResponses },
        },
      },
      async (request) => getTalentCatalogue(deps.db, await hubScope(deps, request, request.params.hub)),
    );

    app.put(
      '/api/hubs/:hub/talent/catalogue',
      {
        schema: {
          operationId: 'saveTalentCatalogue',
          description: 'Program officers and hub admins replace the catalogue; assessments already made keep their class.',
          summary: 'Replace the hub’s talent catalogue',
          tags,
          params: hubParamsSchema,
          body: talentCatalogueSchema,
          response: { 200: talentCatalogueSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, (tx) => saveTalentCatalogue(tx, scope, request.body));
      },
    );

    app.post(
      '/api/hubs/:hub/talent/people/:id/assessments',
      {
        schema: {
          operationId: 'assessTalentTier',
          description:
            'Program officers and hub admins decide a person’s class: conditions of that class, validity dates and evidence. Earlier cards are revoked.',
          summary: 'Decide a person’s talent class against the catalogue',
          tags,
          params: idParams,
          body: assessmentInputSchema,
          response: { 201: assessmentSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const row = await withTransaction(deps.db, (tx) => assessTalentTier(tx, scope, request.params.id, request.body));
        return reply.status(201).send(presentAssessment(row));
      },
    );

    app.get(
      '/api/hubs/:hub/talent/people/:id/assessments',
      {
        schema: {
          operationId: 'listTalentAssessments',
          description: 'Hub staff. A person’s assessments, newest first.',
          summary: 'A person’s assessments, newest first',
          tags,
          params: idParams,
          querystring: cursorQuerySchema,
          response: { 200: cursorPageOf(assessmentSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        // A person's assessments (class, conditions met, evidence, notes) are their talent profile as staff see it.
        const read = {
          subjectType: 'talent_profile',
          fields: ['tier', 'conditions', 'evidence', 'note'],
          ids: (rows: unknown[]) => (rows.length > 0 ? [request.params.id] : []),
        };
        const rows = await auditedRead(deps.db, scope, read, (tx) => listAssessments(tx, scope, request.params.id, request.query));
        return pageOf(rows, request.query.limit, (r) => [r.id], presentAssessment);
      },
    );

    app.get(
      '/api/hubs/:hub/talent/card',
      {
        schema: {
          operationId: 'getTalentCard',
          description: 'Signed in. My talent card, signed by the hub’s current key (Ed25519), as a token for a QR code; 404 without a granted assessment.',
          summary: 'My talent card (issued from my current granted assessment)',
          tags,
          params: hubParamsSchema,
          response: { 200: talentCardSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, (tx) => getTalentCard(tx, scope, deps.crypto));
      },
    );

    app.get(
      '/api/hubs/:hub/talent/verify',
      {
        config: { public: true },
        schema: {
          operationId: 'verifyTalentCard',
          description: 'Anyone. Checks a card token: valid, expired or revoked, with its class and hub only. A forged or altered token is 400 `CARD_INVALID`.',
          summary: 'Check a talent card: valid, expired or revoked; class and hub only',
          tags,
          params: hubParamsSchema,
          querystring: z.object({ token: z.string().min(10).max(2000) }),
          response: { 200: cardVerificationSchema, ...errorResponses },
        },
      },
      async (request) => verifyTalentCard(deps.db, request.params.hub, request.query.token),
    );

    app.post(
      '/api/hubs/:hub/talent/cards/:id/revoke',
      {
        schema: {
          operationId: 'revokeTalentCard',
          description:
            'Program officers and hub admins revoke a card (lost, or shown by someone else); it verifies as revoked from then on, and the holder’s next request gets a new card for the same assessment. To withdraw the class itself, record a new assessment.',
          summary: 'Revoke a talent card',
          tags,
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => revokeTalentCard(tx, scope, request.params.id));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/hubs/:hub/talent/signing-keys/rotate',
      {
        schema: {
          operationId: 'rotateTalentSigningKey',
          description:
            'Security admins only (hub admins are refused: key rotation is a security duty). New cards are signed with a new key; cards signed before stay valid until they expire.',
          summary: 'Start signing cards with a new key (old cards stay valid)',
          tags,
          params: hubParamsSchema,
          response: { 200: z.object({ kid: z.string() }), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return { kid: await withTransaction(deps.db, (tx) => rotateTalentSigningKey(tx, scope, deps.crypto)) };
      },
    );
  };
