import { answer, api } from './client';
import { listAll } from './cursor';

export async function listHubs() {
  const all = await listAll((next) => answer(api.GET('/api/hubs', { params: { query: { limit: 100, next } } })));
  return all.items;
}

export const getHub = (hub: string) => answer(api.GET('/api/hubs/{hub}', { params: { path: { hub } } }));
