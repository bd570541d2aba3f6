import type { Hub } from '../../../contracts/hubs';
import { apiRequest } from './http';

export async function listHubs(): Promise<Hub[]> {
  const page = await apiRequest<{ items: Hub[] }>('/api/hubs');
  return page.items;
}

export function getHub(slug: string): Promise<Hub> {
  return apiRequest<Hub>(`/api/hubs/${encodeURIComponent(slug)}`);
}
