import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { withTransaction } from '../../db/transaction.js';
import { readChain, type ChainEvent } from './chain-reader.js';
import { octetCounted, syslogMessage } from './syslog.js';

const BATCH = 500;

async function sendUdp(url: URL, messages: string[]): Promise<void> {
  const socket = createSocket(url.hostname.includes(':') ? 'udp6' : 'udp4');
  try {
    for (const m of messages) {
      await new Promise<void>((resolve, reject) => socket.send(Buffer.from(m, 'utf8'), Number(url.port), url.hostname, (e) => (e ? reject(e) : resolve())));
    }
  } finally {
    socket.close();
  }
}

async function sendTcp(url: URL, messages: string[]): Promise<void> {
  const socket = connect({ host: url.hostname, port: Number(url.port) });
  socket.setTimeout(10_000, () => socket.destroy(new Error('syslog over TCP timed out')));
  await once(socket, 'connect');
  socket.end(Buffer.concat(messages.map(octetCounted)));
  await once(socket, 'close');
  if (socket.errored) throw socket.errored;
}

async function sendHttp(url: string, events: ChainEvent[]): Promise<void> {
  const body = events.map((e) => JSON.stringify(e)).join('\n') + '\n';
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`audit sink answered ${response.status}`);
}

/** Sends events to the target: syslog lines over UDP or TCP, or JSON lines POSTed to HTTP. */
export async function sendEvents(target: string, events: ChainEvent[]): Promise<void> {
  const url = new URL(target);
  if (url.protocol === 'udp:')
    return sendUdp(
      url,
      events.map((e) => syslogMessage(e)),
    );
  if (url.protocol === 'tcp:')
    return sendTcp(
      url,
      events.map((e) => syslogMessage(e)),
    );
  return sendHttp(target, events);
}

/**
 * Forwards a chain's events not yet sent to `target`, oldest first, in batches. The
 * cursor row is locked while a batch is sent and moves only after the sink took it, so
 * two workers never send the same batch and a failed send is retried from the same
 * event (at least once: a sink dedupes by event id). Answers how many were sent.
 */
export async function forwardChain(db: Db, target: string, chainId: string): Promise<number> {
  let sent = 0;
  for (;;) {
    const moved = await withTransaction(db, async (tx) => {
      await tx.execute(sql`INSERT INTO audit_forward_cursors (hub_id, sink, seq) VALUES (${chainId}, ${target}, 0) ON CONFLICT DO NOTHING`);
      const { rows } = await tx.execute<{ seq: string }>(sql`SELECT seq FROM audit_forward_cursors WHERE hub_id = ${chainId} AND sink = ${target} FOR UPDATE`);
      const events = await readChain(tx, chainId, Number(rows[0]!.seq), BATCH);
      if (events.length === 0) return 0;
      await sendEvents(target, events);
      await tx.execute(sql`UPDATE audit_forward_cursors SET seq = ${events.at(-1)!.seq}, updated_at = now() WHERE hub_id = ${chainId} AND sink = ${target}`);
      return events.length;
    });
    sent += moved;
    if (moved < BATCH) return sent;
  }
}
