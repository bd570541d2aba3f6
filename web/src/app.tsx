import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { isApiRequestError } from './api/api-request-error';
import { i18n } from './i18n/i18n';
import { LocaleProvider } from './i18n/locale-context';
import { AppRoutes } from './routes';
import { AppConfigProvider } from './theme/app-config-provider';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network blips and 5xx get one more try.
      retry: (failures, error) => failures < 1 && !(isApiRequestError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LocaleProvider>
          <BrowserRouter>
            <AppConfigProvider>
              <AppRoutes />
            </AppConfigProvider>
          </BrowserRouter>
        </LocaleProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
