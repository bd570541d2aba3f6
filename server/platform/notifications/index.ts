// In-app notifications: any module writes them (in its own transaction); the person reads them.
export { notificationRoutes } from './notifications.routes.js';
export { notify, type NewNotification } from './notifications.service.js';
