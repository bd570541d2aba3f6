import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

type WithNonce = ServerResponse & { scriptNonce?: string };

/** A fresh nonce per response, made when helmet writes the CSP header and kept on the response. */
function scriptNonce(_request: unknown, response: WithNonce): string {
  response.scriptNonce ??= randomBytes(16).toString('base64');
  return `'nonce-${response.scriptNonce}'`;
}

/**
 * The page allows no eval, and says so before Scalar loads: the zod bundled in Scalar probes
 * for eval with `new Function('')` (to compile faster parsers), which the CSP refuses and
 * reports as a violation. With `Function` refusing by itself, the probe answers "no eval"
 * quietly and zod takes its plain path; nothing else on the page constructs functions.
 */
const NO_EVAL_SCRIPT =
  '<script>globalThis.Function = new Proxy(Function, { apply() { throw new EvalError("no eval on this page") }, construct() { throw new EvalError("no eval on this page") } });</script>';

/**
 * Security headers (helmet). Scripts only from our origin or carrying this response's nonce:
 * the SPA has no inline script; the API reference page (Scalar) boots with inline scripts,
 * which get the nonce here. Styles stay 'unsafe-inline' (antd writes its styles at run time).
 * HSTS only when the public address is https (on plain http it would be ignored or, behind a
 * proxy that later turns https on, pin the wrong thing).
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const https = config.publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", scriptNonce as unknown as string],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || !request.url.startsWith('/api/docs')) return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
    const nonce = (reply.raw as WithNonce).scriptNonce;
    return nonce ? payload.replace('<script', `${NO_EVAL_SCRIPT}\n    <script`).replaceAll('<script', `<script nonce="${nonce}"`) : payload;
  });
}
