import type { OrgRole } from '../../contracts/auth.js';
import type { HubRow } from '../platform/tenancy/tenancy.js';
import { tokenSentTo } from './account-factories.js';
import { organizationInput } from './factories.js';
import { as, createTestUser, type TestContext, type TestUser } from './harness.js';

/**
 * Brings an account into a company the way its owner does: an invitation by e-mail that the
 * person accepts, signed in as themself (owners cannot add an account directly).
 */
export async function joinByInvitation(ctx: TestContext, hub: HubRow, owner: TestUser, organizationId: string, person: TestUser, role: OrgRole): Promise<void> {
  const invited = await ctx.app.inject(
    as(owner, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations/${organizationId}/invitations`, payload: { email: person.email, role } }),
  );
  if (invited.statusCode !== 201) throw new Error(invited.body);
  const token = await tokenSentTo(ctx, person.email);
  const accepted = await ctx.app.inject(as(person, { method: 'POST', url: `/api/hubs/${hub.slug}/organization-invitations/accept`, payload: { token } }));
  if (accepted.statusCode !== 200) throw new Error(accepted.body);
}

/** A second member of a company: a new account the owner invites by e-mail and who accepts, "can apply" unless told. */
export async function colleagueOf(ctx: TestContext, hub: HubRow, owner: TestUser, organizationId: string, role: OrgRole = 'applicant'): Promise<TestUser> {
  const colleague = await createTestUser(ctx);
  await joinByInvitation(ctx, hub, owner, organizationId, colleague, role);
  return colleague;
}

/** Someone of the hub who founded a company of their own: a member, but of another organisation. */
export async function memberOfAnotherCompany(ctx: TestContext, hub: HubRow): Promise<TestUser> {
  const founder = await createTestUser(ctx);
  const created = await ctx.app.inject(
    as(founder, { method: 'POST', url: `/api/hubs/${hub.slug}/organizations`, payload: organizationInput({ kind: 'startup', sectors: ['ai'] }) }),
  );
  if (created.statusCode !== 201) throw new Error(created.body);
  return founder;
}
