import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { notificationListSchema, notificationParamsSchema, notificationQuerySchema } from '../../../contracts/notifications.js';
import { hubScope, type Deps } from '../http/deps.js';
import { errorResponses } from '../http/error-responses.js';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.service.js';

const tags = ['notifications'];

/** The signed-in person's notifications in one hub: newest first, with the unread count. */
export const notificationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hubs/:hub/notifications',
      {
        schema: {
          operationId: 'listNotifications',
          description: 'My own notifications in this hub, newest first, with how many are unread. Cursor-paged.',
          summary: 'My notifications in this hub, newest first, and how many are unread',
          tags,
          params: hubParamsSchema,
          querystring: notificationQuerySchema,
          response: { 200: notificationListSchema, ...errorResponses },
        },
      },
      async (request) => listNotifications(deps.db, await hubScope(deps, request, request.params.hub), request.query),
    );

    app.post(
      '/api/hubs/:hub/notifications/:notificationId/read',
      {
        config: { ownInbox: true },
        schema: {
          operationId: 'markNotificationRead',
          description: 'Marks one of my notifications read; someone else’s is 404. Marking twice changes nothing.',
          summary: 'Mark one of my notifications read',
          tags,
          params: notificationParamsSchema,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await markNotificationRead(deps.db, await hubScope(deps, request, request.params.hub), request.params.notificationId);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/hubs/:hub/notifications/read',
      {
        config: { ownInbox: true },
        schema: {
          operationId: 'markAllNotificationsRead',
          description: 'Marks all my notifications in this hub read and answers how many changed.',
          summary: 'Mark all my notifications in this hub read',
          tags,
          params: hubParamsSchema,
          response: { 200: z.object({ marked: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => markAllNotificationsRead(deps.db, await hubScope(deps, request, request.params.hub)),
    );
  };
