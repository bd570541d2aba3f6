import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { Locale } from '../../contracts/error-messages';
import { i18n } from '../src/i18n/i18n';
import { LocaleProvider } from '../src/i18n/locale-context';
import { storeLocale } from '../src/i18n/locale-storage';
import { AppConfigProvider } from '../src/theme/app-config-provider';

/** Renders a component inside the app's providers, in the given language, at `path`. */
export function renderInApp(ui: ReactElement, { locale = 'zh-CN', path = '/' }: { locale?: Locale; path?: string } = {}): RenderResult {
  storeLocale(locale);
  void i18n.changeLanguage(locale);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LocaleProvider>
          <MemoryRouter initialEntries={[path]}>
            <AppConfigProvider>{ui}</AppConfigProvider>
          </MemoryRouter>
        </LocaleProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  );
}
