import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { cursorPageOf } from '../../../contracts/pagination.js';
import { identityClaimDecisionSchema, identityClaimQuerySchema, identityClaimSchema } from '../../../contracts/talent.js';
import { auditedRead, recordPersonalRead } from '../../platform/audit/personal-reads.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { pageOf } from '../../platform/pagination.js';
import { decideIdentityClaim, listIdentityClaims, presentIdentityClaims } from './identity-claims.service.js';

const tags = ['talent'];
const idParams = hubParamsSchema.extend({ id: z.uuid() });
/** What staff read in a claim: both people's names, the record's birth date and masked resident id, degrees, the claimant's address. */
const fields = ['name', 'born_on', 'resident_id_masked', 'degrees', 'email'];
const ids = (claims: { person: { id: string } }[]) => [...new Set(claims.map((c) => c.person.id))];

/** Graduates' claims to records holding the resident id they gave: staff list and decide them. */
export const identityClaimRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/talent/identity-claims',
      {
        schema: {
          operationId: 'listIdentityClaims',
          description:
            'Hub staff who read personal data. Graduates’ claims to a person record: the resident id they gave when verifying is on that record already. Each shows the claimant (address, name and degrees as given) beside the record (name, birth date, masked resident id, degrees, whether another account uses it). Pending by default, oldest first.',
          summary: 'Claims to person records, for staff to decide',
          tags,
          params: hubParamsSchema,
          querystring: identityClaimQuerySchema,
          response: { 200: cursorPageOf(identityClaimSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const read = { subjectType: 'person', fields, ids: (page: { items: { person: { id: string } }[] }) => ids(page.items) };
        return auditedRead(deps.db, scope, read, async (tx) => {
          const rows = await listIdentityClaims(tx, scope, request.query);
          const page = pageOf(rows, request.query.limit, (r) => [r.id]);
          return { ...page, items: await presentIdentityClaims(tx, scope.hub.id, page.items) };
        });
      },
    );

    app.post(
      '/api/hubs/:hub/talent/identity-claims/:id/decision',
      {
        schema: {
          operationId: 'decideIdentityClaim',
          description:
            'Program officers and hub admins. Approved: a record no account uses becomes the claimant’s (what they did as their own record comes along: stays, waiting-list places, applications, degrees, profile, assessments, ties; 409 `CONFLICT` with `STAYS_OVERLAP` on `decision` while both records hold a stay on the same nights); a record another account uses gives its resident id to the claimant’s own record. Rejected: nothing changes. The claimant is told in-app that the check is complete or could not be confirmed (nothing about the record or another account). A claim already decided is 409 `CONFLICT` on `decision`.',
          summary: 'Approve or reject a claim to a person record',
          tags,
          params: idParams,
          body: identityClaimDecisionSchema,
          response: { 200: identityClaimSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, async (tx) => {
          const row = await decideIdentityClaim(tx, scope, request.params.id, request.body);
          const [claim] = await presentIdentityClaims(tx, scope.hub.id, [row]);
          await recordPersonalRead(tx, scope, { subjectType: 'person', fields, ids: (c: typeof claim) => ids([c!]) }, claim);
          return claim!;
        });
      },
    );
  };
