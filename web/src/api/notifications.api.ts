import type { z } from 'zod';
import type { notificationListSchema, Notification } from '../../../contracts/notifications';
import { apiRequest } from './http';

export type { Notification };
export type NotificationList = z.infer<typeof notificationListSchema>;

const path = (hub: string) => `/api/hubs/${encodeURIComponent(hub)}/notifications`;

export function listNotifications(hub: string): Promise<NotificationList> {
  return apiRequest<NotificationList>(path(hub), { query: { limit: 20 } });
}

export function markNotificationRead(hub: string, id: string): Promise<void> {
  return apiRequest<void>(`${path(hub)}/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markAllNotificationsRead(hub: string): Promise<{ marked: number }> {
  return apiRequest<{ marked: number }>(`${path(hub)}/read`, { method: 'POST' });
}
