import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * A row a SQL function returned (`SELECT * FROM dg_…()`: column names, driver values) as the
 * table's typed row, each value mapped as Drizzle maps its own selects (bigint, timestamps).
 */
export function rowOf<T extends Table>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}

/**
 * The reverse, for a SQL function that inserts a row the app decided (`jsonb_populate_record`):
 * the given fields by column name, bigints as decimal strings so no digit is lost on the way
 * through JSON, JSON columns as they are.
 */
export function columnsOf<T extends Table>(table: T, row: Partial<T['$inferInsert']>): Record<string, unknown> {
  const columns = getTableColumns(table);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const column = columns[key];
    if (!column || value === undefined) continue;
    out[column.name] = typeof value === 'bigint' ? value.toString() : value instanceof Date ? value.toISOString() : value;
  }
  return out;
}
