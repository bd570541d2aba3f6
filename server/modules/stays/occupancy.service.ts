import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { Occupancy, StayBooking } from '../../../contracts/stays.js';
import type { Db } from '../../db/connection.js';
import { auditedRead } from '../../platform/audit/personal-reads.js';
import { AppError } from '../../platform/errors.js';
import { listStayBookings } from './bookings.service.js';
import { nightsBetween, nightsOf } from './stay-dates.js';
import { loadStation, type Scope } from './stations.service.js';
import { stationPolicy } from './stays.policies.js';
import { presentBookings } from './stays.presenters.js';

/** Nights that were or will be slept: what occupancy counts (not cancellations or no-shows). */
const SLEPT = sql.raw(`('offered','confirmed','checked_in','checked_out')`);

async function runnableStation(db: Db, scope: Scope, stationId: string, from: string, to: string) {
  if (to <= from) throw new AppError('VALIDATION_FAILED', [{ path: 'to', code: 'ENDS_BEFORE_START' }]);
  if (nightsBetween(from, to) > 366) throw new AppError('VALIDATION_FAILED', [{ path: 'to', code: 'TOO_BIG' }]);
  const loaded = await loadStation(db, scope, stationId);
  stationPolicy.authorize(scope.actor, 'run', { manages: loaded.managed });
  return loaded;
}

/** Per night of [from, to): beds occupied, arrivals and departures (turnover). */
export async function stationOccupancy(db: Db, scope: Scope, stationId: string, from: string, to: string): Promise<Occupancy> {
  const loaded = await runnableStation(db, scope, stationId, from, to);
  const { rows } = await db.execute<{ night: string; occupied: number; arrivals: number; departures: number }>(sql`
    SELECT to_char(d, 'YYYY-MM-DD') AS night,
           count(*) FILTER (WHERE k.check_in <= d AND k.check_out > d)::int AS occupied,
           count(*) FILTER (WHERE k.check_in = d)::int AS arrivals,
           count(*) FILTER (WHERE k.check_out = d)::int AS departures
    FROM generate_series(${from}::date, ${to}::date - 1, interval '1 day') AS d
    JOIN stay_bookings k ON k.hub_id = ${scope.hub.id} AND k.station_id = ${stationId} AND k.status IN ${SLEPT}
      AND k.check_in <= d AND k.check_out >= d
    GROUP BY 1`);
  const by = new Map(rows.map((r) => [r.night, r]));
  return {
    stationId,
    from,
    to,
    beds: loaded.beds,
    nights: nightsOf(from, to).map((date) => ({
      date,
      occupied: by.get(date)?.occupied ?? 0,
      arrivals: by.get(date)?.arrivals ?? 0,
      departures: by.get(date)?.departures ?? 0,
    })),
  };
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Checks access, then returns the writer of the station's bookings workbook (one sheet). */
export async function stationBookingsExport(db: Db, scope: Scope, stationId: string, from: string, to: string) {
  await runnableStation(db, scope, stationId, from, to);
  const rows = await listStayBookings(db, scope, { stationId, from, to, all: true });
  // The workbook names the station's guests: a personal-data read, audited with the people named, as the guest list is.
  const read = { subjectType: 'person', fields: ['name'], ids: (items: StayBooking[]) => [...new Set(items.map((b) => b.guest.personId))] };
  const bookings = await auditedRead(db, scope, read, (tx) => presentBookings(tx, scope.hub.id, rows, true));
  return async (out: Writable) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet('bookings');
    sheet.columns = ['code', 'status', 'check_in', 'check_out', 'nights', 'room', 'bed', 'guest_zh', 'guest_en', 'checked_in_at', 'checked_out_at'].map(
      (key) => ({ header: key, key }),
    );
    for (const b of bookings) {
      sheet
        .addRow({
          code: b.code,
          status: b.status,
          check_in: b.checkIn,
          check_out: b.checkOut,
          nights: b.nights,
          room: b.bed.room,
          bed: b.bed.label,
          guest_zh: b.guest.name?.zh ?? '',
          guest_en: b.guest.name?.en ?? '',
          checked_in_at: b.checkedInAt ?? '',
          checked_out_at: b.checkedOutAt ?? '',
        })
        .commit();
    }
    sheet.commit();
    await workbook.commit();
  };
}
