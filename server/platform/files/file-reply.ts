import type { FastifyReply } from 'fastify';
import { knownMediaTypes } from '../../../contracts/files.js';
import type { PersonalRead } from '../audit/personal-reads.js';
import { fileResponse } from '../http/openapi/file-response.js';

/**
 * How every download answers a stored file, whichever route decided the caller may have it:
 * the media type found in its content, always as an attachment under its own name, never cached.
 */
export function sendFile(reply: FastifyReply, file: { name: string; mediaType: string; content: Buffer }) {
  return reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('cache-control', 'private, no-store')
    .send(file.content as never); // bytes: Fastify sends them as they are
}

/** A download is a personal read of the file's content (run it through `auditedRead`). */
export const fileContentRead = <T>(fileId: string): PersonalRead<T> => ({ subjectType: 'file', fields: ['content'], ids: () => [fileId] });

/** A download's 200 in the contract. */
export const fileDownloadResponse = () => fileResponse('The file’s bytes, with the media type found in its content', knownMediaTypes);
