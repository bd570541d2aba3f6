import type { components } from './openapi';
import { answer, api, type BodyOf, type QueryOf } from './client';

export type Person = components['schemas']['Person'];
export type PersonPage = components['schemas']['PersonPage'];
export type PersonInput = BodyOf<'/api/hubs/{hub}/people', 'post'>;
export type PersonListRequest = QueryOf<'/api/hubs/{hub}/people'>;

export function listPeople(hub: string, query: PersonListRequest) {
  return answer(api.GET('/api/hubs/{hub}/people', { params: { path: { hub }, query } }));
}

/** The key makes a double-clicked submit return the first person instead of a second row. */
export function createPerson(hub: string, body: PersonInput, idempotencyKey: string) {
  return answer(api.POST('/api/hubs/{hub}/people', { params: { path: { hub }, header: { 'idempotency-key': idempotencyKey } }, body }));
}
