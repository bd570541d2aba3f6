import type { Locale } from '../../../contracts/error-messages.js';
import type { Db } from '../../db/connection.js';
import { inSnapshot } from '../../db/snapshot.js';
import type { HubRow } from '../../platform/tenancy/tenancy.js';
import { openDataGrants, OPEN_DATA_BATCH } from './open-data.service.js';
import { csvLine, type StreamedTable } from './tables.js';
import { threeSixtyGivingHeader, threeSixtyGivingMoneyColumns, threeSixtyGivingRow } from './three-sixty-giving.js';

/**
 * The export as it is sent: written batch by batch, so 100,000 awards never sit in memory as
 * one package or one string, and every batch read from one snapshot (`inSnapshot`), so an
 * award paid or clawed back while the file streams is wholly in it or wholly not. The text
 * is the same as the whole package's (`openDataPackage`) JSON.stringify, or
 * `tableCsv(threeSixtyGivingTable(...))`.
 */
export const openDataJson = (db: Db, hub: HubRow, locale: Locale, batch = OPEN_DATA_BATCH): AsyncGenerator<string> =>
  inSnapshot(db, (snapshot) => jsonText(snapshot, hub, locale, batch));

async function* jsonText(db: Db, hub: HubRow, locale: Locale, batch: number): AsyncGenerator<string> {
  const { head, grants } = await openDataGrants(db, hub, locale, batch);
  yield JSON.stringify({ ...head, grants: [] }).slice(0, -']}'.length); // up to `"grants":[`
  let first = true;
  for await (const some of grants) {
    yield (first ? '' : ',') + some.map((g) => JSON.stringify(g)).join(',');
    first = false;
  }
  yield ']}';
}

async function* summaryRows(db: Db, hub: HubRow, locale: Locale, batch: number): AsyncGenerator<(string | number)[]> {
  const { grants } = await openDataGrants(db, hub, locale, batch);
  for await (const some of grants) yield* some.map(threeSixtyGivingRow);
}

/** The summary (one row per grant, 360Giving's column titles) for XLSX, its rows read batch by batch. */
export const openDataSummary = (db: Db, hub: HubRow, locale: Locale, batch = OPEN_DATA_BATCH): StreamedTable => ({
  header: threeSixtyGivingHeader,
  rows: inSnapshot(db, (snapshot) => summaryRows(snapshot, hub, locale, batch)),
  moneyColumns: threeSixtyGivingMoneyColumns,
});

/** The summary as CSV text, a batch of lines at a time, from one snapshot. */
export const openDataCsv = (db: Db, hub: HubRow, locale: Locale, batch = OPEN_DATA_BATCH): AsyncGenerator<string> =>
  inSnapshot(db, (snapshot) => csvText(snapshot, hub, locale, batch));

async function* csvText(db: Db, hub: HubRow, locale: Locale, batch: number): AsyncGenerator<string> {
  yield csvLine(threeSixtyGivingHeader);
  const { grants } = await openDataGrants(db, hub, locale, batch);
  for await (const some of grants) yield some.map((g) => csvLine(threeSixtyGivingRow(g))).join('');
}
