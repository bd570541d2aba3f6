import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { pickLocale, type Locale } from '../../../contracts/error-messages';
import { i18n } from './i18n';
import { readStoredLocale, storeLocale } from './locale-storage';

type LocaleState = {
  locale: Locale;
  /** The header switch: persisted, overrides the hub default. */
  chooseLocale: (locale: Locale) => void;
  /** Set by the hub layout so a first visit to Hangzhou opens in Chinese. */
  setHubDefault: (locale: Locale | null) => void;
};

const LocaleContext = createContext<LocaleState | null>(null);

/** dayjs's name for the locale (its Chinese calendar data is imported above). */
export function dayjsLocale(locale: Locale): 'zh-cn' | 'en' {
  return locale === 'zh-CN' ? 'zh-cn' : 'en';
}

export function browserLocale(): Locale {
  return pickLocale(typeof navigator === 'undefined' ? undefined : navigator.language, 'zh-CN');
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState<Locale | null>(readStoredLocale);
  const [hubDefault, setHubDefault] = useState<Locale | null>(null);
  const locale = chosen ?? hubDefault ?? browserLocale();

  // One language per page: i18next, dayjs (antd's pickers and calendars) and <html lang>.
  // dayjs is switched during render, before antd's pickers below read it.
  if (dayjs.locale() !== dayjsLocale(locale)) dayjs.locale(dayjsLocale(locale));
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
  }, [locale]);

  const chooseLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setChosen(next);
  }, []);

  const value = useMemo(() => ({ locale, chooseLocale, setHubDefault }), [locale, chooseLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}
