import type { FormInstance } from 'antd';
import { isApiRequestError } from '../api/api-request-error';
import { placeServerFieldErrors } from '../ecosystem/server-field-errors';

/**
 * Puts a VALIDATION_FAILED answer's field errors under the fields; any other failure
 * (BUDGET_EXHAUSTED, LINE_EXISTS, ...) is returned to be shown as its translated sentence.
 */
export function placeFailure(form: FormInstance, error: unknown, fields: string[], fieldText: (code: string) => string): unknown {
  if (isApiRequestError(error) && error.code === 'VALIDATION_FAILED') {
    const placed = placeServerFieldErrors(form, error, (path) => fields.find((f) => path === f || path.startsWith(`${f}.`))?.split('.') ?? null, fieldText);
    return placed ? null : error;
  }
  return error;
}
