import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { pickLocale, type Locale } from '../../../contracts/error-messages.js';
import type { ErrorCode } from '../../../contracts/errors.js';
import { AppError, errorBody, errorStatus, RateLimited, rateLimitedBody, type FieldProblem } from '../errors.js';
import { fieldProblemOf } from '../zod-issues.js';
import { isPagePath, REVALIDATE, type WebPage } from './delivery.js';

/** The request's language: `lang` where the route takes one (a download names its page's language), else Accept-Language. */
export function localeOf(request: FastifyRequest, lang?: Locale): Locale {
  return lang ?? pickLocale(request.headers['accept-language']);
}

// Fastify's own client errors, by code, mapped onto ours (never a 500 for bad input).
const fastifyCodes: Record<string, { code: ErrorCode; field?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'VALIDATION_FAILED', field: 'body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION_FAILED', field: 'body' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_VALIDATION: { code: 'VALIDATION_FAILED' },
  FST_ERR_BAD_URL: { code: 'BAD_REQUEST' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URI_TOO_LONG' },
};

// Any other 4xx from Fastify or a plugin, by its status.
const byStatus: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'HEADERS_TOO_LARGE',
};

/** The project's answer to an error Fastify or a plugin raised, or null when it is not a client error. */
function clientErrorOf(error: FastifyError): { status: number; code: ErrorCode; fields: FieldProblem[] } | null {
  const known = error.code ? fastifyCodes[error.code] : undefined;
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : undefined;
  if (!known && !status) return null;
  const code = known?.code ?? byStatus[status!] ?? 'BAD_REQUEST';
  const fields: FieldProblem[] = known?.field ? [{ path: known.field, code: 'INVALID' }] : [];
  // A code of its own brings its status; the generic ones keep the status Fastify chose.
  const generic = code === 'BAD_REQUEST' || code === 'VALIDATION_FAILED';
  return { status: generic ? (status ?? 400) : errorStatus[code], code, fields };
}

/**
 * Fastify's `frameworkErrors` option: errors the router raises before any route runs (a path
 * parameter over `maxParamLength`, a malformed URL) come out in the project's shape too.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const answer = clientErrorOf(error) ?? { status: 400, code: 'BAD_REQUEST' as const, fields: [] };
  void reply.status(answer.status).send(errorBody(answer.code, localeOf(request), answer.fields));
}

/**
 * Fastify's `clientErrorHandler` (node's `clientError` event): where node's HTTP parser
 * refuses a request itself (headers too large: 431, malformed: 400, a timeout: 408), write
 * the project's shape on the socket. No headers were parsed, so the message is in English.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code]: [number, string, ErrorCode] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'HEADERS_TOO_LARGE']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'BAD_REQUEST']
        : [400, 'Bad Request', 'BAD_REQUEST'];
  const body = JSON.stringify(errorBody(code, 'en-US'));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** One place turns every thrown thing into `{ error: { code, message, fields } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = localeOf(request);
    if (error instanceof RateLimited) {
      return reply.status(429).header('retry-after', String(error.retryAfterSeconds)).send(rateLimitedBody(locale, error.retryAfterSeconds));
    }
    if (error instanceof AppError) {
      return reply.status(error.status).send(errorBody(error.code, locale, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldProblem[] = error.validation.map((issue) => fieldProblemOf(issue, error.validationContext));
      return reply.status(400).send(errorBody('VALIDATION_FAILED', locale, fields));
    }
    if (error.statusCode === 429) {
      // @fastify/rate-limit has set Retry-After (seconds) before it threw: the body says it too.
      return reply.status(429).send(rateLimitedBody(locale, Number(reply.getHeader('retry-after'))));
    }
    const client = clientErrorOf(error);
    if (client) return reply.status(client.status).send(errorBody(client.code, locale, client.fields));
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL', locale));
  });
}

/** Unknown API paths answer 404 JSON; other GETs get the web app's page, if built. */
export function registerNotFound(app: FastifyInstance, page: WebPage | null): void {
  app.setNotFoundHandler((request, reply) => {
    const html = page && request.method === 'GET' && isPagePath(request.url) ? page() : null;
    if (html !== null) return reply.type('text/html').header('cache-control', REVALIDATE).send(html);
    return reply.status(404).send(errorBody('NOT_FOUND', localeOf(request)));
  });
}
