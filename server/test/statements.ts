import pg from 'pg';

/** A statement as sent: its SQL, its parameters and, for a named prepared statement, its name. */
export type SentStatement = { text: string; values: unknown[]; name?: string };

/**
 * Runs `work` and returns the SQL statements it sent, in order, each one a round trip to
 * PostgreSQL (BEGIN and COMMIT included), by watching every pg client of this process;
 * `sent` has each with its parameters. Nothing else may use the database meanwhile (the
 * test file's tests run one by one).
 */
export async function recordStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[]; sent: SentStatement[] }> {
  const sent: SentStatement[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; values?: unknown[]; name?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const values = (typeof first === 'object' ? first.values : undefined) ?? (Array.isArray(args[1]) ? args[1] : []);
    sent.push({ text, values, ...(typeof first === 'object' && first.name ? { name: first.name } : {}) });
    return original.apply(this, args);
  };
  try {
    const result = await work();
    return { result, statements: sent.map((s) => s.text.replace(/\s+/g, ' ').trim()), sent };
  } finally {
    proto.query = original;
  }
}
