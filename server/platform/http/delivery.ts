import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
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

/** The app's page: index.html as the build last wrote it, or null when there is none. */
export type WebPage = () => string | null;

/**
 * Reads the page again whenever index.html changes, so a server left running while the web
 * app is rebuilt serves the new page, whose assets exist, not the old one, whose are gone.
 */
export function pageReader(webDir: string): WebPage {
  const file = path.join(webDir, 'index.html');
  let cached: { mtimeMs: number; page: string } | null = null;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return null;
    }
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, page: readFileSync(file, 'utf8') };
    return cached.page;
  };
}

/** Paths the app's page answers: any but the API's and the built assets' (a missing asset is a 404, not a page). */
export const isPagePath = (url: string) => !url.startsWith('/api/') && !url.startsWith('/assets/');

/**
 * The built web app (dist/web: index.html and assets/, the build has no other files): the
 * assets sent as the .br / .gz the build wrote beside them when the client accepts one,
 * cached for a year, and looked up when asked for, so a rebuild's new files are served
 * without a restart; any page path gets the page, revalidated each time (a route, so it is
 * compressed too). Returns the page's reader, or null when the web app is not built.
 */
export async function registerWebFiles(app: FastifyInstance, webDir: string): Promise<WebPage | null> {
  const page = pageReader(webDir);
  if (page() === null) return null;
  await app.register(fastifyStatic, {
    root: path.join(webDir, 'assets'),
    prefix: '/assets/',
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res) => res.setHeader('cache-control', IMMUTABLE),
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const html = isPagePath(request.url) ? page() : null;
    if (html === null) return reply.callNotFound();
    return reply.type('text/html').header('cache-control', REVALIDATE).send(html);
  });
  return page;
}
