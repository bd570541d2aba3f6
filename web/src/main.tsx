import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './theme/page.css';
import './theme/contrast.css';
import './theme/print.css';
import { App } from './app';
import { initI18n } from './i18n/i18n';
import { resolveLocale } from './i18n/locale-context';
import { readStoredLocale } from './i18n/locale-storage';

initI18n(resolveLocale(readStoredLocale()));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
