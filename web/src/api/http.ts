import type { FieldError } from '../../../contracts/errors';
import { currentLocale } from '../i18n/i18n';
import { ApiRequestError } from './api-request-error';

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
};

type ErrorBody = {
  error?: { code?: string; message?: string; fields?: FieldError[] };
  code?: string;
  message?: string;
};

function withQuery(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Turns both our `{ error: {...} }` shape and better-auth's `{ code, message }` into one error. */
async function toError(response: Response): Promise<ApiRequestError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy page, an empty body): keep the status only.
  }
  const code = body.error?.code ?? body.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL');
  return new ApiRequestError({
    status: response.status,
    code,
    message: body.error?.message ?? body.message ?? response.statusText,
    fields: body.error?.fields,
  });
}

/** JSON over fetch with the session cookie and the person's language. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale(), ...options.headers };
  // A Blob (an uploaded file) goes as it is; anything else as JSON.
  const raw = options.body instanceof Blob;
  if (options.body !== undefined) headers['Content-Type'] = raw ? (options.body as Blob).type || 'application/octet-stream' : 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body: options.body === undefined ? undefined : raw ? (options.body as Blob) : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiRequestError({ status: 0, code: 'NETWORK', message: 'network error' });
  }
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
