import { App as AntApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
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
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCNAntd : enUSAntd} theme={still ? stillTheme : theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
