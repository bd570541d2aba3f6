import { useCallback } from 'react';
import { useLocale } from '../i18n/locale-context';
import { fieldErrorText } from './error-text';

/** fieldErrorText bound to the current language, for form rules. */
export function useFieldErrorText(): (code: string) => string {
  const { locale } = useLocale();
  return useCallback((code: string) => fieldErrorText(code, locale), [locale]);
}
