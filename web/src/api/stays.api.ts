import type { components } from './openapi';
import { answer, api, type BodyOf, type QueryOf } from './client';
import { listAll } from './cursor';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type Station = components['schemas']['StayStation'];
export type Availability = components['schemas']['StayAvailability'];
export type StayBooking = components['schemas']['StayBooking'];
export type WaitlistEntry = components['schemas']['StayWaitlistEntry'];
export type StationInput = BodyOf<'/api/hubs/{hub}/stays/stations', 'post'>;
export type BookingInput = BodyOf<'/api/hubs/{hub}/stays/bookings', 'post'>;
export type BookingChange = BodyOf<'/api/hubs/{hub}/stays/bookings/{id}/change', 'post'>;
export type WaitlistInput = BodyOf<'/api/hubs/{hub}/stays/waitlist', 'post'>;
type BookingQuery = Omit<QueryOf<'/api/hubs/{hub}/stays/bookings'>, 'limit' | 'next'>;

const hubPath = (hub: string) => ({ path: { hub } });
const onePath = (hub: string, id: string) => ({ path: { hub, id } });

/** A hub's stations are few: all of them, page by page. */
export const listStations = (hub: string) =>
  listAll((next) => answer(api.GET('/api/hubs/{hub}/stays/stations', { params: { ...hubPath(hub), query: { limit: 100, next } } })));

export const searchAvailability = (hub: string, from: string, to: string, station?: string) =>
  answer(api.GET('/api/hubs/{hub}/stays/availability', { params: { ...hubPath(hub), query: { from, to, station } } }));

/** The key is chosen once per confirmation dialog, so a double click books once. */
export const createBooking = (hub: string, body: BookingInput, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/stays/bookings', { params: { ...hubPath(hub), header: { 'idempotency-key': idempotencyKey } }, body }));

/** My bookings, or a station's in a date range (what its desk calendar shows): every page. */
export const listBookings = (hub: string, query: BookingQuery = {}) =>
  listAll((next) => answer(api.GET('/api/hubs/{hub}/stays/bookings', { params: { ...hubPath(hub), query: { ...query, limit: 100, next } } })));

/** The key is the cancel form's: a retry of the same cancel sends it again, so the server cancels once. */
export const cancelBooking = (hub: string, id: string, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/stays/bookings/{id}/cancel', { params: { ...onePath(hub, id), header: { 'idempotency-key': idempotencyKey } } }));

export const changeBooking = (hub: string, id: string, body: BookingChange, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/stays/bookings/{id}/change', { params: { ...onePath(hub, id), header: { 'idempotency-key': idempotencyKey } }, body }));

/** The key is the form's for this station and these dates: a double click or a retry joins once. */
export const joinWaitlist = (hub: string, body: WaitlistInput, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/stays/waitlist', { params: { ...hubPath(hub), header: { 'idempotency-key': idempotencyKey } }, body }));

/** My waitlist entries (a handful): every page. */
export const listWaitlist = (hub: string) =>
  listAll((next) => answer(api.GET('/api/hubs/{hub}/stays/waitlist', { params: { ...hubPath(hub), query: { limit: 100, next } } })));

/** The key is the waitlist form's: a retry of the same accept takes the bed once. */
export const acceptOffer = (hub: string, id: string, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/stays/waitlist/{id}/accept', { params: { ...onePath(hub, id), header: { 'idempotency-key': idempotencyKey } } }));

export const leaveWaitlist = (hub: string, id: string) => answer(api.POST('/api/hubs/{hub}/stays/waitlist/{id}/leave', { params: onePath(hub, id) }));

export const checkIn = (hub: string, code: string) => answer(api.POST('/api/hubs/{hub}/stays/check-in', { params: hubPath(hub), body: { code } }));

export const checkOut = (hub: string, id: string, idempotencyKey: string) =>
  answer(api.POST('/api/hubs/{hub}/stays/bookings/{id}/check-out', { params: { ...onePath(hub, id), header: { 'idempotency-key': idempotencyKey } } }));

export const stationOccupancy = (hub: string, id: string, from: string, to: string) =>
  answer(api.GET('/api/hubs/{hub}/stays/stations/{id}/occupancy', { params: { ...onePath(hub, id), query: { from, to } } }));

/** A plain link: the browser downloads the workbook with the session cookie. */
export const exportUrl = (hub: string, id: string, from: string, to: string) =>
  `/api/hubs/${encodeURIComponent(hub)}/stays/stations/${encodeURIComponent(id)}/bookings.xlsx?from=${from}&to=${to}`;

/** Hub admins: open a station; name a station manager of the hub (by e-mail) to run it. */
export const createStation = (hub: string, body: StationInput) => answer(api.POST('/api/hubs/{hub}/stays/stations', { params: hubPath(hub), body }));

export const assignStationManager = (hub: string, id: string, email: string) =>
  answer(api.POST('/api/hubs/{hub}/stays/stations/{id}/managers', { params: onePath(hub, id), body: { email } }));
