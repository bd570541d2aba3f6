import type { ExchangeTable } from '../../../../contracts/ecosystem-exchange.js';

/**
 * The columns of each table in a file, in the order export writes them. Import takes
 * them in any order, leaves missing optional ones empty and refuses unknown ones (so a
 * `resident_id` column can never slip personal numbers in or out).
 */
export const columns: Record<ExchangeTable, readonly string[]> = {
  organizations: ['ref', 'kind', 'name_zh', 'name_en', 'uscc', 'founded_on', 'sectors', 'headcount', 'website', 'district'],
  people: ['ref', 'name_zh', 'name_en', 'roles', 'born_on', 'talent_tier'],
  relations: ['kind', 'from_ref', 'to_ref', 'starts_on', 'ends_on', 'title', 'degree', 'round', 'amount_minor', 'currency', 'source_url', 'source_note'],
  facts: ['org_ref', 'metric', 'as_of', 'amount_minor', 'currency', 'quantity', 'label', 'source_url', 'source_note'],
};

/** The single-CSV layout: a `table` column, then every column of every table once. */
export const combinedColumns: readonly string[] = ['table', ...new Set(Object.values(columns).flat())];

/** Lists inside one cell (sectors, roles) are separated by semicolons. */
export const LIST_SEPARATOR = ';';

/** A row as read from a file: its place (for error messages) and its cells by column. */
export type SourceRow = { table: ExchangeTable; line: number; cells: Record<string, string> };
