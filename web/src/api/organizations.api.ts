import type { components } from './openapi';
import { answer, api, type BodyOf, type QueryOf } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type Organization = components['schemas']['Organization'];
export type OrganizationDetail = components['schemas']['OrganizationDetail'];
export type OrganizationPage = components['schemas']['OrganizationPage'];
export type OrganizationInput = BodyOf<'/api/hubs/{hub}/organizations', 'post'>;
export type OrganizationListRequest = QueryOf<'/api/hubs/{hub}/organizations'>;

export function listOrganizations(hub: string, query: OrganizationListRequest) {
  return answer(api.GET('/api/hubs/{hub}/organizations', { params: { path: { hub }, query } }));
}

export function getOrganization(hub: string, id: string) {
  return answer(api.GET('/api/hubs/{hub}/organizations/{id}', { params: { path: { hub, id } } }));
}

/** The key makes a retried or double-clicked submit return the first result instead of a second row. */
export function createOrganization(hub: string, body: OrganizationInput, idempotencyKey: string) {
  return answer(api.POST('/api/hubs/{hub}/organizations', { params: { path: { hub }, header: { 'idempotency-key': idempotencyKey } }, body }));
}
