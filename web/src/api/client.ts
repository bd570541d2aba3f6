import createClient from 'openapi-fetch';
import { currentLocale } from '../i18n/i18n';
import { ApiRequestError } from './api-request-error';
import { errorFromBody } from './http';
import type { paths } from './openapi';

/**
 * The web's API client, generated from the live OpenAPI document (web/src/api/openapi.d.ts,
 * `npm run openapi:types`; `npm run lint` fails when it is stale): paths, parameters,
 * bodies and answers are the server's, never copied by hand. The one way the web calls the
 * API: the session cookie, the person's language, one error (`ApiRequestError`).
 */
// `fetch` is looked up at each call, so a component test can stand in for the server.
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', fetch: (request) => globalThis.fetch(request), querySerializer });

/** Query parameters: an empty filter ('' or undefined) is left out; a list repeats its key. */
function querySerializer(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined && one !== null && one !== '') params.append(key, String(one));
  }
  return params.toString();
}

api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLocale());
    return request;
  },
});

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The answer's body, or the one ApiRequestError (NETWORK when no answer came). */
export async function answer<T>(call: Promise<Answer<T>>): Promise<T> {
  let result: Answer<T>;
  try {
    result = await call;
  } catch {
    throw new ApiRequestError({ status: 0, code: 'NETWORK', message: 'network error' });
  }
  if (!result.response.ok) throw errorFromBody(result.response, result.error);
  return result.data as T;
}

/** A JSON request body of an operation, as the document declares it. */
export type BodyOf<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The query parameters of a GET, as the document declares them. */
export type QueryOf<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/**
 * A raw upload (the document's `format: binary` request body): the file goes as it is, with
 * its own media type, instead of as JSON. Spread into the call's options.
 */
export function rawBody(file: Blob, mediaType = file.type || 'application/octet-stream') {
  return { body: file as unknown as string, bodySerializer: (body: unknown) => body as Blob, headers: { 'Content-Type': mediaType } };
}
