import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { checkInInputSchema, occupancySchema, stayBookingSchema } from '../../../contracts/stays.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { idempotencyHeadersSchema, idempotentWrite } from '../../platform/http/idempotency-http.js';
import { fileResponse } from '../../platform/http/openapi/file-response.js';
import { checkInStay, checkOutStay } from './front-desk.service.js';
import { stationBookingsExport, stationOccupancy, XLSX_MEDIA_TYPE } from './occupancy.service.js';
import { presentBookings } from './stays.presenters.js';
import { isoDate } from '../../../contracts/dates.js';

const idParams = hubParamsSchema.extend({ id: z.uuid() });
const windowQuery = z.object({ from: isoDate(), to: isoDate() });
const tags = ['stays'];

/** The station manager's side: check-in by QR code, check-out, occupancy, export. */
export const frontDeskRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/hubs/:hub/stays/check-in',
      {
        schema: {
          operationId: 'checkInStay',
          description: 'Station managers check a guest in by the code of their QR, on the day of arrival (409 `CHECK_IN_NOT_TODAY`).',
          summary: 'Check a guest in by the code of their QR',
          tags,
          params: hubParamsSchema,
          body: checkInInputSchema,
          response: { 200: stayBookingSchema, ...errorResponses },
        },
      },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, async (tx) => (await presentBookings(tx, scope.hub.id, [await checkInStay(tx, scope, request.body.code)], true))[0]!);
      },
    );

    app.post(
      '/api/hubs/:hub/stays/bookings/:id/check-out',
      {
        schema: {
          operationId: 'checkOutStay',
          description: 'Station managers check a guest out; early check-out frees the nights left. Send an `Idempotency-Key`: a retry gets the first answer.',
          summary: 'Check a guest out (early: the nights left are freed)',
          tags,
          params: idParams,
          headers: idempotencyHeadersSchema,
          response: { 200: stayBookingSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return idempotentWrite(deps, request, reply, { hubId: scope.hub.id, operation: `checkOutStay:${request.params.id}` }, async (tx) => ({
          status: 200,
          body: (await presentBookings(tx, scope.hub.id, [await checkOutStay(tx, scope, request.params.id)], true))[0]!,
        }));
      },
    );

    app.get(
      '/api/hubs/:hub/stays/stations/:id/occupancy',
      {
        schema: {
          operationId: 'getStationOccupancy',
          description: 'The station’s managers and hub admins. Beds occupied, arrivals and departures per night.',
          summary: 'Beds occupied, arrivals and departures per night',
          tags,
          params: idParams,
          querystring: windowQuery,
          response: { 200: occupancySchema, ...errorResponses },
        },
      },
      async (request) => stationOccupancy(deps.db, await hubScope(deps, request, request.params.hub), request.params.id, request.query.from, request.query.to),
    );

    app.get(
      '/api/hubs/:hub/stays/stations/:id/bookings.xlsx',
      {
        schema: {
          operationId: 'exportStationBookings',
          description: 'The station’s managers and hub admins. The bookings of a date window as an XLSX workbook.',
          summary: 'A station’s bookings in a date window as an XLSX workbook',
          tags,
          params: idParams,
          querystring: windowQuery,
          response: { 200: fileResponse('The XLSX workbook: one row per booking', [XLSX_MEDIA_TYPE]), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const write = await stationBookingsExport(deps.db, scope, request.params.id, request.query.from, request.query.to);
        const out = new PassThrough();
        write(out).catch((error: unknown) => {
          request.log.error({ err: error }, 'stay export failed');
          out.destroy(error as Error);
        });
        return reply
          .type(XLSX_MEDIA_TYPE)
          .header('content-disposition', `attachment; filename="stays-${request.query.from}-${request.query.to}.xlsx"`)
          .header('cache-control', 'no-store')
          .send(out as never);
      },
    );
  };
