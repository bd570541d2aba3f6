import { z } from 'zod';
import { timestampSchema } from './common.js';
import { hubParamsSchema } from './hubs.js';

/** The largest file anyone may upload (a program's field may set a smaller limit). */
export const FILE_MAX_BYTES = 50 * 1024 * 1024;

/** Media types the platform recognises from a file's first bytes; anything else is application/octet-stream. */
export const knownMediaTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
  'text/csv',
  'application/octet-stream',
] as const;

export const uploadQuerySchema = z.object({
  name: z.string().trim().min(1).max(200).describe('The file’s name as the uploader knows it'),
});

export const uploadedFileSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    mediaType: z.string().describe('Decided from the file’s content, not from what the client declared'),
    size: z.number().int(),
    sha256: z.string(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'UploadedFile' });
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

export const fileParamsSchema = hubParamsSchema.extend({ fileId: z.uuid() });

/**
 * What a report may carry, judged from each file's content: statements, progress documents,
 * photos, tables (any other type is 400 WRONG_FILE_TYPE at its index). The web picker offers the same.
 */
export const reportFileTypes = [
  'application/pdf',
  'image/*',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
] as const;

/** The most files one report carries (a financial statement, a progress PDF, photos). */
export const ATTACHMENTS_MAX = 10;

/**
 * The files a report carries, by the ids `uploadFile` answered: each one the sender uploaded
 * in this hub (any other id is 400 FILE_NOT_FOUND at its index, whoever else uploaded it), of
 * a type in `reportFileTypes` (else 400 WRONG_FILE_TYPE at its index).
 */
export const attachmentIdsSchema = z
  .array(z.uuid())
  .max(ATTACHMENTS_MAX)
  .default([])
  .meta({
    description: `Ids of files the sender uploaded in this hub (uploadFile), at most ${ATTACHMENTS_MAX}, each of a type in: ${reportFileTypes.join(', ')}`,
  });

/** A file attached to a report, as its readers see it; its bytes come through the report's own file route. */
export const attachedFileSchema = z.object({ id: z.uuid(), name: z.string(), mediaType: z.string(), size: z.number().int() }).meta({ id: 'AttachedFile' });
export type AttachedFile = z.infer<typeof attachedFileSchema>;
