import type { components } from './openapi';
import { answer, api, rawBody, type QueryOf } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type ImportResult = components['schemas']['ImportResult'];
export type ImportError = ImportResult['errors'][number];
export type TransferFormat = QueryOf<'/api/hubs/{hub}/ecosystem/export'>['format'];

const mediaTypes: Record<TransferFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** Sends the file as the raw body; a dry run checks everything and writes nothing. */
export const importEcosystem = (hub: string, file: Blob, options: { format: TransferFormat; partial: boolean; dryRun: boolean }) =>
  answer(
    api.POST('/api/hubs/{hub}/ecosystem/import', {
      params: { path: { hub }, query: { format: options.format, partial: options.partial ? 'true' : 'false', dryRun: options.dryRun ? 'true' : 'false' } },
      ...rawBody(file, mediaTypes[options.format]),
    }),
  );

/** A plain link: the browser downloads it with the session cookie. */
export const ecosystemExportUrl = (hub: string, format: TransferFormat) => `/api/hubs/${encodeURIComponent(hub)}/ecosystem/export?format=${format}`;
