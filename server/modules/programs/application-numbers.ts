import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { localToday } from '../../platform/hub-time.js';

/**
 * The year an application's number counts in (HZ-2026-000123: the hub's code, its local
 * year, its sequence for that year). The number itself is taken where the application is
 * inserted (`dg_application_number`, migrations/0041, called by dg_application_file), so it
 * costs no round trip of its own: one counter row per hub and year, moved by one upsert;
 * concurrent applications wait on that row (as they already wait on the hub's audit chain)
 * and each gets its own number; a rolled-back application leaves a gap, never a twin (the
 * unique key on (hub_id, number) is the second guard).
 */
export function applicationNumberYear(hub: Pick<HubRow, 'timeZone'>, now: Date): number {
  return Number(localToday(hub.timeZone, now).slice(0, 4));
}
