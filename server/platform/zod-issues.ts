import type { FieldErrorCode } from '../../contracts/errors.js';
import { fieldErrorCodes } from '../../contracts/errors.js';
import type { FieldProblem } from './errors.js';

type Issue = { instancePath: string; keyword: string; message?: string; params?: Record<string, unknown> };

/** Turns one Zod issue (as fastify-type-provider-zod reports it) into a field problem. */
export function fieldProblemOf(issue: Issue, context?: string): FieldProblem {
  const parts = issue.instancePath.split('/').filter(Boolean);
  // An unknown key is reported on its object; point at the key itself.
  const unknownKey = issue.keyword === 'unrecognized_keys' ? (issue.params?.keys as string[] | undefined)?.[0] : undefined;
  if (unknownKey) parts.push(unknownKey);
  return { path: parts.join('.') || context || '', code: codeOf(issue) };
}

function codeOf(issue: Issue): FieldErrorCode {
  const params = issue.params ?? {};
  const custom = (params.params as { code?: string } | undefined)?.code;
  if (custom && (fieldErrorCodes as readonly string[]).includes(custom)) return custom as FieldErrorCode;
  switch (issue.keyword) {
    case 'invalid_type':
      return /received undefined/.test(issue.message ?? '') ? 'REQUIRED' : 'INVALID_TYPE';
    case 'too_small':
      return params.origin === 'string' || params.origin === 'array' ? (params.minimum === 1 ? 'REQUIRED' : 'TOO_SHORT') : 'TOO_SMALL';
    case 'too_big':
      return params.origin === 'string' || params.origin === 'array' ? 'TOO_LONG' : 'TOO_BIG';
    case 'invalid_format':
      if (params.format === 'url') return 'INVALID_URL';
      if (params.format === 'date') return 'INVALID_DATE';
      return 'INVALID_FORMAT';
    case 'invalid_value':
      return 'INVALID_OPTION';
    case 'unrecognized_keys':
      return 'UNKNOWN_FIELD';
    default:
      return 'INVALID';
  }
}
