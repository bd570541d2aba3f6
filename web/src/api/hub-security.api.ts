import type { components } from './openapi';
import { answer, api } from './client';

export type HubSecurity = components['schemas']['HubSecurity'];

/** The hub's sign-in rules: roles that must use a second factor, idle and absolute session limits. */
export const getHubSecurity = (hub: string) => answer(api.GET('/api/hubs/{hub}/security', { params: { path: { hub } } }));
export const updateHubSecurity = (hub: string, body: HubSecurity) => answer(api.PUT('/api/hubs/{hub}/security', { params: { path: { hub } }, body }));
