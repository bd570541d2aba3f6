import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';

const PAGE = 50;

/**
 * The api bench's baseline: a bare Fastify handler that checks the signed session cookie
 * in memory (no session query, no roles) and runs listOrganizations' first-page SELECT
 * (every column, the hub's rows in name order, one more than the page) through `pg`.
 */
export function bareAuthenticatedPage(pool: pg.Pool, hubId: string, tokenOf: (cookie: string | undefined) => string | null) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!tokenOf(request.headers.cookie)) return reply.code(401).send({ error: 'unauthenticated' });
    const { rows } = await pool.query<{ id: string; name_en: string }>({
      name: 'bench-bare-page',
      text: 'SELECT * FROM organizations WHERE hub_id = $1 ORDER BY name_en, id LIMIT $2',
      values: [hubId, PAGE + 1],
    });
    return { items: rows.slice(0, PAGE), next: rows.length > PAGE ? rows[PAGE - 1]!.id : null };
  };
}
