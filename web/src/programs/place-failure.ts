import type { FormInstance } from 'antd';
import { isApiRequestError } from '../api/api-request-error';
import { placeServerFieldErrors } from '../ecosystem/server-field-errors';

/**
 * Puts a VALIDATION_FAILED answer's field errors under the form's fields (the server's
 * path mapped to a form name by `rename`); returns what is left to show as one sentence.
 */
export function placeFailure(form: FormInstance, error: unknown, names: string[], fieldText: (code: string) => string, rename: (path: string) => string = (p) => p): unknown {
  if (isApiRequestError(error) && error.code === 'VALIDATION_FAILED') {
    const placed = placeServerFieldErrors(form, error, (path) => (names.includes(rename(path)) ? [rename(path)] : null), fieldText);
    return placed ? null : error;
  }
  return error;
}
