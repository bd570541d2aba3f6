import type { Person, PersonInput, PersonRole } from '../../../contracts/people';
import { apiRequest } from './http';

const base = (hub: string) => `/api/hubs/${encodeURIComponent(hub)}/people`;

export type PersonPage = { items: Person[]; page: number; pageSize: number; total: number };
export type PersonListRequest = { page: number; pageSize: number; q?: string; role?: PersonRole; university?: string };

export function listPeople(hub: string, query: PersonListRequest): Promise<PersonPage> {
  return apiRequest<PersonPage>(base(hub), { query: { ...query } });
}

/** The key makes a double-clicked submit return the first person instead of a second row. */
export function createPerson(hub: string, input: PersonInput, idempotencyKey: string): Promise<Person> {
  return apiRequest<Person>(base(hub), { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}
