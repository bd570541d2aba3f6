import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { locales } from '../../contracts/error-messages';
import { initI18n } from '../src/i18n/i18n';
import { loadLocale } from '../src/i18n/load-locale';

// Component tests render in zh-CN unless a test switches (LocaleProvider reads the stored choice).
// Both languages load up front, so a test that switches shows the other at once.
await Promise.all(locales.map(loadLocale));
initI18n('zh-CN');

/**
 * antd's deprecation and misuse warnings fail the test that caused them: antd (through
 * rc-util's `warning`) and rc-field-form print them with console.error as `Warning: [antd: …]`
 * or `Warning: Form already set 'initialValues' …`. All console output is still printed.
 */
const antdWarning = (message: string) =>
  message.startsWith('Warning: [antd:') || message.startsWith('[antd') || message.includes("Form already set 'initialValues'");
let antdWarnings: string[] = [];
let spies: { mockRestore: () => void }[] = [];
beforeEach(() => {
  antdWarnings = [];
  spies = (['error', 'warn'] as const).map((method) => {
    const original = console[method];
    return vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      if (typeof args[0] === 'string' && antdWarning(args[0])) antdWarnings.push(args[0]);
      original(...args);
    });
  });
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  for (const spy of spies) spy.mockRestore();
  if (antdWarnings.length > 0) throw new Error(`antd warned during this test:\n${[...new Set(antdWarnings)].join('\n')}`);
});
