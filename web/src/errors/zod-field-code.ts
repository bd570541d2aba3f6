import type { z } from 'zod';
import { fieldErrorCodes, type FieldErrorCode } from '../../../contracts/errors';

function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && (fieldErrorCodes as readonly string[]).includes(value);
}

/**
 * The stable field error code for a Zod issue, the same way the server names it, so the
 * form shows the sentence the server would send (from contracts/error-messages.ts).
 */
export function zodFieldCode(issue: z.core.$ZodIssue, value: unknown): FieldErrorCode {
  if (issue.code === 'custom' && isFieldErrorCode(issue.params?.code)) return issue.params.code;
  if (isFieldErrorCode(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return 'REQUIRED';
      return issue.origin === 'string' || issue.origin === 'array' ? 'TOO_SHORT' : 'TOO_SMALL';
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? 'TOO_LONG' : 'TOO_BIG';
    case 'invalid_format':
      if (issue.format === 'date') return 'INVALID_DATE';
      if (issue.format === 'url') return 'INVALID_URL';
      return 'INVALID_FORMAT';
    case 'invalid_value':
      return 'INVALID_OPTION';
    case 'invalid_type':
      return value === undefined || value === null ? 'REQUIRED' : 'INVALID_TYPE';
    default:
      return 'INVALID';
  }
}
