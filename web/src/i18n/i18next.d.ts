import 'i18next';
import type { AuditMessages } from '../audit/audit-words';
import type { UiMessages } from './zh-CN';

// Typed keys: a misspelt t('...') fails the type check instead of showing the key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The audit log's words join the catalogue when its page loads (audit/audit-words.ts).
    resources: { translation: UiMessages & { audit: AuditMessages } };
  }
}
