import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/locale-context';
import { errorText } from './error-text';

/** errorText bound to the current language, for components. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return useCallback((error: unknown) => errorText(error, locale, t), [locale, t]);
}
