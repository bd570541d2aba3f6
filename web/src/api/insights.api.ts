import type { DragonRule, HubComparison, OrganizationGraph, TalentPipeline } from '../../../contracts/ecosystem-insights';
import type { OrganizationKind, Sector } from '../../../contracts/organizations';
import type { PersonRole } from '../../../contracts/people';
import { apiRequest } from './http';

const hubPath = (hub: string) => `/api/hubs/${encodeURIComponent(hub)}`;

export function getOrganizationGraph(hub: string, organizationId: string): Promise<OrganizationGraph> {
  return apiRequest<OrganizationGraph>(`${hubPath(hub)}/organizations/${encodeURIComponent(organizationId)}/graph`);
}

export function getTalentPipeline(hub: string, university?: string): Promise<TalentPipeline> {
  return apiRequest<TalentPipeline>(`${hubPath(hub)}/talent-pipeline`, { query: { university } });
}

export function compareHubs(hubs: string[]): Promise<HubComparison> {
  return apiRequest<HubComparison>('/api/compare', { query: { hubs: hubs.join(',') } });
}

type Name = { zh: string; en: string };
export type SearchResults = {
  organizations: { id: string; kind: OrganizationKind; name: Name; sectors: Sector[] }[];
  people: { id: string; name: Name; roles: PersonRole[] }[];
};
export type SearchRequest = { q: string; sector?: Sector; university?: string; limit?: number };

/** People come back only for hub staff; everyone else gets organisations. */
export function searchHub(hub: string, query: SearchRequest): Promise<SearchResults> {
  return apiRequest<SearchResults>(`${hubPath(hub)}/search`, { query: { ...query } });
}

export function getDragonRule(hub: string): Promise<DragonRule> {
  return apiRequest<DragonRule>(`${hubPath(hub)}/dragon-rule`);
}
