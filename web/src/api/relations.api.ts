import type { Relation, RelationInput, RelationKind } from '../../../contracts/relations';
import { apiRequest } from './http';

const base = (hub: string) => `/api/hubs/${encodeURIComponent(hub)}/relations`;

export type RelationPage = { items: Relation[]; page: number; pageSize: number; total: number };
export type RelationListRequest = { page?: number; pageSize?: number; kind?: RelationKind; organization?: string; person?: string };

export function listRelations(hub: string, query: RelationListRequest): Promise<RelationPage> {
  return apiRequest<RelationPage>(base(hub), { query: { ...query } });
}

export function createRelation(hub: string, input: RelationInput, idempotencyKey: string): Promise<Relation> {
  return apiRequest<Relation>(base(hub), { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}
