import { createReadStream } from 'node:fs';
import type pg from 'pg';

/**
 * `COPY ... FROM STDIN` with the plain `pg` client (pg-copy-streams is not a dependency):
 * a minimal "submittable" that pg hands the connection to, which streams a file's bytes
 * as CopyData messages. Bench-only: the baseline the import is measured against.
 */
type Connection = {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(msg: string): void;
  stream: NodeJS.WritableStream;
};

class CopyFromFile {
  callback?: (error: Error | null, rows?: number) => void;
  private error: Error | null = null;
  private rows = 0;
  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}
  submit(connection: Connection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: Connection): void {
    void (async () => {
      for await (const chunk of createReadStream(this.file, { highWaterMark: 256 * 1024 })) {
        connection.sendCopyFromChunk(chunk as Buffer);
        // Respect the socket's backpressure, as pg-copy-streams does.
        const socket = connection.stream as NodeJS.WritableStream & { writableNeedDrain?: boolean };
        if (socket.writableNeedDrain) await new Promise((r) => socket.once('drain', r));
      }
      connection.endCopyFrom();
    })().catch((e: unknown) => connection.sendCopyFail(String(e)));
  }
  handleCommandComplete(msg: { text?: string }): void {
    this.rows = Number(msg.text?.split(' ').pop() ?? 0);
  }
  handleError(error: Error): void {
    this.error = error;
  }
  handleReadyForQuery(): void {
    this.callback?.(this.error, this.rows);
  }
  handleEmptyQuery(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleCopyData(): void {}
}

/** Runs `COPY table (columns) FROM STDIN` with the file's rows (text format); resolves to the row count. */
export function copyFromFile(client: pg.PoolClient, table: string, columns: string[], file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const copy = new CopyFromFile(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, file);
    copy.callback = (error, rows) => (error ? reject(error) : resolve(rows ?? 0));
    void client.query(copy as never);
  });
}

/** One value in COPY's text format. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) return copyText(`{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}
