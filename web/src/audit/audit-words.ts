import { i18n } from '../i18n/i18n';
import { auditEnUS } from './audit.en-US';
import { auditZhCN } from './audit.zh-CN';

/** The audit log's words, in the catalogue's `audit` (typed with the rest in i18n/i18next.d.ts). */
export type AuditMessages = typeof auditEnUS;

/**
 * Adds the audit log's words to the catalogue, once: only the hub's auditor reads them, so
 * they load with the page (about 6 KB gzipped) instead of with every landing.
 */
export function loadAuditWords(): void {
  if (i18n.getResource('zh-CN', 'translation', 'audit')) return;
  i18n.addResourceBundle('zh-CN', 'translation', { audit: auditZhCN }, true, false);
  i18n.addResourceBundle('en-US', 'translation', { audit: auditEnUS }, true, false);
}
