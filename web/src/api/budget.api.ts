import type { z } from 'zod';
import type { balanceSchema, Envelope, LedgerTransfer, ReasonCode } from '../../../contracts/budget';
import type { BilingualName } from '../../../contracts/common';
import { apiRequest } from './http';

export type AccountBalance = z.infer<typeof balanceSchema>;
export type TransferPage = { items: LedgerTransfer[]; next: string | null };
export type TransferQuery = { account?: string; reason?: ReasonCode; from?: string; to?: string; limit?: number; before?: string };
export type OpenYearInput = { year: number; revenue: string; techShareBasisPoints: number };
export type BudgetLineInput = { code: string; name: BilingualName; amount: string; transferId: string };
export type LineTransferInput = { transferId: string; fromLine: string; toLine: string; amount: string; note?: string };
export type CloseYearInput = { decision: 'void' | 'carry_forward'; note: string };

const hubPath = (hub: string) => `/api/hubs/${encodeURIComponent(hub)}`;
const yearPath = (hub: string, year: number) => `${hubPath(hub)}/fiscal-years/${year}`;

export function getEnvelope(hub: string, year: number): Promise<Envelope> {
  return apiRequest<Envelope>(`${yearPath(hub, year)}/envelope`);
}

/** The key makes a double-clicked submit open the year once and return the first answer. */
export function openFiscalYear(hub: string, input: OpenYearInput, idempotencyKey: string): Promise<Envelope> {
  return apiRequest<Envelope>(`${hubPath(hub)}/fiscal-years`, { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } });
}

/** `transferId` is chosen once per form fill, so a retry funds the line once. */
export function createBudgetLine(hub: string, year: number, input: BudgetLineInput): Promise<Envelope> {
  return apiRequest<Envelope>(`${yearPath(hub, year)}/lines`, { method: 'POST', body: input });
}

export function transferBetweenLines(hub: string, year: number, input: LineTransferInput): Promise<LedgerTransfer> {
  return apiRequest<LedgerTransfer>(`${yearPath(hub, year)}/line-transfers`, { method: 'POST', body: input });
}

export function closeFiscalYear(hub: string, year: number, input: CloseYearInput): Promise<Envelope> {
  return apiRequest<Envelope>(`${yearPath(hub, year)}/close`, { method: 'POST', body: input });
}

export function listTransfers(hub: string, year: number, query: TransferQuery): Promise<TransferPage> {
  return apiRequest<TransferPage>(`${yearPath(hub, year)}/transfers`, { query: { ...query } });
}

export function getAccountBalance(hub: string, accountId: string, asOf?: string): Promise<AccountBalance> {
  return apiRequest<AccountBalance>(`${hubPath(hub)}/ledger/accounts/${encodeURIComponent(accountId)}/balance`, { query: { asOf } });
}

/** A plain link: the browser downloads the workbook with the session cookie. */
export function ledgerExportUrl(hub: string, year: number): string {
  return `${yearPath(hub, year)}/ledger.xlsx`;
}
