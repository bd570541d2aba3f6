import type { Db } from '../../db/connection.js';
import { csvLine } from '../csv.js';
import { readChain, type ChainEvent } from './chain-reader.js';
import { canonicalJson } from './hash-chain.js';

export const auditExportFormats = ['jsonl', 'csv'] as const;
export type AuditExportFormat = (typeof auditExportFormats)[number];
export type AuditExportRange = { from?: string; to?: string };

const COLUMNS = ['hubId', 'seq', 'id', 'occurredAt', 'actorId', 'action', 'subjectType', 'subjectId', 'payload', 'prevHash', 'hash', 'hashAlg'] as const;

/**
 * One event as a line: JSON (every field the hash covers plus prevHash, hash and hashAlg,
 * so an exported file can be re-verified with `findBreak`) or a CSV row in `COLUMNS` order
 * (the payload as canonical JSON).
 */
export function exportLine(event: ChainEvent, format: AuditExportFormat): string {
  if (format === 'jsonl') return JSON.stringify(Object.fromEntries(COLUMNS.map((c) => [c, event[c]]))) + '\n';
  // csvLine: RFC 4180 quoting and the formula guard (server/platform/csv.ts).
  return csvLine(COLUMNS.map((c) => (c === 'payload' ? canonicalJson(event.payload) : event[c])));
}

export function exportHeader(format: AuditExportFormat): string {
  return format === 'csv' ? COLUMNS.join(',') + '\r\n' : '';
}

/**
 * A chain's events (archived ones included) in seq order as export lines, read in batches
 * so any size streams in constant memory; `onProgress` after each batch.
 */
export async function* exportAuditChain(
  db: Db,
  chainId: string,
  format: AuditExportFormat,
  range: AuditExportRange = {},
  onProgress: (done: number) => void = () => {},
): AsyncGenerator<string> {
  const header = exportHeader(format);
  if (header) yield header;
  let after = 0;
  let done = 0;
  for (;;) {
    const events = await readChain(db, chainId, after, 2_000, range);
    if (events.length === 0) break;
    yield events.map((e) => exportLine(e, format)).join('');
    done += events.length;
    after = events.at(-1)!.seq;
    onProgress(done);
  }
}
