import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '../api/api-request-error';
import { useErrorText } from '../errors/use-error-text';
import { useLocale } from '../i18n/locale-context';

/**
 * A failed sign-in step as one sentence: a lockout names the time it ends when the server
 * says (Retry-After), anything else is the error's own sentence.
 */
export function useSignInFailureText(): (error: unknown) => string {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const describe = useErrorText();
  return (error) => {
    if (isApiRequestError(error) && error.code === 'ACCOUNT_LOCKED' && error.retryAfterSeconds) {
      const time = new Date(Date.now() + error.retryAfterSeconds * 1000).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
      return t('twoFactor.lockedUntil', { time });
    }
    return describe(error);
  };
}
