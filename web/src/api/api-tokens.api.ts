import type { components } from './openapi';
import { answer, api, type BodyOf } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type ApiToken = components['schemas']['ApiToken'];
export type CreatedApiToken = components['schemas']['CreatedApiToken'];
export type ApiTokenInput = BodyOf<'/api/hubs/{hub}/api-tokens', 'post'>;

export const listApiTokens = (hub: string, next?: string) => answer(api.GET('/api/hubs/{hub}/api-tokens', { params: { path: { hub }, query: { next } } }));

export const createApiToken = (hub: string, body: ApiTokenInput) => answer(api.POST('/api/hubs/{hub}/api-tokens', { params: { path: { hub } }, body }));

export const revokeApiToken = (hub: string, id: string) =>
  answer(api.POST('/api/hubs/{hub}/api-tokens/{tokenId}/revoke', { params: { path: { hub, tokenId: id } } }));
