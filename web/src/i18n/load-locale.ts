import type { ConfigProviderProps } from 'antd';
import type { Locale } from '../../../contracts/error-messages';
import type { UiMessages } from './zh-CN';

/** antd's words for one language (pickers, calendars, empty states, pagination). */
export type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

/** What the page needs before it can be shown in a language: our words and antd's. */
export type LocaleBundle = { words: UiMessages; antd: AntdLocale };

/**
 * Each language in chunks of its own, fetched only when a page is shown in it: a visitor
 * downloads one language, not both. Chinese also brings dayjs's Chinese calendar data, which
 * registers itself with dayjs as it loads (English is dayjs's own).
 */
const loaders: Record<Locale, () => Promise<LocaleBundle>> = {
  'zh-CN': async () => {
    const [{ zhCN }, antd] = await Promise.all([import('./zh-CN'), import('antd/locale/zh_CN'), import('dayjs/locale/zh-cn')]);
    return { words: zhCN, antd: antd.default };
  },
  'en-US': async () => {
    const [{ enUS }, antd] = await Promise.all([import('./en-US'), import('antd/locale/en_US')]);
    return { words: enUS, antd: antd.default };
  },
};

const loaded = new Map<Locale, LocaleBundle>();
const loading = new Map<Locale, Promise<LocaleBundle>>();

/** The language's bundle once it has loaded, else undefined (the page is not shown in it yet). */
export function loadedLocale(locale: Locale): LocaleBundle | undefined {
  return loaded.get(locale);
}

/** Loads a language, once; after a failed load (the network), the next call tries again. */
export function loadLocale(locale: Locale): Promise<LocaleBundle> {
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale]().then(
      (bundle) => {
        loaded.set(locale, bundle);
        return bundle;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}
