import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Content-hashed build output (dist/web/assets/*): never changes under its name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page and any other unhashed file: ask the server each time (cheap with ETag). */
export const REVALIDATE = 'no-cache';

/** brotli or gzip, as the client asks, for API answers and pages of 1 KiB and more. */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    // Fast levels: on the talent pipeline's 140 kB first page brotli 5 took 12 ms and gzip 6 8 ms of
    // CPU (most of the request), brotli 3 and gzip 3 1-1.5 ms for 8-10% more bytes (docs/scaling.md).
    // Static files come precompressed at the highest level by the build.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 3 } },
    zlibOptions: { level: 3 },
  });
}

/**
 * The built web app: files from dist/web, sent as the .br / .gz the build wrote beside them
 * when the client accepts one, hashed assets cached for a year, everything else revalidated;
 * any other page path gets the app's page (a route, so it is compressed too).
 */
export async function registerWebFiles(app: FastifyInstance, webDir: string, page: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, filePath) => {
      res.setHeader('cache-control', /[\\/]assets[\\/]/.test(filePath) ? IMMUTABLE : REVALIDATE);
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.type('text/html').header('cache-control', REVALIDATE).send(page);
  });
}
