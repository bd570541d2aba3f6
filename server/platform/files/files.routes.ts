import { auditedRead } from '../audit/personal-reads.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FILE_MAX_BYTES, fileParamsSchema, knownMediaTypes, uploadedFileSchema, uploadQuerySchema } from '../../../contracts/files.js';
import { hubParamsSchema } from '../../../contracts/hubs.js';
import { hubScope, type Deps } from '../http/deps.js';
import { errorResponses } from '../http/error-responses.js';
import { rawBody } from '../http/openapi/file-response.js';
import { fileContentRead, fileDownloadResponse, sendFile } from './file-reply.js';
import { readFile, storeFile } from './files.service.js';

const tags = ['files'];

/** Evidence files: the raw request body in, the same bytes out (always as an attachment). */
export const fileRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // Any content type arrives as bytes, in this plugin's scope only (JSON routes keep their limit).
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: FILE_MAX_BYTES }, (_request, body, done) => done(null, body));

    app.post(
      '/api/hubs/:hub/files',
      {
        bodyLimit: FILE_MAX_BYTES,
        config: { rawBody: rawBody(`The file’s bytes, at most ${FILE_MAX_BYTES} bytes; its media type is found in the content`, knownMediaTypes) },
        schema: {
          operationId: 'uploadFile',
          summary: 'Upload one file (the raw request body); answer a program’s file field with the returned id',
          description: `Signed in. Send the bytes as the raw body and the file name in the \`name\` query parameter. At most ${FILE_MAX_BYTES} bytes. The media type is decided from the content; the Content-Type header only tells zip-based office files apart.`,
          tags,
          params: hubParamsSchema,
          querystring: uploadQuerySchema,
          response: { 201: uploadedFileSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const file = await storeFile(deps.db, scope, { name: request.query.name, declaredType: request.headers['content-type'], content });
        return reply.code(201).send(file);
      },
    );

    app.get(
      '/api/hubs/:hub/files/:fileId',
      {
        schema: {
          operationId: 'downloadFile',
          description: 'The uploader and the hub’s staff; anyone else gets 404. The bytes with the media type found in the content.',
          summary: 'Download a file: its uploader and the hub’s staff only',
          tags,
          params: fileParamsSchema,
          response: { 200: fileDownloadResponse(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const scope = await hubScope(deps, request, request.params.hub);
        const file = await auditedRead(deps.db, scope, fileContentRead(request.params.fileId), (tx) => readFile(tx, scope, request.params.fileId));
        return sendFile(reply, file);
      },
    );
  };
