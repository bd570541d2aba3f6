import type { TFunction } from 'i18next';
import { errorMessages, fieldErrorMessages, type Locale } from '../../../contracts/error-messages';
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

/** The translated sentence for any failure: our codes from the shared catalog, a few better-auth codes from the UI strings. */
export function errorText(error: unknown, locale: Locale, t: TFunction): string {
  if (!isApiRequestError(error)) return t('errors.unknown');
  if (error.code === 'NETWORK') return t('errors.network');
  if (isErrorCode(error.code)) return errorMessages[error.code][locale];
  switch (error.code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
    case 'INVALID_PASSWORD':
    case 'CREDENTIAL_ACCOUNT_NOT_FOUND':
      return t('auth.wrongCredentials');
    case 'USER_ALREADY_EXISTS':
    case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
      return t('auth.emailTaken');
    case 'INVALID_EMAIL':
      return t('auth.emailInvalid');
    case 'PASSWORD_TOO_SHORT':
    case 'PASSWORD_TOO_LONG':
    case 'PASSWORD_COMPROMISED':
      return errorMessages.PASSWORD_REJECTED[locale];
    case 'TOO_MANY_REQUESTS':
      return errorMessages.RATE_LIMITED[locale];
    default:
      return error.status >= 500 ? errorMessages.INTERNAL[locale] : t('errors.unknown');
  }
}
