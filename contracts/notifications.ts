import { z } from 'zod';
import { timestampSchema } from './common.js';
import { cursorPageOf, cursorQuerySchema } from './pagination.js';
import { hubParamsSchema } from './hubs.js';

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('program_invitation, or a kind another module adds'),
    subjectType: z.string(),
    subjectId: z.uuid(),
    payload: z.record(z.string(), z.unknown()).describe('Ids and names; `title` {zh, en} and `link` (a web path) for any kind'),
    read: z.boolean(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = cursorPageOf(notificationSchema).extend({
  unread: z.number().int().meta({ description: 'How many of my notifications in this hub are unread' }),
});

export const notificationQuerySchema = cursorQuerySchema.extend({
  unreadOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const notificationParamsSchema = hubParamsSchema.extend({ notificationId: z.uuid() });
