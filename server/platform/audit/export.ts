import type { Db } from '../../db/connection.js';
import { readChain, type ChainEvent } from './chain-reader.js';
import { canonicalJson } from './hash-chain.js';

export const auditExportFormats = ['jsonl', 'csv'] as const;
export type AuditExportFormat = (typeof auditExportFormats)[number];
export type AuditExportRange = { from?: string; to?: string };

const COLUMNS = ['hubId', 'seq', 'id', 'occurredAt', 'actorId', 'action', 'subjectType', 'subjectId', 'payload', 'prevHash', 'hash', 'hashAlg'] as const;

/** One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. */
function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * One event as a line: JSON (every field the hash covers plus prevHash, hash and hashAlg,
 * so an exported file can be re-verified with `findBreak`) or a CSV row in `COLUMNS` order
 * (the payload as canonical JSON).
 */
export function exportLine(event: ChainEvent, format: AuditExportFormat): string {
  if (format === 'jsonl') return JSON.stringify(Object.fromEntries(COLUMNS.map((c) => [c, event[c]]))) + '\n';
  return COLUMNS.map((c) => cell(c === 'payload' ? canonicalJson(event.payload) : String(event[c] ?? ''))).join(',') + '\r\n';
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
