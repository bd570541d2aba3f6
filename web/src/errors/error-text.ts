import type { TFunction } from 'i18next';
import { errorMessages, errorSentence, fieldErrorMessages, type Locale } from '../../../contracts/error-messages';
import type { ErrorCode, FieldErrorCode } from '../../../contracts/errors';
import { isApiRequestError } from '../api/api-request-error';

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorMessages, code);
}

function isFieldErrorCode(code: string): code is FieldErrorCode {
  return Object.hasOwn(fieldErrorMessages, code);
}

/** The translated sentence for a field error code; unknown codes read as "not valid". */
export function fieldErrorText(code: string, locale: Locale): string {
  return fieldErrorMessages[isFieldErrorCode(code) ? code : 'INVALID'][locale];
}

/** The translated sentence for any failure: every code (better-auth's routes included) comes from the shared catalog. */
export function errorText(error: unknown, locale: Locale, t: TFunction): string {
  if (!isApiRequestError(error)) return t('errors.unknown');
  if (error.code === 'NETWORK') return t('errors.network');
  // A conflict that names why (both records hold a stay on those nights) says that, not "someone changed this".
  const why = error.code === 'CONFLICT' ? error.fields.find((f) => f.code !== 'INVALID' && isFieldErrorCode(f.code)) : undefined;
  if (why) return fieldErrorText(why.code, locale);
  // A rate limit that says how long to wait (Retry-After) says it in words.
  if (isErrorCode(error.code)) return errorSentence(error.code, locale, error.retryAfterSeconds);
  return error.status >= 500 ? errorSentence('INTERNAL', locale) : t('errors.unknown');
}
