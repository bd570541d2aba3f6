import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import {
  colleagueInvitationPreviewSchema,
  colleagueInvitationSchema,
  inviteColleagueInputSchema,
  linkTokenSchema,
  memberRoleInputSchema,
  transferOwnershipInputSchema,
} from '../../../contracts/organizations.js';
import { withTransaction } from '../../db/transaction.js';
import { localeOf } from '../../platform/http/error-handler.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { findHub } from '../../platform/tenancy/tenancy.js';
import * as members from './organization-members.service.js';

const tags = ['organizations'];
const orgParams = hubParamsSchema.extend({ id: z.uuid() });
const memberParams = orgParams.extend({ userId: z.uuid() });

const presentInvitation = (r: members.OrganizationInvitationRow) => ({
  id: r.id,
  organizationId: r.organizationId,
  email: r.email,
  role: r.role as 'owner' | 'applicant' | 'viewer',
  expiresAt: r.expiresAt.toISOString(),
});

/** A company's owner brings colleagues in, hands the company on, and removes members. */
export const organizationMemberRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/hubs/:hub/organizations/:id/invitations',
      {
        schema: {
          operationId: 'inviteColleague',
          description:
            "A company's owner (or a hub admin) invites a colleague as owner, applicant (may apply for money in the company's name) or viewer (may only look). A one-time link valid 7 days goes out by e-mail; ALREADY_MEMBER for a member; RATE_LIMITED past the inviter's hourly limit (or the hub's, many times larger).",
          summary: 'Invite a colleague to act for the company (owners): a one-time link by e-mail',
          tags,
          params: orgParams,
          body: inviteColleagueInputSchema,
          response: { 201: colleagueInvitationSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const mail = { publicUrl: deps.config.publicUrl, locale: localeOf(request), perHour: deps.config.invitationsPerHour };
        const row = await withTransaction(deps.db, (tx) => members.inviteColleague(tx, scope, request.params.id, request.body, mail));
        return reply.status(201).send(presentInvitation(row));
      },
    );

    app.get(
      '/api/hubs/:hub/organization-invitations/preview',
      {
        config: { public: true },
        schema: {
          operationId: 'previewColleagueInvitation',
          description:
            'For the holder of a colleague invitation link: the company, the role offered and the address invited. Unknown links are 404, used ones 410 INVITATION_USED, expired ones 410 INVITATION_EXPIRED.',
          summary: "What a colleague invitation offers (the link's holder only)",
          tags,
          params: hubParamsSchema,
          querystring: z.object({ token: linkTokenSchema }),
          response: { 200: colleagueInvitationPreviewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const hub = await findHub(deps.db, request.params.hub);
        const { row, organization } = await members.previewColleagueInvitation(deps.db, hub.id, request.query.token);
        return { organization, email: row.email, role: row.role as 'owner' | 'applicant' | 'viewer', expiresAt: row.expiresAt.toISOString() };
      },
    );

    app.post(
      '/api/hubs/:hub/organization-invitations/accept',
      {
        schema: {
          operationId: 'acceptColleagueInvitation',
          description:
            'The invited colleague, signed in with the invited address (INVITATION_OTHER_ACCOUNT otherwise), joins the company with the role offered; the address counts as verified. Once only. Audited.',
          summary: 'Join the company, signed in with the invited address',
          tags,
          params: hubParamsSchema,
          body: z.strictObject({ token: linkTokenSchema }),
          response: { 200: colleagueInvitationSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return presentInvitation(await withTransaction(deps.db, (tx) => members.acceptColleagueInvitation(tx, scope, request.body.token)));
      },
    );

    app.put(
      '/api/hubs/:hub/organizations/:id/members/:userId',
      {
        schema: {
          operationId: 'setOrganizationMemberRole',
          description: "A company's owner changes a member's role (owner, applicant, viewer); the last owner stays one (409 LAST_OWNER). Audited.",
          summary: "Change a member's role (owners); the last owner stays one",
          tags,
          params: memberParams,
          body: memberRoleInputSchema,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => members.setMemberRole(tx, scope, request.params.id, request.params.userId, request.body.role));
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/hubs/:hub/organizations/:id/members/:userId',
      {
        schema: {
          operationId: 'removeOrganizationMember',
          description: "A company's owner or a hub admin removes a member, or a member leaves; the last owner cannot go (409 LAST_OWNER). Audited.",
          summary: 'Remove a member (owners, hub admins) or leave; never the last owner',
          tags,
          params: memberParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => members.removeMember(tx, scope, request.params.id, request.params.userId));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/hubs/:hub/organizations/:id/ownership',
      {
        schema: {
          operationId: 'transferOrganizationOwnership',
          description: "A company's owner hands ownership to another member and stays on as an applicant. Audited.",
          summary: 'Hand the company to another member (owners), staying on as one who can apply',
          tags,
          params: orgParams,
          body: transferOwnershipInputSchema,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => members.transferOwnership(tx, scope, request.params.id, request.body.userId));
        return reply.status(204).send(null);
      },
    );
  };
