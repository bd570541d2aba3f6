import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { pickLocale, type Locale } from '../../../contracts/error-messages.js';
import type { ErrorCode } from '../../../contracts/errors.js';
import { AppError, errorBody, errorStatus, type FieldProblem } from '../errors.js';
import { fieldProblemOf } from '../zod-issues.js';

export function localeOf(request: FastifyRequest): Locale {
  return pickLocale(request.headers['accept-language']);
}

// Fastify's own client errors, by code, mapped onto ours (never a 500 for bad input).
const fastifyCodes: Record<string, { code: ErrorCode; field?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'VALIDATION_FAILED', field: 'body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'VALIDATION_FAILED', field: 'body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'VALIDATION_FAILED', field: 'body' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'VALIDATION_FAILED', field: 'body' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'VALIDATION_FAILED', field: 'body' },
  FST_ERR_VALIDATION: { code: 'VALIDATION_FAILED' },
};

/** One place turns every thrown thing into `{ error: { code, message, fields } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = localeOf(request);
    if (error instanceof AppError) {
      return reply.status(error.status).send(errorBody(error.code, locale, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldProblem[] = error.validation.map((issue) => fieldProblemOf(issue, error.validationContext));
      return reply.status(400).send(errorBody('VALIDATION_FAILED', locale, fields));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(errorBody('RATE_LIMITED', locale));
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
      const code = known?.code ?? 'VALIDATION_FAILED';
      const fields = known?.field ? [{ path: known.field, code: 'INVALID' as const }] : [];
      return reply.status(error.statusCode && error.statusCode < 500 ? error.statusCode : errorStatus[code]).send(errorBody(code, locale, fields));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL', locale));
  });
}

/** Unknown API paths answer 404 JSON; other GETs get the web app's page, if built. */
export function registerNotFound(app: FastifyInstance, spaIndex: string | null): void {
  app.setNotFoundHandler((request, reply) => {
    if (spaIndex && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.type('text/html').send(spaIndex);
    return reply.status(404).send(errorBody('NOT_FOUND', localeOf(request)));
  });
}
