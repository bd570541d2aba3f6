import { fieldCodeOf } from '../../contracts/field-codes.js';
import type { FieldProblem } from './errors.js';

/** A Zod issue as fastify-type-provider-zod reports it: `keyword` is the issue's code. */
type Issue = { instancePath: string; keyword: string; message?: string; params?: Record<string, unknown> };

/** Turns one Zod issue into a field problem: dotted path and stable code. */
export function fieldProblemOf(issue: Issue, context?: string): FieldProblem {
  const parts = issue.instancePath.split('/').filter(Boolean);
  // An unknown key is reported on its object; point at the key itself.
  const unknownKey = issue.keyword === 'unrecognized_keys' ? (issue.params?.keys as string[] | undefined)?.[0] : undefined;
  if (unknownKey) parts.push(unknownKey);
  const missing = issue.keyword === 'invalid_type' && /received undefined/.test(issue.message ?? '');
  return { path: parts.join('.') || context || '', code: fieldCodeOf({ ...issue.params, code: issue.keyword, message: issue.message }, missing) };
}
