import { answer, api, type QueryOf } from './client';

export type SearchRequest = QueryOf<'/api/hubs/{hub}/search'> & { q: string };

export function getOrganizationGraph(hub: string, organizationId: string) {
  return answer(api.GET('/api/hubs/{hub}/organizations/{id}/graph', { params: { path: { hub, id: organizationId } } }));
}

export function getTalentPipeline(hub: string, university?: string) {
  return answer(api.GET('/api/hubs/{hub}/talent-pipeline', { params: { path: { hub }, query: { university } } }));
}

export function compareHubs(hubs: string[]) {
  return answer(api.GET('/api/compare', { params: { query: { hubs: hubs.join(',') } } }));
}

/** People come back only for hub staff; everyone else gets organisations. */
export function searchHub(hub: string, query: SearchRequest) {
  return answer(api.GET('/api/hubs/{hub}/search', { params: { path: { hub }, query } }));
}

export function getDragonRule(hub: string) {
  return answer(api.GET('/api/hubs/{hub}/dragon-rule', { params: { path: { hub } } }));
}
