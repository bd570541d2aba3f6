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
