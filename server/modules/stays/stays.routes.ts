import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import {
  availabilityQuerySchema,
  availabilitySchema,
  stationSchema,
  stayBookingInputSchema,
  stayBookingSchema,
  stayChangeInputSchema,
  waitlistEntrySchema,
  waitlistInputSchema,
} from '../../../contracts/stays.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, sendStored } from '../../platform/http/idempotency-http.js';
import { idempotent } from '../../platform/idempotency/idempotency.js';
import { searchStayAvailability } from './availability.service.js';
import { cancelStayBooking, changeStayBooking, createStayBooking, getStayBooking, listStayBookings } from './bookings.service.js';
import { listStations, managedStationIds } from './stations.service.js';
import { presentBookings, presentStation, presentWaitlistEntry } from './stays.presenters.js';
import { acceptStayOffer, joinStayWaitlist, leaveStayWaitlist, listMyWaitlist, waitlistPosition } from './waitlist.service.js';

const idParams = hubParamsSchema.extend({ id: z.uuid() });
const tags = ['stays'];

/** The graduate's side of stays: stations, availability, bookings and the waitlist. */
export const stayRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/stays/stations',
      { config: { public: true }, schema: { operationId: 'listStayStations', summary: 'Youth stations: address, rules, calendar', tags, params: hubParamsSchema, response: { 200: z.object({ items: z.array(stationSchema) }), ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return { items: (await listStations(deps.db, scope)).map(presentStation) };
      },
    );

    app.get(
      '/api/hubs/:hub/stays/availability',
      {
        config: { public: true },
        schema: { operationId: 'searchStayAvailability', summary: 'Free beds per station for a date range (per night and for the whole range)', tags, params: hubParamsSchema, querystring: availabilityQuerySchema, response: { 200: availabilitySchema, ...errorResponses } },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const found = await searchStayAvailability(deps.db, scope, request.query);
        return { from: request.query.from, to: request.query.to, stations: found.map((f) => ({ station: presentStation(f.loaded), freeForRange: f.freeForRange, nights: f.nights })) };
      },
    );

    app.post(
      '/api/hubs/:hub/stays/bookings',
      { schema: { operationId: 'createStayBooking', summary: 'Book a free stay at a station (any free bed)', tags, params: hubParamsSchema, headers: idempotencyHeadersSchema, body: stayBookingInputSchema, response: { 201: stayBookingSchema, ...errorResponses } } },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(tx, { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: 'createStayBooking', request: request.body }, async () => ({
            status: 201,
            body: (await presentBookings(tx, scope.hub.id, [await createStayBooking(tx, scope, request.body)], false))[0]!,
          })),
        );
        return sendStored(reply, result);
      },
    );

    app.get(
      '/api/hubs/:hub/stays/bookings',
      {
        schema: {
          operationId: 'listStayBookings',
          summary: 'My bookings; with `station`, that station’s (its managers and hub admins)',
          tags,
          params: hubParamsSchema,
          querystring: z.object({ station: z.uuid().optional(), from: z.iso.date().optional(), to: z.iso.date().optional() }),
          response: { 200: z.object({ items: z.array(stayBookingSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const rows = await listStayBookings(deps.db, scope, { stationId: request.query.station, from: request.query.from, to: request.query.to });
        return { items: await presentBookings(deps.db, scope.hub.id, rows, Boolean(request.query.station)) };
      },
    );

    app.get(
      '/api/hubs/:hub/stays/bookings/:id',
      { schema: { operationId: 'getStayBooking', summary: 'One booking (its guest, its station’s managers)', tags, params: idParams, response: { 200: stayBookingSchema, ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const row = await getStayBooking(deps.db, scope, request.params.id);
        const names = row.userId !== scope.actor.userId || (await managedStationIds(deps.db, scope)).has(row.stationId);
        return (await presentBookings(deps.db, scope.hub.id, [row], names))[0]!;
      },
    );

    app.post(
      '/api/hubs/:hub/stays/bookings/:id/cancel',
      { schema: { operationId: 'cancelStayBooking', summary: 'Cancel a booking: the bed is free at once (and offered to the waitlist)', tags, params: idParams, response: { 200: stayBookingSchema, ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, async (tx) => (await presentBookings(tx, scope.hub.id, [await cancelStayBooking(tx, scope, request.params.id)], false))[0]!);
      },
    );

    app.post(
      '/api/hubs/:hub/stays/bookings/:id/change',
      {
        schema: { operationId: 'changeStayBooking', summary: 'New dates, atomically: the new booking or the old one stands', tags, params: idParams, headers: idempotencyHeadersSchema, body: stayChangeInputSchema, response: { 200: stayBookingSchema, ...errorResponses } },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(tx, { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: `changeStayBooking:${request.params.id}`, request: request.body }, async () => ({
            status: 200,
            body: (await presentBookings(tx, scope.hub.id, [await changeStayBooking(tx, scope, request.params.id, request.body)], false))[0]!,
          })),
        );
        return sendStored(reply, result);
      },
    );

    app.post(
      '/api/hubs/:hub/stays/waitlist',
      { schema: { operationId: 'joinStayWaitlist', summary: 'Wait for a bed at a station for a date range', tags, params: hubParamsSchema, headers: idempotencyHeadersSchema, body: waitlistInputSchema, response: { 201: waitlistEntrySchema, ...errorResponses } } },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const result = await withTransaction(deps.db, (tx) =>
          idempotent(tx, { hubId: scope.hub.id, userId: request.userId!, key: request.headers['idempotency-key'], operation: 'joinStayWaitlist', request: request.body }, async () => {
            const row = await joinStayWaitlist(tx, scope, request.body);
            return { status: 201, body: presentWaitlistEntry(row, await waitlistPosition(tx, row)) };
          }),
        );
        return sendStored(reply, result);
      },
    );

    app.get(
      '/api/hubs/:hub/stays/waitlist',
      { schema: { operationId: 'listStayWaitlist', summary: 'My waitlist entries, with my place in line and any offer', tags, params: hubParamsSchema, response: { 200: z.object({ items: z.array(waitlistEntrySchema) }), ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const rows = await listMyWaitlist(deps.db, scope);
        return { items: await Promise.all(rows.map(async (r) => presentWaitlistEntry(r, await waitlistPosition(deps.db, r)))) };
      },
    );

    app.post(
      '/api/hubs/:hub/stays/waitlist/:id/accept',
      { schema: { operationId: 'acceptStayOffer', summary: 'Take the bed offered from the waitlist (before the offer runs out)', tags, params: idParams, response: { 200: waitlistEntrySchema, ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return presentWaitlistEntry(await withTransaction(deps.db, (tx) => acceptStayOffer(tx, scope, request.params.id)), null);
      },
    );

    app.post(
      '/api/hubs/:hub/stays/waitlist/:id/leave',
      { schema: { operationId: 'leaveStayWaitlist', summary: 'Leave the waitlist (declines a bed on offer)', tags, params: idParams, response: { 200: waitlistEntrySchema, ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return presentWaitlistEntry(await withTransaction(deps.db, (tx) => leaveStayWaitlist(tx, scope, request.params.id)), null);
      },
    );
  };
