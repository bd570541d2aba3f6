import { z } from 'zod';
import { fieldErrorCodes } from './errors.js';

/**
 * Import and export of a hub's ecosystem (organisations, people, relations, facts) as an
 * XLSX workbook or one CSV file; the format is described in docs/ecosystem-files.md.
 */
export const exchangeTables = ['organizations', 'people', 'relations', 'facts'] as const;
export type ExchangeTable = (typeof exchangeTables)[number];

export const exchangeFormats = ['xlsx', 'csv'] as const;
export type ExchangeFormat = (typeof exchangeFormats)[number];

/** The most bad rows one answer lists; the count still covers every one of them. */
export const IMPORT_ERRORS_LISTED = 1_000;
/** The largest file the API takes (the CLI reads files of any size). */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

export const importQuerySchema = z.object({
  format: z.enum(exchangeFormats),
  partial: flag.meta({ description: 'Write the valid rows and reject the bad ones (default: all or nothing)' }),
  dryRun: flag.meta({ description: 'Validate only; write nothing' }),
});
export type ImportQuery = z.input<typeof importQuerySchema>;

export const exportQuerySchema = z.object({ format: z.enum(exchangeFormats) });

export const rowErrorSchema = z.object({
  sheet: z.string().meta({ description: 'Sheet (XLSX) or value of the `table` column (CSV)' }),
  line: z.number().int().meta({ description: 'Row number in the sheet or line in the CSV; the header is line 1' }),
  column: z.number().int().optional().meta({ description: 'Where a CSV record could not be read (bad quoting): the field position, 1-based' }),
  field: z.string().meta({ description: 'Column name, e.g. "founded_on"' }),
  code: z.enum(fieldErrorCodes),
  message: z.string(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

const counts = z.object({ organizations: z.number().int(), people: z.number().int(), relations: z.number().int(), facts: z.number().int() });
export type TableCounts = z.infer<typeof counts>;

export const importResultSchema = z
  .object({
    written: counts.meta({ description: 'Rows written (a dry run: rows that would be written)' }),
    errors: z.array(rowErrorSchema).meta({ description: `Bad rows, the first ${IMPORT_ERRORS_LISTED}` }),
    errorCount: z.number().int().meta({ description: 'Problems found in all (may exceed the list)' }),
    rejected: z.number().int().meta({ description: 'Rows not written because they are bad' }),
    dryRun: z.boolean(),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof importResultSchema>;
