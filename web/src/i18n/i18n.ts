import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../contracts/error-messages';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

/** One i18next instance for the app; the language is driven by LocaleProvider. */
export const i18n: I18n = i18next.createInstance();

export function initI18n(initial: Locale): void {
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: initial,
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en-US'],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
}

/** The locale API calls and error messages use right now. */
export function currentLocale(): Locale {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}
