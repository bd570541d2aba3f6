import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvLine as sharedCsvLine } from '../../platform/csv.js';

/** A published table: column titles and rows of text or numbers (yuan as numbers). */
export type Table = { header: string[]; rows: (string | number)[][]; moneyColumns?: number[] };

/** A table whose rows arrive as they are read (a large export, batch by batch). */
export type StreamedTable = Omit<Table, 'rows'> & { rows: Iterable<(string | number)[]> | AsyncIterable<(string | number)[]> };

/**
 * One line of RFC 4180 CSV, its CRLF included: every cell quoted, and text a spreadsheet would
 * run as a formula (a leading = + - @ tab or CR) guarded with a `'` (server/platform/csv.ts).
 */
export const csvLine = (row: (string | number)[]) => sharedCsvLine(row, { quote: 'always' });

/** RFC 4180 CSV (CRLF, every cell quoted). */
export function tableCsv(table: Table): string {
  return [table.header, ...table.rows].map(csvLine).join('');
}

/**
 * The table as an XLSX workbook of one sheet, streamed as it is written (a large export
 * never sits whole in memory as a workbook). Text that looks like a formula stays text:
 * ExcelJS writes strings as strings, never as formulas.
 */
export function tableXlsx(sheetName: string, table: StreamedTable, numberFormat = '#,##0.00'): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.creator = 'Dragon Gate';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = table.header.map((header) => ({ header, width: Math.max(12, Math.min(40, header.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  const write = async () => {
    for await (const row of table.rows) {
      const added = sheet.addRow(row);
      for (const i of table.moneyColumns ?? []) if (typeof row[i] === 'number') added.getCell(i + 1).numFmt = numberFormat;
      added.commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
