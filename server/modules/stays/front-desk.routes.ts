import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { checkInInputSchema, occupancySchema, stayBookingSchema } from '../../../contracts/stays.js';
import { withTransaction } from '../../db/transaction.js';
import { hubScope, type Deps } from '../../platform/http/deps.js';
import { errorResponses } from '../../platform/http/error-responses.js';
import { checkInStay, checkOutStay } from './front-desk.service.js';
import { stationBookingsExport, stationOccupancy, XLSX_MEDIA_TYPE } from './occupancy.service.js';
import { presentBookings } from './stays.presenters.js';

const idParams = hubParamsSchema.extend({ id: z.uuid() });
const windowQuery = z.object({ from: z.iso.date(), to: z.iso.date() });
const tags = ['stays'];

/** The station manager's side: check-in by QR code, check-out, occupancy, export. */
export const frontDeskRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/hubs/:hub/stays/check-in',
      { schema: { operationId: 'checkInStay', summary: 'Check a guest in by the code of their QR', tags, params: hubParamsSchema, body: checkInInputSchema, response: { 200: stayBookingSchema, ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, async (tx) => (await presentBookings(tx, scope.hub.id, [await checkInStay(tx, scope, request.body.code)], true))[0]!);
      },
    );

    app.post(
      '/api/hubs/:hub/stays/bookings/:id/check-out',
      { schema: { operationId: 'checkOutStay', summary: 'Check a guest out (early: the nights left are freed)', tags, params: idParams, response: { 200: stayBookingSchema, ...errorResponses } } },
      async (request) => {
        const scope = await hubScope(deps, request, request.params.hub);
        return withTransaction(deps.db, async (tx) => (await presentBookings(tx, scope.hub.id, [await checkOutStay(tx, scope, request.params.id)], true))[0]!);
      },
    );

    app.get(
      '/api/hubs/:hub/stays/stations/:id/occupancy',
      { schema: { operationId: 'getStationOccupancy', summary: 'Beds occupied, arrivals and departures per night', tags, params: idParams, querystring: windowQuery, response: { 200: occupancySchema, ...errorResponses } } },
      async (request) => stationOccupancy(deps.db, await hubScope(deps, request, request.params.hub), request.params.id, request.query.from, request.query.to),
    );

    app.get(
      '/api/hubs/:hub/stays/stations/:id/bookings.xlsx',
      {
        schema: { operationId: 'exportStationBookings', summary: 'A station’s bookings in a date window as an XLSX workbook', tags, params: idParams, querystring: windowQuery, response: { 200: z.string().meta({ description: 'The XLSX workbook' }), ...errorResponses } },
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
