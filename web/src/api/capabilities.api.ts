import { answer, api } from './client';

export const getCapabilities = (hub: string) => answer(api.GET('/api/hubs/{hub}/capabilities', { params: { path: { hub } } }));
