import type { components } from './openapi';
import { answer, api, rawBody } from './client';

// The generated document's type (openapi.d.ts), never a copy.
export type UploadedFile = components['schemas']['UploadedFile'];

/** Uploads one file as the raw body (`uploadFile`); the server decides its type from its bytes. */
export const uploadFile = (hub: string, file: File) =>
  answer(api.POST('/api/hubs/{hub}/files', { params: { path: { hub }, query: { name: file.name } }, ...rawBody(file) }));

/** Where a stored file is downloaded (its uploader and the hub's staff only): an address for a link, not a call. */
export const fileUrl = (hub: string, id: string) => `/api/hubs/${encodeURIComponent(hub)}/files/${encodeURIComponent(id)}`;

/** A file attached to a report (name, type, size), as the report's readers see it. */
export type AttachedFile = components['schemas']['AttachedFile'];
