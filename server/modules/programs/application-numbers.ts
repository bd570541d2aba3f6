import { sql, type SQL } from 'drizzle-orm';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { localToday } from '../../platform/hub-time.js';

/**
 * The next application number of a hub (HZ-2026-000123: the hub's code, its local year, its
 * sequence for that year), as SQL for the application's INSERT, so it costs no round trip
 * of its own (`dg_application_number`, migrations/0041). One counter row per hub and year,
 * moved by one upsert: concurrent applications wait on that row (as they already wait on
 * the hub's audit chain) and each gets its own number; a rolled-back application leaves a
 * gap, never a twin (the unique key on (hub_id, number) is the second guard).
 */
export function nextApplicationNumber(hub: Pick<HubRow, 'id' | 'code' | 'timeZone'>, now: Date): SQL<string> {
  const year = Number(localToday(hub.timeZone, now).slice(0, 4));
  return sql<string>`dg_application_number(${hub.id}::uuid, ${year}::int, ${hub.code}::text)`;
}
