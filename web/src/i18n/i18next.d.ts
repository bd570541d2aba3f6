import 'i18next';
import type { UiMessages } from './zh-CN';

// Typed keys: a misspelt t('...') fails the type check instead of showing the key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: UiMessages };
  }
}
