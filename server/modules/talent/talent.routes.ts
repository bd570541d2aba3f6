import { auditedRead } from '../../platform/audit/personal-reads.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import {
  graduateStandingSchema,
  talentProfileInputSchema,
  talentProfileSchema,
  verifyGraduateInputSchema,
  type GraduateStanding,
} from '../../../contracts/talent.js';
import { withTransaction } from '../../db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { localToday } from '../../platform/hub-time.js';
import { takeHubLimit } from '../../platform/limits/hub-limit.js';
import type { GraduateStanding as Standing } from './graduate-eligibility.js';
import { DEFAULT_GRADUATE_RULES, graduateStanding, verifyGraduate } from './graduate.service.js';
import { getTalentProfile, saveTalentProfile } from './profile.service.js';

const tags = ['talent'];

function presentStanding(s: Standing & { personId: string | null }): GraduateStanding {
  return {
    verified: s.personId !== null,
    eligible: s.eligible,
    degree: s.degree,
    reasons: s.reasons.map((r) => ({ key: r.key, ok: r.ok, text: { zh: r.zh, en: r.en } })),
  };
}

export const graduateRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/talent/graduate',
      {
        schema: {
          operationId: 'getGraduateStanding',
          description: 'Signed in. Whether I may book a free stay, with a reason for each check (degree, graduation date).',
          summary: 'Am I eligible for a free stay, and why (not)?',
          tags,
          params: hubParamsSchema,
          response: { 200: graduateStandingSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { hub, actor } = await hubScope(deps, request, request.params.hub);
        if (!actor.userId) throw new AppError('UNAUTHENTICATED');
        return presentStanding(await graduateStanding(deps.db, hub.id, actor.userId, DEFAULT_GRADUATE_RULES, localToday(hub.timeZone)));
      },
    );

    app.post(
      '/api/hubs/:hub/talent/graduate',
      {
        schema: {
          operationId: 'verifyGraduate',
          description:
            'Signed in. My own person record of the hub (made on first use) and my declared degree; answers my standing. A resident id I give goes on my record when no record of the hub holds it; when one does, a claim to that record waits for staff (`listIdentityClaims`) and nothing is linked. The answer is the same either way. At most `DRAGONGATE_GRADUATE_VERIFICATIONS_PER_HOUR` (default 5) an hour per account in the hub, counted by every server together: 429 `RATE_LIMITED` after, with `retryAfterSeconds`.',
          summary: 'Verify myself as a graduate: name and degree, judged against the stay rules',
          tags,
          params: hubParamsSchema,
          body: verifyGraduateInputSchema,
          response: { 200: graduateStandingSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        // Per account and shared by every server: verifications may carry a resident id.
        if (scope.actor.userId) {
          const key = `graduate-verification:${scope.actor.userId}`;
          await takeHubLimit(deps.db, { hubId: scope.hub.id, key, max: deps.config.graduateVerificationsPerHour, windowSeconds: 3600 });
        }
        return presentStanding(await withTransaction(deps.db, (tx) => verifyGraduate(tx, scope, request.body, deps.crypto, localToday(scope.hub.timeZone))));
      },
    );

    app.get(
      '/api/hubs/:hub/talent/profile',
      {
        schema: {
          operationId: 'getTalentProfile',
          description: 'Signed in. My degrees, employer, evidence files and current talent class.',
          summary: 'My talent profile: degrees, employer, evidence, class',
          tags,
          params: hubParamsSchema,
          response: { 200: talentProfileSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const read = { subjectType: 'talent_profile', fields: ['degrees', 'employer', 'evidence', 'tier'], ids: (p: { personId: string }) => [p.personId] };
        return auditedRead(deps.db, scope, read, (tx) => getTalentProfile(tx, scope));
      },
    );

    app.put(
      '/api/hubs/:hub/talent/profile',
      {
        schema: {
          operationId: 'saveTalentProfile',
          description: 'Signed in. Sets my employer and the evidence files (uploaded first with `uploadFile`).',
          summary: 'Set my employer and evidence files (uploaded first)',
          tags,
          params: hubParamsSchema,
          body: talentProfileInputSchema,
          response: { 200: talentProfileSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, (tx) => saveTalentProfile(tx, scope, request.body));
      },
    );
  };
