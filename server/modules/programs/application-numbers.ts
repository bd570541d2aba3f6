import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connection.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { localToday } from '../../platform/hub-time.js';

/** HZ-2026-000123: the hub's code, the hub's local year, the hub's sequence for that year. */
export function formatApplicationNumber(code: string, year: number, sequence: number): string {
  return `${code}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * The next application number of a hub. One counter row per hub and year, moved by one
 * upsert: concurrent applications wait on that row (as they already wait on the hub's audit
 * chain) and each gets its own number; a rolled-back application leaves a gap, never a twin
 * (the unique key on (hub_id, number) is the second guard).
 */
export async function nextApplicationNumber(tx: Tx, hub: Pick<HubRow, 'id' | 'code' | 'timeZone'>, now: Date): Promise<string> {
  const year = Number(localToday(hub.timeZone, now).slice(0, 4));
  const { rows } = await tx.execute<{ last: number }>(sql`
    INSERT INTO application_counters (hub_id, year, last_number) VALUES (${hub.id}, ${year}, 1)
    ON CONFLICT (hub_id, year) DO UPDATE SET last_number = application_counters.last_number + 1
    RETURNING last_number AS last`);
  return formatApplicationNumber(hub.code, year, Number(rows[0]!.last));
}
