import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/** Query parameters whose values are secrets (invitation, reset and verification links, codes). */
const SECRET_PARAMETER = /token|secret|password|signature|^(code|key|otp|sig)$/i;
/** better-auth's reset link carries its token in the path: /api/auth/reset-password/<token>. */
const SECRET_PATH = /^(\/api\/auth\/reset-password\/)[^/?]+/;
const REDACTED = '[redacted]';

/** A URL for the log: the path and the parameters as sent, the value of every secret one replaced. */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  const path = (mark === -1 ? url : url.slice(0, mark)).replace(SECRET_PATH, `$1${REDACTED}`);
  if (mark === -1) return path;
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return pair;
      const name = pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // a malformed name is judged as sent
      }
      return SECRET_PARAMETER.test(decoded) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

/** Fastify's request serializer, with the URL's secrets redacted. */
export function serializeRequest(request: FastifyRequest) {
  const version = request.headers?.['accept-version'];
  return {
    method: request.method,
    url: redactUrl(request.url),
    version: Array.isArray(version) ? version.join(', ') : version,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/**
 * pino settings: JSON lines, and never a cookie, a password or a link's token in a log line.
 * `stream` sends the lines elsewhere than stdout (tests read them).
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: { req: serializeRequest },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password'],
      censor: '[redacted]',
    },
    ...(stream ? { stream } : {}),
  };
}
