import { apiTags } from './tags.js';

type Json = Record<string, unknown>;
type Operation = { operationId?: string; summary?: string; tags?: string[]; responses?: Record<string, Json> };

/** What each error status means here; every one carries the `ApiError` shape. */
export const errorDescriptions: Record<string, string> = {
  '400': 'Bad input: `VALIDATION_FAILED` (or another stable code) with the fields at fault; nothing was written',
  '401': '`UNAUTHENTICATED`: sign in first (or send an API token)',
  '403': 'Not allowed: the caller may see this object but not do this (`FORBIDDEN`, `CSRF_REJECTED`, ...)',
  '404': '`NOT_FOUND`: no such object in this hub, or not one the caller may see',
  '409': 'A conflict with the current state (`CONFLICT`, `ALREADY_BOOKED`, `BUDGET_EXHAUSTED`, ...); nothing was changed',
  '413': 'The body is too large',
  '415': 'The media type of the body is not accepted',
  '422': '`IDEMPOTENCY_KEY_REUSED`: this Idempotency-Key was used with another body',
  '423': '`ACCOUNT_LOCKED`: too many failed sign-ins; the account is locked for a while',
  '429':
    '`RATE_LIMITED`: too many requests; try again after `retryAfterSeconds` (also the Retry-After header) where the answer gives it (after repeated wrong codes: `ACCOUNT_LOCKED`)',
  '503': 'The server is up but its database is not',
};

const GENERIC = 'Default Response';

/**
 * The last step of the document: a description for every response (the error statuses
 * from one table, a success from its schema's description or the operation's summary),
 * the tag list (only tags in use), and no components nothing refers to.
 */
export function finishDocument(document: Json): Json {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  const used = new Set<string>();
  for (const item of Object.values(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      for (const tag of operation.tags ?? []) used.add(tag);
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (response.description && response.description !== GENERIC) continue;
        response.description = errorDescriptions[status] ?? successDescription(method, status, operation);
      }
    }
  }
  const tags = Object.entries(apiTags)
    .filter(([name]) => used.has(name))
    .map(([name, description]) => ({ name, description }));
  return pruneComponents({ ...document, tags });
}

function successDescription(method: string, status: string, operation: Operation): string {
  if (status === '204') return 'Done; nothing to return';
  const what = operation.summary ?? operation.operationId ?? 'The result';
  if (status === '201') return `Created. ${what}`;
  return method === 'get' ? what : `Done. ${what}`;
}

/** Drops component schemas no path (and no kept component) refers to, e.g. unused `*Input` copies. */
function pruneComponents(document: Json): Json {
  const components = (document.components ?? {}) as { schemas?: Record<string, unknown> };
  const schemas = components.schemas ?? {};
  const kept = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/schemas/')) {
        const name = child.slice('#/components/schemas/'.length);
        if (!kept.has(name)) {
          kept.add(name);
          visit(schemas[name]);
        }
      } else visit(child);
    }
  };
  visit(document.paths);
  const prunedSchemas = Object.fromEntries(Object.entries(schemas).filter(([name]) => kept.has(name)));
  return { ...document, components: { ...components, schemas: prunedSchemas } };
}
