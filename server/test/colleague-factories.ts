import { randomUUID } from 'node:crypto';
import type { OrgRole } from '../../contracts/auth.js';
import type { HubRow } from '../platform/tenancy/tenancy.js';
import { organizationInput } from './factories.js';
import { as, createTestUser, type TestContext, type TestUser } from './harness.js';

/** A second member of a company: a new account the owner adds by e-mail (`addOrganizationMember`), "can apply" unless told. */
export async function colleagueOf(ctx: TestContext, hub: HubRow, owner: TestUser, organizationId: string, role: OrgRole = 'applicant'): Promise<TestUser> {
  const colleague = await createTestUser(ctx);
  const added = await ctx.app.inject(
    as(owner, {
      method: 'POST',
      url: `/api/hubs/${hub.slug}/organizations/${organizationId}/members`,
      payload: { email: colleague.email, role },
      headers: { 'idempotency-key': randomUUID() },
    }),
  );
  if (added.statusCode !== 201) throw new Error(added.body);
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
