import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales, type Locale } from '../../../contracts/error-messages';
import { loadedLocale } from './load-locale';

/** One i18next instance for the app; the language is driven by LocaleProvider. */
export const i18n: I18n = i18next.createInstance();

/**
 * Starts i18next in `initial` with the words of every language loaded so far. The initial
 * language must be among them (main.tsx awaits loadLocale first), or the first paint shows keys.
 */
export function initI18n(initial: Locale): void {
  if (!loadedLocale(initial)) throw new Error(`initI18n: load ${initial} first (loadLocale)`);
  const resources: Resource = {};
  for (const locale of locales) {
    const bundle = loadedLocale(locale);
    if (bundle) resources[locale] = { translation: bundle.words };
  }
  void i18n.use(initReactI18next).init({
    resources,
    lng: initial,
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en-US'],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
}

/** Switches i18next to a language whose bundle has loaded (LocaleProvider waits for it). */
export function showLanguage(locale: Locale): void {
  const bundle = loadedLocale(locale);
  if (!bundle) throw new Error(`showLanguage: ${locale} has not loaded (loadLocale)`);
  // Merged, not replaced: the audit log may have added its own words already (audit/audit-words.ts).
  i18n.addResourceBundle(locale, 'translation', bundle.words, true, false);
  void i18n.changeLanguage(locale);
}

/** The locale API calls and error messages use right now. */
export function currentLocale(): Locale {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}
