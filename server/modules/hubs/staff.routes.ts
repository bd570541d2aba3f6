import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubRoles } from '../../../contracts/auth.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { cursorQuerySchema } from '../../../contracts/pagination.js';
import {
  acceptedInvitationSchema,
  acceptInvitationInputSchema,
  grantRoleInputSchema,
  invitationPreviewSchema,
  invitationTokenQuerySchema,
  inviteStaffInputSchema,
  staffInvitationListSchema,
  staffInvitationSchema,
  staffListQuerySchema,
  staffListSchema,
} from '../../../contracts/staff.js';
import { withTransaction } from '../../db/transaction.js';
import { createAccount } from '../../platform/auth/accounts.js';
import { AppError } from '../../platform/errors.js';
import { localeOf } from '../../platform/http/error-handler.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { findHub } from '../../platform/tenancy/tenancy.js';
import { presentInvitation, presentStaffMember } from './hubs.presenters.js';
import { acceptInvitation, inviteStaff, listInvitations, previewInvitation, revokeInvitation } from './invitations.service.js';
import { grantRole, listStaff, revokeRole, setSuspended } from './staff.service.js';

const tags = ['staff'];
const memberParams = hubParamsSchema.extend({ userId: z.uuid() });

/** A hub admin's staff desk: who holds which role, invitations, grants, suspensions. */
export const staffRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/staff',
      {
        schema: {
          operationId: 'listHubStaff',
          description:
            'Everyone holding a role in the hub, with their roles, last sign-in, whether they are suspended and their second-factor state. Deployment operators never appear here. Hub admins and auditors only.',
          summary: 'Everyone holding a role in the hub, with roles, last sign-in and suspension (hub admins, auditors)',
          tags,
          params: hubParamsSchema,
          querystring: staffListQuerySchema,
          response: { 200: staffListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const page = await listStaff(deps.db, scope, request.query);
        return { items: page.items.map(presentStaffMember), next: page.next };
      },
    );

    app.get(
      '/api/hubs/:hub/staff/invitations',
      {
        schema: {
          operationId: 'listStaffInvitations',
          description: 'Staff invitations of the hub that are still open (not accepted, withdrawn or expired), newest first. Hub admins and auditors only.',
          summary: 'Invitations not yet accepted, withdrawn or expired',
          tags,
          params: hubParamsSchema,
          querystring: cursorQuerySchema,
          response: { 200: staffInvitationListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const page = await listInvitations(deps.db, scope, request.query);
        return { items: page.items.map(presentInvitation), next: page.next };
      },
    );

    app.post(
      '/api/hubs/:hub/staff/invitations',
      {
        schema: {
          operationId: 'inviteStaff',
          description:
            'Hub admins (and, for the first admin of a hub, the operator) invite an address with roles. A one-time link valid 7 days goes out through the mail outbox in the same transaction; an earlier open invitation to the address is withdrawn. ALREADY_HOLDS_ROLE when the address holds every role already; RATE_LIMITED past the hourly limit of the hub. The answer never says whether the address has an account.',
          summary: 'Invite an address to the staff with roles: a one-time link by e-mail, valid 7 days',
          tags,
          params: hubParamsSchema,
          body: inviteStaffInputSchema,
          response: { 201: staffInvitationSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const mail = { publicUrl: deps.config.publicUrl, locale: localeOf(request), perHour: deps.config.invitationsPerHour };
        const row = await withTransaction(deps.db, (tx) => inviteStaff(tx, scope, request.body, mail));
        return reply.status(201).send(presentInvitation(row));
      },
    );

    app.delete(
      '/api/hubs/:hub/staff/invitations/:id',
      {
        schema: {
          operationId: 'revokeStaffInvitation',
          description: 'Hub admins withdraw an open invitation: its link answers INVITATION_USED from then on. Audited.',
          summary: 'Withdraw an invitation: its link stops working',
          tags,
          params: hubParamsSchema.extend({ id: z.uuid() }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => revokeInvitation(tx, scope, request.params.id));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/hubs/:hub/invitations/preview',
      {
        config: { public: true },
        schema: {
          operationId: 'previewInvitation',
          description:
            'For the holder of a staff invitation link: the hub, the roles offered, the address invited and whether accepting creates an account. Unknown links are 404, used or withdrawn ones 410 INVITATION_USED, expired ones 410 INVITATION_EXPIRED.',
          summary: "What an invitation link offers (the link's holder only)",
          tags,
          params: hubParamsSchema,
          querystring: invitationTokenQuerySchema,
          response: { 200: invitationPreviewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const hub = await findHub(deps.db, request.params.hub);
        const { row, needsAccount } = await previewInvitation(deps.db, hub, request.query.token);
        return {
          hub: { slug: hub.slug, name: { zh: hub.nameZh, en: hub.nameEn } },
          email: row.email,
          roles: row.roles as (typeof hubRoles)[number][],
          expiresAt: row.expiresAt.toISOString(),
          needsAccount,
        };
      },
    );

    app.post(
      '/api/hubs/:hub/invitations/accept',
      {
        config: { public: true },
        schema: {
          operationId: 'acceptInvitation',
          description:
            'Accepts a staff invitation once. With no account for the address yet, name and password create one (verified: the link proves the address); otherwise the caller must be signed in with that address (INVITATION_OTHER_ACCOUNT if not). The roles count from the next request. Audited.',
          summary: 'Accept a staff invitation: signed in as the invited address, or choosing a name and password for a new account',
          tags,
          params: hubParamsSchema,
          body: acceptInvitationInputSchema,
          response: { 200: acceptedInvitationSchema, ...errorResponses },
        },
      },
      async (request) => {
        const hub = await findHub(deps.db, request.params.hub);
        const { token, name, password } = request.body;
        const newAccount = async (email: string) => {
          if (!name) throw new AppError('VALIDATION_FAILED', [{ path: 'name', code: 'REQUIRED' }]);
          if (!password) throw new AppError('VALIDATION_FAILED', [{ path: 'password', code: 'REQUIRED' }]);
          return createAccount(deps.db, deps.auth, { email, name, password });
        };
        // The account (if new) is made before the transaction that claims the link, so a
        // refused password leaves the invitation open.
        const preview = await previewInvitation(deps.db, hub, token);
        const createdId = preview.needsAccount && !request.userId ? await newAccount(preview.row.email) : null;
        const result = await withTransaction(deps.db, (tx) => acceptInvitation(tx, hub, token, createdId ?? request.userId));
        return { hub: hub.slug, roles: result.roles, email: preview.row.email };
      },
    );

    app.post(
      '/api/hubs/:hub/staff/:userId/roles',
      {
        schema: {
          operationId: 'grantHubRole',
          description:
            'Hub admins give a member of the staff one more role; people outside the staff come in by invitation (404 here). ALREADY_HOLDS_ROLE when held. Counts from the next request; audited.',
          summary: 'Give a staff member another role (hub admins)',
          tags,
          params: memberParams,
          body: grantRoleInputSchema,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => grantRole(tx, scope, request.params.userId, request.body.role));
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/hubs/:hub/staff/:userId/roles/:role',
      {
        schema: {
          operationId: 'revokeHubRole',
          description:
            "Hub admins take a role away, effective on the person's next request. The hub's last active admin keeps the role (409 LAST_ADMIN), also when two admins remove each other at once. Audited.",
          summary: "Take a role away (hub admins); the hub's last admin keeps theirs",
          tags,
          params: memberParams.extend({ role: z.enum(hubRoles) }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        await withTransaction(deps.db, (tx) => revokeRole(tx, scope, request.params.userId, request.params.role));
        return reply.status(204).send(null);
      },
    );

    for (const suspended of [true, false]) {
      app.route({
        method: suspended ? 'POST' : 'DELETE',
        url: '/api/hubs/:hub/staff/:userId/suspension',
        schema: {
          operationId: suspended ? 'suspendStaff' : 'restoreStaff',
          description: suspended
            ? "Hub admins suspend an account's access to the hub: it keeps its roles but acts with none of them from its next request. The last active admin cannot be suspended (LAST_ADMIN). Audited."
            : "Hub admins restore a suspended account's access: its roles count again from its next request. Audited.",
          summary: suspended ? "Suspend a staff member's access to the hub (their roles are kept)" : "Restore a suspended staff member's access",
          tags,
          params: memberParams,
          response: { 204: z.null(), ...errorResponses },
        },
        handler: async (request, reply) => {
          const params = request.params as z.infer<typeof memberParams>;
          const scope = await hubScope(deps, request, params.hub);
          await withTransaction(deps.db, (tx) => setSuspended(tx, scope, params.userId, suspended));
          return reply.status(204).send(null);
        },
      });
    }
  };
