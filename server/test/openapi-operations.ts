import type { Pool } from 'pg';
import type { JsonSchema } from './schema-arbitrary.js';

/** One operation of /api/openapi.json, as the tests that walk the whole contract read it. */
export type ContractParameter = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: JsonSchema };
export type ContractOperation = {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: ContractParameter[];
  body?: { type: string; schema: JsonSchema; required: boolean };
};

/** Every operation of the document (the fuzz test and the auditor's walk read the same list). */
export function operationsOf(spec: { paths: Record<string, Record<string, Record<string, unknown>>> }): ContractOperation[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => {
        const content = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }>; required?: boolean } | undefined)?.content;
        const [type, media] = Object.entries(content ?? {})[0] ?? [];
        return {
          operationId: String(op.operationId ?? `${method} ${path}`),
          method: method.toUpperCase() as ContractOperation['method'],
          path,
          parameters: (op.parameters as ContractParameter[] | undefined) ?? [],
          ...(type ? { body: { type, schema: media?.schema ?? {}, required: Boolean((op.requestBody as { required?: boolean }).required) } } : {}),
        };
      }),
  );
}

/**
 * A fingerprint of one hub's rows: every table with a hub_id, its row count and row versions
 * (xmin), so any insert, update or delete changes it. `except` leaves tables out by name.
 */
export async function hubFingerprint(pool: Pool, hubId: string, except: readonly string[] = []): Promise<Record<string, string>> {
  const key = except.join(',');
  let query = fingerprintSql.get(key);
  if (!query) {
    const { rows: tables } = await pool.query<{ table_name: string }>(
      `SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'hub_id' ORDER BY table_name`,
    );
    const kept = tables.map((t) => t.table_name).filter((t) => !except.includes(t));
    query = kept
      .map((t) => `SELECT '${t}' AS t, count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) AS v FROM "${t}" WHERE hub_id = $1`)
      .join(' UNION ALL ');
    fingerprintSql.set(key, query);
  }
  const { rows } = await pool.query<{ t: string; v: string }>(query, [hubId]);
  return Object.fromEntries(rows.map((r) => [r.t, r.v]));
}
const fingerprintSql = new Map<string, string>();
