import type { Fact, FactInput } from '../../../contracts/facts';
import { apiRequest } from './http';

const base = (hub: string, organizationId: string) =>
  `/api/hubs/${encodeURIComponent(hub)}/organizations/${encodeURIComponent(organizationId)}/facts`;

export async function listOrganizationFacts(hub: string, organizationId: string): Promise<Fact[]> {
  const page = await apiRequest<{ items: Fact[] }>(base(hub, organizationId));
  return page.items;
}

export function addOrganizationFact(hub: string, organizationId: string, input: FactInput): Promise<Fact> {
  return apiRequest<Fact>(base(hub, organizationId), { method: 'POST', body: input });
}
