import type { components } from './openapi';
import { answer, api, type QueryOf } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type AuditEvent = components['schemas']['AuditEvent'];
export type AuditVerification = components['schemas']['AuditVerification'];
export type AuditEventFilters = Omit<QueryOf<'/api/hubs/{hub}/audit/events'>, 'next' | 'limit'>;

/** A page of the hub's audit log, newest first (auditors). */
export const listAuditEvents = (hub: string, filters: AuditEventFilters, next?: string) =>
  answer(api.GET('/api/hubs/{hub}/audit/events', { params: { path: { hub }, query: { ...filters, next } } }));

/** Recomputes the hub's audit hash chain (auditors). */
export const verifyAuditLog = (hub: string) => answer(api.GET('/api/hubs/{hub}/audit/verification', { params: { path: { hub } } }));

/** Where the browser downloads the export of a range (a plain link: the session cookie goes with it). */
export function auditExportHref(hub: string, format: 'csv' | 'jsonl', range: { from?: string; to?: string }): string {
  const query = new URLSearchParams({ format });
  if (range.from) query.set('from', range.from);
  if (range.to) query.set('to', range.to);
  return `/api/hubs/${encodeURIComponent(hub)}/audit/export?${query}`;
}
