import { answer, api } from './client';
import type { components } from './openapi';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type Notification = components['schemas']['Notification'];

/** The newest; the bell shows no more. */
export const listNotifications = (hub: string) => answer(api.GET('/api/hubs/{hub}/notifications', { params: { path: { hub }, query: { limit: 20 } } }));
export const markNotificationRead = (hub: string, notificationId: string) =>
  answer(api.POST('/api/hubs/{hub}/notifications/{notificationId}/read', { params: { path: { hub, notificationId } } }));
export const markAllNotificationsRead = (hub: string) => answer(api.POST('/api/hubs/{hub}/notifications/read', { params: { path: { hub } } }));
