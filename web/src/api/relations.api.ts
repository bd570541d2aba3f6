import type { components } from './openapi';
import { answer, api, type BodyOf, type QueryOf } from './client';

export type Relation = components['schemas']['Relation'];
export type RelationPage = components['schemas']['RelationPage'];
export type RelationInput = BodyOf<'/api/hubs/{hub}/relations', 'post'>;
export type RelationListRequest = QueryOf<'/api/hubs/{hub}/relations'>;

export function listRelations(hub: string, query: RelationListRequest) {
  return answer(api.GET('/api/hubs/{hub}/relations', { params: { path: { hub }, query } }));
}

/** The key makes a double-clicked submit record the tie once. */
export function createRelation(hub: string, body: RelationInput, idempotencyKey: string) {
  return answer(api.POST('/api/hubs/{hub}/relations', { params: { path: { hub }, header: { 'idempotency-key': idempotencyKey } }, body }));
}
