import { allow, definePolicy } from '../../platform/policies.js';

/** A booking: its guest reads and changes it; managers of its station and hub admins run it. */
export const stayBookingPolicy = definePolicy<{ own: boolean; manages: boolean }>([
  allow('signed_in', 'read', (_, b) => b.own),
  allow('station_manager', 'read', (_, b) => b.manages),
  allow(['hub_admin', 'auditor'], 'read'),
  allow('signed_in', 'cancel', (_, b) => b.own),
  allow('signed_in', 'change', (_, b) => b.own),
  allow('station_manager', 'cancel', (_, b) => b.manages),
  allow('hub_admin', 'cancel'),
  allow('station_manager', 'front_desk', (_, b) => b.manages),
  allow('hub_admin', 'front_desk'),
]);

/**
 * Stations are public; their bookings and occupancy belong to their managers and admins.
 * `run` is the desk's view (occupancy, the station's bookings): the desk's changes are the
 * booking's `front_desk`.
 */
export const stationPolicy = definePolicy<{ manages: boolean }>(
  [allow('anyone', 'read'), allow('signed_in', 'book'), allow('station_manager', 'run', (_, s) => s.manages), allow(['hub_admin', 'auditor'], 'run')],
  { reads: ['run'] },
);

/** Hub admins open stations and name their managers. */
export const stationAdminPolicy = definePolicy<null>([allow('hub_admin', 'create')]);
