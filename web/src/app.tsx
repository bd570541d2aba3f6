import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { isApiRequestError } from './api/api-request-error';
import { i18n } from './i18n/i18n';
import { LocaleProvider, useLocale } from './i18n/locale-context';
import { AppRoutes } from './routes';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network blips and 5xx get one more try.
      retry: (failures, error) => failures < 1 && !(isApiRequestError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

function LocalizedApp() {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCNAntd : enUSAntd} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>
        <AppRoutes />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LocaleProvider>
          <BrowserRouter>
            <LocalizedApp />
          </BrowserRouter>
        </LocaleProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
