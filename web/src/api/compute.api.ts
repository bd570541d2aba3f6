import type { paths } from './openapi';
import { answer, api, rawBody, type BodyOf, type QueryOf } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type PoolInput = BodyOf<'/api/hubs/{hub}/compute/pools', 'post'>;
export type QuotaInput = BodyOf<'/api/hubs/{hub}/compute/quotas', 'put'>;
export type RequestInput = BodyOf<'/api/hubs/{hub}/compute/requests', 'post'>;
export type FairShare = Awaited<ReturnType<typeof getFairShare>>;
export type ComputeRequest = Awaited<ReturnType<typeof listComputeQueue>>['items'][number];
export type ComputeUsageRecord = Awaited<ReturnType<typeof getComputeUsage>>['items'][number];
export type ComputeFlavor = Awaited<ReturnType<typeof listComputeFlavors>>['items'][number];
export type ComputeDashboard = Awaited<ReturnType<typeof getComputeDashboard>>;
export type UsageResult = Awaited<ReturnType<typeof uploadComputeUsage>>['results'][number];
type Paged<P extends keyof paths> = Omit<QueryOf<P>, 'limit'>;

const hubPath = (hub: string) => ({ path: { hub } });
const keyed = (idempotencyKey: string) => ({ 'idempotency-key': idempotencyKey });

export const getFairShare = (hub: string) => answer(api.GET('/api/hubs/{hub}/compute/fair-share', { params: hubPath(hub) }));
export const listComputeQueue = (hub: string, query: Paged<'/api/hubs/{hub}/compute/queue'> = {}) =>
  answer(api.GET('/api/hubs/{hub}/compute/queue', { params: { ...hubPath(hub), query: { limit: 100, ...query } } }));
export const getComputeUsage = (hub: string, query: Paged<'/api/hubs/{hub}/compute/usage'> = {}) =>
  answer(api.GET('/api/hubs/{hub}/compute/usage', { params: { ...hubPath(hub), query: { limit: 100, ...query } } }));

export const listComputeFlavors = (hub: string) => answer(api.GET('/api/hubs/{hub}/compute/flavors', { params: { ...hubPath(hub), query: { limit: 100 } } }));
export const getComputeDashboard = (hub: string, organizationId?: string) =>
  answer(api.GET('/api/hubs/{hub}/compute/dashboard', { params: { ...hubPath(hub), query: { organizationId } } }));
/** The key is chosen once per form fill, so a double click asks once. */
export const submitComputeRequest = (hub: string, body: RequestInput, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/compute/requests', { params: { ...hubPath(hub), header: keyed(idempotencyKey) }, body }));
export const cancelComputeRequest = (hub: string, id: string) =>
  answer(api.POST('/api/hubs/{hub}/compute/requests/{id}/cancel', { params: { path: { hub, id } } }));
export const createComputePool = (hub: string, body: PoolInput) => answer(api.POST('/api/hubs/{hub}/compute/pools', { params: hubPath(hub), body }));
export const setComputeQuota = (hub: string, body: QuotaInput) => answer(api.PUT('/api/hubs/{hub}/compute/quotas', { params: hubPath(hub), body }));
/** The key is chosen once per file picked, so a retried send meters nothing twice (record ids replay anyway). */
export const uploadComputeUsage = (hub: string, providerId: string, file: File, idempotencyKey: string) =>
  answer(
    api.POST('/api/hubs/{hub}/compute/usage/upload', {
      params: { ...hubPath(hub), query: { providerId, format: /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv' }, header: keyed(idempotencyKey) },
      ...rawBody(file),
    }),
  );
