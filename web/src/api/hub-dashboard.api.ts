import { answer, api } from './client';
import type { components } from './openapi';

// The generated document's type (openapi.d.ts), never a copy.
export type HubDashboard = components['schemas']['HubDashboard'];

export const getHubDashboard = (hub: string, year?: number) => answer(api.GET('/api/hubs/{hub}/dashboard', { params: { path: { hub }, query: { year } } }));
