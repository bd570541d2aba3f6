import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { readCursor } from '../server/platform/pagination.js';
import { likePattern } from '../server/platform/sql.js';

const PAGE = 50;

/**
 * The api bench's baseline: a bare Fastify handler that checks the signed session cookie
 * in memory (no session query, no roles) and runs listOrganizations' page SELECT (every
 * column, the hub's rows in name order, one more than the page) through `pg`: with `?q=`
 * the same name search, with `?next=` (the API's cursor) the same keyset from there on.
 */
export function bareAuthenticatedPage(pool: pg.Pool, hubId: string, tokenOf: (cookie: string | undefined) => string | null) {
  return async (request: FastifyRequest<{ Querystring: { q?: string; next?: string } }>, reply: FastifyReply) => {
    if (!tokenOf(request.headers.cookie)) return reply.code(401).send({ error: 'unauthenticated' });
    const { q, next } = request.query;
    const after = readCursor(next, 2);
    const values: unknown[] = [hubId, PAGE + 1];
    let where = 'hub_id = $1';
    if (q) {
      values.push(likePattern(q));
      where += ` AND (name_en ILIKE $${values.length} OR name_zh ILIKE $${values.length})`;
    }
    if (after) {
      values.push(after[0], after[1]);
      where += ` AND (name_en, id) > ($${values.length - 1}, $${values.length}::uuid)`;
    }
    const { rows } = await pool.query<{ id: string; name_en: string }>({
      name: `bench-bare-page-${q ? 'q' : ''}${after ? 'after' : ''}`,
      text: `SELECT * FROM organizations WHERE ${where} ORDER BY name_en, id LIMIT $2`,
      values,
    });
    return { items: rows.slice(0, PAGE), next: rows.length > PAGE ? rows[PAGE - 1]!.id : null };
  };
}
