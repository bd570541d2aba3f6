import { locales, type Locale } from '../../../contracts/error-messages';

const STORAGE_KEY = 'dragongate.locale';

/** The language the person picked in the header, if any (it wins over the hub default). */
export function readStoredLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return (locales as readonly string[]).includes(value ?? '') ? (value as Locale) : null;
  } catch {
    // Storage can be blocked (private mode, policies); fall back to the hub default.
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not fatal: the choice then lasts for this page only.
  }
}
