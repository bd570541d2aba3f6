import dayjs from 'dayjs';
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import { matchLocale, type Locale } from '../../../contracts/error-messages';
import { currentLocale, i18n, showLanguage } from './i18n';
import { loadedLocale, loadLocale } from './load-locale';
import { readStoredLocale, storeLocale } from './locale-storage';

type LocaleState = {
  /** The language the page is shown in: always one whose words have loaded (load-locale.ts). */
  locale: Locale;
  /** The header switch: persisted, overrides the browser's language and the hub default. */
  chooseLocale: (locale: Locale) => void;
  /** Set by the hub layout: the hub's language for a browser in a language we do not have. */
  setHubDefault: (locale: Locale | null) => void;
};

const LocaleContext = createContext<LocaleState | null>(null);

/** dayjs's name for the locale (its Chinese calendar data loads with the language, load-locale.ts). */
export function dayjsLocale(locale: Locale): 'zh-cn' | 'en' {
  return locale === 'zh-CN' ? 'zh-cn' : 'en';
}

/** The browser's language when it is one of ours, else null. */
export function browserLocale(): Locale | null {
  return matchLocale(typeof navigator === 'undefined' ? undefined : navigator.language);
}

/** Where neither a choice, the browser nor a hub says: the platform's own language. */
const FALLBACK_LOCALE: Locale = 'zh-CN';

/**
 * The page's language: the person's stored choice, else the language they are already reading
 * (the browser's, if we have it), else the hub's default, else the platform's.
 */
export function resolveLocale(chosen: Locale | null, hubDefault: Locale | null = null): Locale {
  return chosen ?? browserLocale() ?? hubDefault ?? FALLBACK_LOCALE;
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [chosen, setChosen] = useState<Locale | null>(readStoredLocale);
  const [hubDefault, setHubDefault] = useState<Locale | null>(null);
  const [, languageLoaded] = useReducer((loads: number) => loads + 1, 0);
  const wanted = resolveLocale(chosen, hubDefault);
  // Until the wanted language has loaded, the page stays in the one it is shown in (never keys,
  // never a mix); its load renders again, and the page switches as a whole.
  const locale = loadedLocale(wanted) ? wanted : currentLocale();
  // A failed load (the network) leaves the page as it is; picking the language again tries again.
  const load = useCallback((next: Locale) => {
    if (!loadedLocale(next)) loadLocale(next).then(languageLoaded, () => {});
  }, []);
  useEffect(() => load(wanted), [wanted, load]);

  // One language per page: i18next, dayjs (antd's pickers and calendars) and <html lang>.
  // dayjs is switched during render, before antd's pickers below read it; i18next before the
  // browser paints, so the words never show in the other language beside antd's.
  if (dayjs.locale() !== dayjsLocale(locale)) dayjs.locale(dayjsLocale(locale));
  useLayoutEffect(() => {
    if (i18n.language !== locale) showLanguage(locale);
    document.documentElement.lang = locale;
  }, [locale]);

  const chooseLocale = useCallback(
    (next: Locale) => {
      storeLocale(next);
      setChosen(next);
      load(next);
    },
    [load],
  );

  const value = useMemo(() => ({ locale, chooseLocale, setHubDefault }), [locale, chooseLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}
