import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { cursorPageOf, cursorQuerySchema } from '../../../contracts/pagination.js';
import {
  availabilityQuerySchema,
  availabilitySchema,
  stationSchema,
  stayBookingInputSchema,
  stayBookingSchema,
  stayChangeInputSchema,
  waitlistEntrySchema,
  waitlistInputSchema,
  type StayBooking,
} from '../../../contracts/stays.js';
import { withTransaction } from '../../db/transaction.js';
import { auditedRead } from '../../platform/audit/personal-reads.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, idempotencyKeyOf, idempotentWrite, sendStored } from '../../platform/http/idempotency-http.js';
import { pageOf } from '../../platform/pagination.js';
import { searchStayAvailability } from './availability.service.js';
import { cancelStayBooking, changeStayBooking, createStayBooking, getStayBooking, listStayBookings } from './bookings.service.js';
import { listStations, managedStationIds } from './stations.service.js';
import { presentBooking, presentBookings, presentStation, presentWaitlistEntry } from './stays.presenters.js';
import { acceptStayOffer, joinStayWaitlist, leaveStayWaitlist, listMyWaitlist, waitlistPosition } from './waitlist.service.js';
import { isoDate } from '../../../contracts/dates.js';

const idParams = hubParamsSchema.extend({ id: z.uuid() });
const tags = ['stays'];

/** The graduate's side of stays: stations, availability, bookings and the waitlist. */
export const stayRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/stays/stations',
      {
        config: { public: true },
        schema: {
          operationId: 'listStayStations',
          description: 'Anyone. The hub’s youth stations with address, rules and opening calendar.',
          summary: 'Youth stations: address, rules, calendar',
          tags,
          params: hubParamsSchema,
          querystring: cursorQuerySchema,
          response: { 200: cursorPageOf(stationSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const rows = await listStations(deps.db, scope, undefined, request.query);
        return pageOf(rows, request.query.limit, (r) => [r.station.nameEn, r.station.id], presentStation);
      },
    );

    app.get(
      '/api/hubs/:hub/stays/availability',
      {
        config: { public: true },
        schema: {
          operationId: 'searchStayAvailability',
          description: 'Anyone. Free beds per station for a date range, per night and for the whole range.',
          summary: 'Free beds per station for a date range (per night and for the whole range)',
          tags,
          params: hubParamsSchema,
          querystring: availabilityQuerySchema,
          response: { 200: availabilitySchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const found = await searchStayAvailability(deps.db, scope, request.query);
        return {
          from: request.query.from,
          to: request.query.to,
          stations: found.map((f) => ({ station: presentStation(f.loaded), freeForRange: f.freeForRange, nights: f.nights })),
        };
      },
    );

    app.post(
      '/api/hubs/:hub/stays/bookings',
      {
        schema: {
          operationId: 'createStayBooking',
          description:
            'Verified graduates book a free stay (any free bed of the station). Limits per stay, per year and per lifetime hold under concurrency; 409 `NO_AVAILABILITY`, `STAY_LIMIT_REACHED` or `ALREADY_BOOKED`. Send an `Idempotency-Key`.',
          summary: 'Book a free stay at a station (any free bed)',
          tags,
          params: hubParamsSchema,
          headers: idempotencyHeadersSchema,
          body: stayBookingInputSchema,
          response: { 201: stayBookingSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { booking, bed, replayed } = await createStayBooking(deps.db, scope, request.body, idempotencyKeyOf(request));
        return sendStored(reply, { status: 201, body: presentBooking(booking, bed, null), replayed });
      },
    );

    app.get(
      '/api/hubs/:hub/stays/bookings',
      {
        schema: {
          operationId: 'listStayBookings',
          description: 'My bookings; with `station`, that station’s bookings for its managers and hub admins.',
          summary: 'My bookings; with `station`, that station’s (its managers and hub admins)',
          tags,
          params: hubParamsSchema,
          querystring: cursorQuerySchema.extend({ station: z.uuid().optional(), from: isoDate().optional(), to: isoDate().optional() }),
          response: { 200: cursorPageOf(stayBookingSchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const { station, from, to, ...page } = request.query;
        const rows = await listStayBookings(deps.db, scope, { stationId: station, from, to }, page);
        const paged = pageOf(rows, page.limit, (r) => [r.checkIn, r.id]);
        if (!station) return { items: await presentBookings(deps.db, scope.hub.id, paged.items, false), next: paged.next };
        // A station's guest list names its guests: a personal-data read, audited with the people named.
        const read = { subjectType: 'person', fields: ['name'], ids: (items: StayBooking[]) => [...new Set(items.map((b) => b.guest.personId))] };
        return { items: await auditedRead(deps.db, scope, read, (tx) => presentBookings(tx, scope.hub.id, paged.items, true)), next: paged.next };
      },
    );

    app.get(
      '/api/hubs/:hub/stays/bookings/:id',
      {
        schema: {
          operationId: 'getStayBooking',
          description: 'The guest and the station’s managers; anyone else gets 404.',
          summary: 'One booking (its guest, its station’s managers)',
          tags,
          params: idParams,
          response: { 200: stayBookingSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const row = await getStayBooking(deps.db, scope, request.params.id);
        const names = row.userId !== scope.actor.userId || (await managedStationIds(deps.db, scope)).has(row.stationId);
        return (await presentBookings(deps.db, scope.hub.id, [row], names))[0]!;
      },
    );

    app.post(
      '/api/hubs/:hub/stays/bookings/:id/cancel',
      {
        schema: {
          operationId: 'cancelStayBooking',
          description: 'The guest cancels; the bed is free at once and offered to the waitlist. Send an `Idempotency-Key`: a retry gets the first answer.',
          summary: 'Cancel a booking: the bed is free at once (and offered to the waitlist)',
          tags,
          params: idParams,
          headers: idempotencyHeadersSchema,
          response: { 200: stayBookingSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `cancelStayBooking:${request.params.id}` }, async (tx) => ({
          status: 200,
          body: (await presentBookings(tx, scope.hub.id, [await cancelStayBooking(tx, scope, request.params.id)], false))[0]!,
        }));
      },
    );

    app.post(
      '/api/hubs/:hub/stays/bookings/:id/change',
      {
        schema: {
          operationId: 'changeStayBooking',
          description: 'The guest moves a booking to new dates atomically: the new booking or the old one stands. Send an `Idempotency-Key`.',
          summary: 'New dates, atomically: the new booking or the old one stands',
          tags,
          params: idParams,
          headers: idempotencyHeadersSchema,
          body: stayChangeInputSchema,
          response: { 200: stayBookingSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `changeStayBooking:${request.params.id}` }, async (tx) => ({
          status: 200,
          body: (await presentBookings(tx, scope.hub.id, [await changeStayBooking(tx, scope, request.params.id, request.body)], false))[0]!,
        }));
      },
    );

    app.post(
      '/api/hubs/:hub/stays/waitlist',
      {
        schema: {
          operationId: 'joinStayWaitlist',
          description: 'A verified graduate waits for a bed at a station for a date range; a freed bed is offered in joining order.',
          summary: 'Wait for a bed at a station for a date range',
          tags,
          params: hubParamsSchema,
          headers: idempotencyHeadersSchema,
          body: waitlistInputSchema,
          response: { 201: waitlistEntrySchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: 'joinStayWaitlist' }, async (tx) => {
          const row = await joinStayWaitlist(tx, scope, request.body);
          return { status: 201, body: presentWaitlistEntry(row, await waitlistPosition(tx, row)) };
        });
      },
    );

    app.get(
      '/api/hubs/:hub/stays/waitlist',
      {
        schema: {
          operationId: 'listStayWaitlist',
          description: 'My waitlist entries with my place in line and any offer with its deadline.',
          summary: 'My waitlist entries, with my place in line and any offer',
          tags,
          params: hubParamsSchema,
          querystring: cursorQuerySchema,
          response: { 200: cursorPageOf(waitlistEntrySchema), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const paged = pageOf(await listMyWaitlist(deps.db, scope, request.query), request.query.limit, (r) => [r.id]);
        return { items: await Promise.all(paged.items.map(async (r) => presentWaitlistEntry(r, await waitlistPosition(deps.db, r)))), next: paged.next };
      },
    );

    app.post(
      '/api/hubs/:hub/stays/waitlist/:id/accept',
      {
        schema: {
          operationId: 'acceptStayOffer',
          description:
            'The graduate takes the bed on offer before the offer runs out (409 `OFFER_EXPIRED` after). Send an `Idempotency-Key`: a retry gets the first answer.',
          summary: 'Take the bed offered from the waitlist (before the offer runs out)',
          tags,
          params: idParams,
          headers: idempotencyHeadersSchema,
          response: { 200: waitlistEntrySchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `acceptStayOffer:${request.params.id}` }, async (tx) => ({
          status: 200,
          body: presentWaitlistEntry(await acceptStayOffer(tx, scope, request.params.id), null),
        }));
      },
    );

    app.post(
      '/api/hubs/:hub/stays/waitlist/:id/leave',
      {
        schema: {
          operationId: 'leaveStayWaitlist',
          description: 'The graduate leaves the waitlist, declining any bed on offer.',
          summary: 'Leave the waitlist (declines a bed on offer)',
          tags,
          params: idParams,
          response: { 200: waitlistEntrySchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return presentWaitlistEntry(await withTransaction(deps.db, (tx) => leaveStayWaitlist(tx, scope, request.params.id)), null);
      },
    );
  };
