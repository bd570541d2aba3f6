import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { initI18n } from '../src/i18n/i18n';

// Component tests render in zh-CN unless a test switches (LocaleProvider reads the stored choice).
initI18n('zh-CN');
afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
});
