import type { z } from 'zod';
import type { FieldErrorCode } from '../../../contracts/errors';
import { fieldCodeOf } from '../../../contracts/field-codes';

/** The field error code for a Zod issue, named exactly as the server names it. */
export function zodFieldCode(issue: z.core.$ZodIssue, value: unknown): FieldErrorCode {
  const missing = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  return fieldCodeOf(issue, missing);
}
