import type { UploadedFile } from '../../../contracts/files';
import { apiRequest } from './http';

export type { UploadedFile };

/** Uploads one file as the raw body (`uploadFile`); the server decides its type from its bytes. */
export function uploadFile(hub: string, file: File): Promise<UploadedFile> {
  return apiRequest<UploadedFile>(`/api/hubs/${encodeURIComponent(hub)}/files`, { method: 'POST', body: file, query: { name: file.name } });
}

/** Where a stored file is downloaded (its uploader and the hub's staff only). */
export const fileUrl = (hub: string, id: string) => `/api/hubs/${encodeURIComponent(hub)}/files/${encodeURIComponent(id)}`;
