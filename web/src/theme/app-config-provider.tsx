import { App as AntApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLocale } from '../i18n/locale-context';
import { theme } from './theme';

/** antd in the user's language (pickers, calendars, empty states, pagination) and the house theme. */
export function AppConfigProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCNAntd : enUSAntd} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
