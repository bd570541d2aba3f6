import type { components } from './openapi';
import { answer, api, type BodyOf } from './client';
import { listAll } from './cursor';

export type Fact = components['schemas']['Fact'];
export type FactInput = BodyOf<'/api/hubs/{hub}/organizations/{id}/facts', 'post'>;

/** One organisation's facts (a few per metric and year): every page. */
export async function listOrganizationFacts(hub: string, organizationId: string): Promise<Fact[]> {
  const path = { hub, id: organizationId };
  const all = await listAll((next) => answer(api.GET('/api/hubs/{hub}/organizations/{id}/facts', { params: { path, query: { limit: 100, next } } })));
  return all.items;
}

export function addOrganizationFact(hub: string, organizationId: string, body: FactInput) {
  return answer(api.POST('/api/hubs/{hub}/organizations/{id}/facts', { params: { path: { hub, id: organizationId } }, body }));
}
