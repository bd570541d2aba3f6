import type { AddMemberInput, Organization, OrganizationDetail, OrganizationInput, OrganizationKind, OrganizationPage, Sector } from '../../../contracts/organizations';
import { apiRequest } from './http';

const base = (hub: string) => `/api/hubs/${encodeURIComponent(hub)}/organizations`;

export type OrganizationListRequest = { page: number; pageSize: number; kind?: OrganizationKind; sector?: Sector; q?: string };

export function listOrganizations(hub: string, query: OrganizationListRequest): Promise<OrganizationPage> {
  return apiRequest<OrganizationPage>(base(hub), { query: { ...query } });
}

export function getOrganization(hub: string, id: string): Promise<OrganizationDetail> {
  return apiRequest<OrganizationDetail>(`${base(hub)}/${encodeURIComponent(id)}`);
}

/** The key makes a retried or double-clicked submit return the first result instead of a second row. */
export function createOrganization(hub: string, input: OrganizationInput, idempotencyKey: string): Promise<Organization> {
  return apiRequest<Organization>(base(hub), { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function addOrganizationMember(hub: string, id: string, input: AddMemberInput): Promise<OrganizationDetail> {
  return apiRequest<OrganizationDetail>(`${base(hub)}/${encodeURIComponent(id)}/members`, { method: 'POST', body: input });
}
