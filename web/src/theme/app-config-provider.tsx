import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { loadedLocale } from '../i18n/load-locale';
import { useLocale } from '../i18n/locale-context';
import { stillTheme, theme } from './theme';
import { useReducedMotion } from './use-reduced-motion';

/**
 * antd in the user's language (pickers, calendars, empty states, pagination) and the house
 * theme; without antd's motion (opening dialogs, menus, spinners) for one who asked their
 * system for less.
 */
export function AppConfigProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const still = useReducedMotion();
  // The page's language has always loaded (LocaleProvider waits for it), antd's words with ours.
  return (
    <ConfigProvider locale={loadedLocale(locale)?.antd} theme={still ? stillTheme : theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
