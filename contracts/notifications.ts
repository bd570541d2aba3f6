import { z } from 'zod';
import { hubParamsSchema } from './hubs.js';

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('program_invitation, or a kind another module adds'),
    subjectType: z.string(),
    subjectId: z.uuid(),
    payload: z.record(z.string(), z.unknown()).describe('Ids and names; `title` {zh, en} and `link` (a web path) for any kind'),
    read: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({ items: z.array(notificationSchema), unread: z.number().int() });

export const notificationQuerySchema = z.object({
  unreadOnly: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const notificationParamsSchema = hubParamsSchema.extend({ notificationId: z.uuid() });
