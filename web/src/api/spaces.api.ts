import type { components, paths } from './openapi';
import { answer, api, type BodyOf, type QueryOf } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type SpaceNode = components['schemas']['SpaceNode'];
export type SpaceHold = components['schemas']['SpaceHold'];
export type Lease = components['schemas']['Lease'];
export type SpaceRequest = components['schemas']['SpaceRequest'];
export type SpaceOccupancy = components['schemas']['SpaceOccupancy'];
export type SpaceNodeInput = BodyOf<'/api/hubs/{hub}/spaces/nodes', 'post'>;
export type SpaceNodeUpdate = BodyOf<'/api/hubs/{hub}/spaces/nodes/{id}', 'patch'>;
export type HoldBody = BodyOf<'/api/hubs/{hub}/spaces/holds', 'post'>;
export type LeaseBody = BodyOf<'/api/hubs/{hub}/spaces/leases', 'post'>;
export type ConvertBody = BodyOf<'/api/hubs/{hub}/spaces/holds/{id}/convert', 'post'>;
export type ReleaseBody = BodyOf<'/api/hubs/{hub}/spaces/holds/{id}/release', 'post'>;
export type EndLeaseBody = BodyOf<'/api/hubs/{hub}/spaces/leases/{id}/end', 'post'>;
export type LeaseEndReason = EndLeaseBody['reason'];
export type RequestBody = BodyOf<'/api/hubs/{hub}/spaces/requests', 'post'>;
export type OfferBody = BodyOf<'/api/hubs/{hub}/spaces/requests/{id}/offer', 'post'>;
type Paged<P extends keyof paths> = Omit<QueryOf<P>, 'limit'>;

const hubPath = (hub: string) => ({ path: { hub } });
const onePath = (hub: string, id: string) => ({ path: { hub, id } });
const keyed = (idempotencyKey: string) => ({ 'idempotency-key': idempotencyKey });
const spaces = (hub: string) => `/api/hubs/${encodeURIComponent(hub)}/spaces`;

export const listSpaceTree = (hub: string, query: Paged<'/api/hubs/{hub}/spaces/nodes'> = {}) =>
  answer(api.GET('/api/hubs/{hub}/spaces/nodes', { params: { ...hubPath(hub), query: { limit: 100, ...query } } }));

export const createSpaceNode = (hub: string, body: SpaceNodeInput) => answer(api.POST('/api/hubs/{hub}/spaces/nodes', { params: hubPath(hub), body }));

export const updateSpaceNode = (hub: string, id: string, body: SpaceNodeUpdate) =>
  answer(api.PATCH('/api/hubs/{hub}/spaces/nodes/{id}', { params: onePath(hub, id), body }));

/** A photo of a node, for anyone who may read the space tree (`getSpaceUnitPhoto`): an image's address, not a call. */
export const nodePhotoUrl = (hub: string, nodeId: string, fileId: string) =>
  `${spaces(hub)}/nodes/${encodeURIComponent(nodeId)}/photos/${encodeURIComponent(fileId)}`;

export const searchSpaceAvailability = (hub: string, query: QueryOf<'/api/hubs/{hub}/spaces/availability'>) =>
  answer(api.GET('/api/hubs/{hub}/spaces/availability', { params: { ...hubPath(hub), query } }));

export const listSpaceHolds = (hub: string, query: Paged<'/api/hubs/{hub}/spaces/holds'> = {}) =>
  answer(api.GET('/api/hubs/{hub}/spaces/holds', { params: { ...hubPath(hub), query: { limit: 100, ...query } } }));

export const createSpaceHold = (hub: string, body: HoldBody, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/spaces/holds', { params: { ...hubPath(hub), header: keyed(idempotencyKey) }, body }));

export const releaseSpaceHold = (hub: string, id: string, body: ReleaseBody, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/spaces/holds/{id}/release', { params: { ...onePath(hub, id), header: keyed(idempotencyKey) }, body }));

export const createLease = (hub: string, body: LeaseBody, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/spaces/leases', { params: { ...hubPath(hub), header: keyed(idempotencyKey) }, body }));

export const convertHoldToLease = (hub: string, id: string, body: ConvertBody, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/spaces/holds/{id}/convert', { params: { ...onePath(hub, id), header: keyed(idempotencyKey) }, body }));

export const listLeases = (hub: string, query: Paged<'/api/hubs/{hub}/spaces/leases'> = {}) =>
  answer(api.GET('/api/hubs/{hub}/spaces/leases', { params: { ...hubPath(hub), query: { limit: 100, ...query } } }));

export const endLease = (hub: string, id: string, body: EndLeaseBody, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/spaces/leases/{id}/end', { params: { ...onePath(hub, id), header: keyed(idempotencyKey) }, body }));

export const requestSpace = (hub: string, body: RequestBody, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/spaces/requests', { params: { ...hubPath(hub), header: keyed(idempotencyKey) }, body }));

export const listSpaceRequests = (hub: string, query: Paged<'/api/hubs/{hub}/spaces/requests'> = {}) =>
  answer(api.GET('/api/hubs/{hub}/spaces/requests', { params: { ...hubPath(hub), query: { limit: 100, ...query } } }));

export const offerSpace = (hub: string, id: string, body: OfferBody, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/spaces/requests/{id}/offer', { params: { ...onePath(hub, id), header: keyed(idempotencyKey) }, body }));

export const acceptSpaceOffer = (hub: string, id: string, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/spaces/requests/{id}/accept', { params: { ...onePath(hub, id), header: keyed(idempotencyKey) } }));

export const spaceOccupancy = (hub: string, query: QueryOf<'/api/hubs/{hub}/spaces/occupancy'>) =>
  answer(api.GET('/api/hubs/{hub}/spaces/occupancy', { params: { ...hubPath(hub), query } }));

/** The rent roll is a download the browser saves: an address, not a call. */
export const rentRollUrl = (hub: string, on: string) => `${spaces(hub)}/rent-roll.xlsx?on=${on}`;
