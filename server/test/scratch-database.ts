import pg from 'pg';

/**
 * Databases a test makes beside the suite's own (a restore drill, an off-site copy) on the
 * same PostgreSQL server: statements as its administrator, and every table's row count.
 */
export function scratchDatabases(serverUrl: URL) {
  const urlOf = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();

  async function admin(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: serverUrl.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  /** Rows per table of `public`, by table name. */
  async function counts(url: string): Promise<Record<string, number>> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
      const result: Record<string, number> = {};
      for (const { name } of rows) result[name] = Number((await client.query(`SELECT count(*) AS n FROM "${name}"`)).rows[0].n);
      return result;
    } finally {
      await client.end();
    }
  }

  return { urlOf, admin, counts };
}
