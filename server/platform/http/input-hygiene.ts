import type { FastifyInstance } from 'fastify';
import { AppError, type FieldProblem } from '../errors.js';

// A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
// eslint-disable-next-line no-control-regex -- NUL is what this finds
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True for text PostgreSQL cannot store or that is not Unicode: NUL or an unpaired surrogate. */
export function isBadText(text: string): boolean {
  return BAD_TEXT.test(text);
}

/**
 * The dotted paths (Zod's style: `name.zh`, `members.0.email`) of every string, and of every
 * object key, that is bad text, anywhere in a parsed JSON value. Walks with its own stack, so
 * a deeply nested body cannot overflow the call stack. Buffers (raw uploads) are not text.
 */
export function badTextPaths(value: unknown, limit = 10): string[] {
  const found: string[] = [];
  // Paths as links to the parent's, so a deep value costs linear memory.
  type Path = { parent: Path; key: string } | null;
  const join = (path: Path): string => {
    const keys: string[] = [];
    for (let at = path; at; at = at.parent) keys.push(at.key);
    return keys.reverse().join('.');
  };
  const stack: Array<{ value: unknown; path: Path; badKey?: boolean }> = [{ value, path: null }];
  while (stack.length && found.length < limit) {
    const { value: current, path, badKey } = stack.pop()!;
    if (badKey) {
      found.push(join(path));
    } else if (typeof current === 'string') {
      if (isBadText(current)) found.push(join(path));
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: { parent: path, key: String(i) } });
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current) && !(current instanceof Uint8Array)) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        stack.push({ value: child, path: { parent: path, key: key.replace(new RegExp(BAD_TEXT.source, 'g'), '\ufffd') }, badKey: isBadText(key) });
      }
    }
  }
  return found;
}

/**
 * One input hygiene for every route: before validation, every string of the path, the query
 * and a parsed body is checked; bad text is a 400 VALIDATION_FAILED naming each field with
 * INVALID_CHARACTERS, like a Zod failure. Raw bodies (file uploads, import files) are bytes
 * and are not checked here.
 */
export function registerInputHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const at = (value: unknown, whole: string) => badTextPaths(value).map((path) => path || whole);
    const paths = [...at(request.params, 'params'), ...at(request.query, 'query'), ...at(request.body, 'body')];
    if (!paths.length) return;
    const fields: FieldProblem[] = [...new Set(paths)].map((path) => ({ path, code: 'INVALID_CHARACTERS' }));
    throw new AppError('VALIDATION_FAILED', fields);
  });
}
