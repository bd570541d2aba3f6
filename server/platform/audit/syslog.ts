import { hostname } from 'node:os';
import type { ChainEvent } from './chain-reader.js';
import { canonicalJson } from './hash-chain.js';

/** Facility 13 (log audit); notice for refusals and failed sign-ins, informational otherwise. */
const FACILITY = 13;
const warnings = new Set(['access.refused', 'auth.locked_out']);
const severityOf = (e: ChainEvent) =>
  warnings.has(e.action) || (e.action === 'auth.sign_in' && (e.payload as { result?: unknown }).result !== 'success') ? 5 : 6;

/** SD-PARAM-VALUE escaping (RFC 5424 6.3.3): backslash, quote and closing bracket. */
const sdValue = (v: string) => v.replace(/[\\"\]]/g, (c) => `\\${c}`);
/** PRINTUSASCII without spaces, at most `max` characters; `-` when empty. */
const token = (v: string, max: number) => v.replace(/[^\x21-\x7e]/g, '_').slice(0, max) || '-';

/**
 * One audit event as an RFC 5424 syslog message: the event's time, `dragongate` as
 * APP-NAME, its action as MSGID, the chain fields (hub, seq, id, actor, subject, hash and
 * algorithm) as structured data under our private enterprise id, and the payload as the
 * UTF-8 message (with the BOM the RFC asks for).
 */
export function syslogMessage(event: ChainEvent, host = hostname()): string {
  const pri = FACILITY * 8 + severityOf(event);
  const sd = Object.entries({
    hub: event.hubId,
    seq: String(event.seq),
    id: event.id,
    actor: event.actorId ?? '',
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    hash: event.hash,
    alg: event.hashAlg,
  })
    .map(([k, v]) => `${k}="${sdValue(v)}"`)
    .join(' ');
  return `<${pri}>1 ${event.occurredAt} ${token(host, 255)} dragongate ${process.pid} ${token(event.action, 32)} [audit@32473 ${sd}] \uFEFF${canonicalJson(event.payload)}`;
}

/** RFC 6587 octet counting, for syslog over TCP: the byte length, a space, the message. */
export function octetCounted(message: string): Buffer {
  const bytes = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${bytes.length} `), bytes]);
}
