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

export function browserLocale(): Locale {
  return pickLocale(typeof navigator === 'undefined' ? undefined : navigator.language, 'zh-CN');
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState<Locale | null>(readStoredLocale);
  const [hubDefault, setHubDefault] = useState<Locale | null>(null);
  const locale = chosen ?? hubDefault ?? browserLocale();

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
