import { apiRequest } from './http';

export type TransferFormat = 'xlsx' | 'csv';

export type ImportError = { sheet: string; line: number; field: string; code: string; message: string };
export type ImportResult = { written: Record<string, number>; errors: ImportError[]; rejected: number };

const mediaTypes: Record<TransferFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

const base = (hub: string) => `/api/hubs/${encodeURIComponent(hub)}/ecosystem`;

/** Sends the file as the raw body; a dry run checks everything and writes nothing. */
export function importEcosystem(
  hub: string,
  file: Blob,
  options: { format: TransferFormat; partial: boolean; dryRun: boolean },
): Promise<ImportResult> {
  return apiRequest<ImportResult>(`${base(hub)}/import`, {
    method: 'POST',
    body: new Blob([file], { type: mediaTypes[options.format] }),
    query: { format: options.format, partial: String(options.partial), dryRun: String(options.dryRun) },
  });
}

/** A plain link: the browser downloads it with the session cookie. */
export function ecosystemExportUrl(hub: string, format: TransferFormat): string {
  return `${base(hub)}/export?format=${format}`;
}
