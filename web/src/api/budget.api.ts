import type { Locale } from '../../../contracts/error-messages';
import type { components } from './openapi';
import { answer, api, type BodyOf, type QueryOf } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type Envelope = components['schemas']['Envelope'];
export type LedgerTransfer = components['schemas']['LedgerTransfer'];
export type AccountBalance = components['schemas']['AccountBalance'];
export type TransferPage = { items: LedgerTransfer[]; next: string | null };
export type OpenYearInput = BodyOf<'/api/hubs/{hub}/fiscal-years', 'post'>;
export type BudgetLineInput = BodyOf<'/api/hubs/{hub}/fiscal-years/{year}/lines', 'post'>;
export type LineTransferInput = BodyOf<'/api/hubs/{hub}/fiscal-years/{year}/line-transfers', 'post'>;
export type CloseYearInput = BodyOf<'/api/hubs/{hub}/fiscal-years/{year}/close', 'post'>;
export type TransferQuery = QueryOf<'/api/hubs/{hub}/fiscal-years/{year}/transfers'>;

const at = (hub: string, year: number) => ({ path: { hub, year } });

export function getEnvelope(hub: string, year: number) {
  return answer(api.GET('/api/hubs/{hub}/fiscal-years/{year}/envelope', { params: at(hub, year) }));
}

/** The key makes a double-clicked submit open the year once and return the first answer. */
export function openFiscalYear(hub: string, body: OpenYearInput, idempotencyKey: string) {
  return answer(api.POST('/api/hubs/{hub}/fiscal-years', { params: { path: { hub }, header: { 'idempotency-key': idempotencyKey } }, body }));
}

/** `transferId` is chosen once per form fill, so a retry funds the line once. */
export function createBudgetLine(hub: string, year: number, body: BudgetLineInput) {
  return answer(api.POST('/api/hubs/{hub}/fiscal-years/{year}/lines', { params: at(hub, year), body }));
}

export function transferBetweenLines(hub: string, year: number, body: LineTransferInput) {
  return answer(api.POST('/api/hubs/{hub}/fiscal-years/{year}/line-transfers', { params: at(hub, year), body }));
}

export function closeFiscalYear(hub: string, year: number, body: CloseYearInput) {
  return answer(api.POST('/api/hubs/{hub}/fiscal-years/{year}/close', { params: at(hub, year), body }));
}

export function listTransfers(hub: string, year: number, query: TransferQuery = {}) {
  return answer(api.GET('/api/hubs/{hub}/fiscal-years/{year}/transfers', { params: { path: { hub, year }, query } }));
}

export function getAccountBalance(hub: string, accountId: string, asOf?: string) {
  return answer(api.GET('/api/hubs/{hub}/ledger/accounts/{id}/balance', { params: { path: { hub, id: accountId }, query: { asOf } } }));
}

/** A plain link: the browser downloads the workbook with the session cookie, in the page's language (`lang`). */
export function ledgerExportUrl(hub: string, year: number, lang: Locale): string {
  return `/api/hubs/${encodeURIComponent(hub)}/fiscal-years/${year}/ledger.xlsx?lang=${lang}`;
}
