import { fieldErrorCodes, type FieldErrorCode } from './errors.js';

/** The parts of a Zod issue that decide its field code (server and web see the same ones). */
export type IssueLike = { code: string; message?: string; origin?: unknown; format?: unknown; minimum?: unknown; params?: { code?: unknown } };

function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && (fieldErrorCodes as readonly string[]).includes(value);
}

/**
 * The stable field error code for one Zod issue. The server names the fields of a 400 with
 * it and the web form names its as-you-type errors with it, so both show the same sentence.
 * `missing` says the value was absent or blank.
 */
export function fieldCodeOf(issue: IssueLike, missing: boolean): FieldErrorCode {
  if (issue.code === 'custom' && isFieldErrorCode(issue.params?.code)) return issue.params.code;
  if (isFieldErrorCode(issue.message)) return issue.message;
  const sized = issue.origin === 'string' || issue.origin === 'array';
  switch (issue.code) {
    case 'invalid_type':
      return missing ? 'REQUIRED' : 'INVALID_TYPE';
    case 'too_small':
      if (missing || (sized && Number(issue.minimum) <= 1)) return 'REQUIRED';
      return sized ? 'TOO_SHORT' : 'TOO_SMALL';
    case 'too_big':
      return sized ? 'TOO_LONG' : 'TOO_BIG';
    case 'invalid_format':
      if (issue.format === 'url') return 'INVALID_URL';
      if (issue.format === 'date') return 'INVALID_DATE';
      return 'INVALID_FORMAT';
    case 'invalid_value':
      return 'INVALID_OPTION';
    case 'unrecognized_keys':
      return 'UNKNOWN_FIELD';
    default:
      return 'INVALID';
  }
}
