import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './theme/page.css';
import './theme/contrast.css';
import './theme/print.css';
import type { Locale } from '../../contracts/error-messages';
import { App } from './app';
import { initI18n } from './i18n/i18n';
import { loadLocale } from './i18n/load-locale';
import { resolveLocale } from './i18n/locale-context';
import { readStoredLocale } from './i18n/locale-storage';

/** Starts the app in `locale`, whose words (ours, antd's and dayjs's) have loaded. */
function start(locale: Locale): void {
  initI18n(locale);
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// Only the page's language loads before the first paint; the other loads when the person switches.
// (A promise, not a top-level await: that would have the bundler split the landing page into twice the files.)
const initial = resolveLocale(readStoredLocale());
void loadLocale(initial).then(() => start(initial));
