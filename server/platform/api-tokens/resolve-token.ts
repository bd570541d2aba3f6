import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { ApiTokenSubject } from '../../../contracts/api-tokens.js';
import type { HubRole } from '../../../contracts/auth.js';
import type { Db } from '../../db/connection.js';
import { AppError } from '../errors.js';
import { apiTokens } from './api-tokens.tables.js';
import { parseToken, sameHash } from './token-secret.js';

/** A machine client, as a request presents it. */
export type TokenCaller = { id: string; hubId: string; userId: string; roles: HubRole[]; subject: ApiTokenSubject | null };

/**
 * The token in an `Authorization: Bearer` header, read from the database on every request
 * (no cache: a revoked token stops working with the next request), or 401. Its last use
 * is written at most once a minute, so a busy client does not rewrite its row each time.
 */
export async function resolveBearer(db: Db, authorization: string): Promise<TokenCaller> {
  const match = /^Bearer +(\S+) *$/i.exec(authorization);
  const parsed = match ? parseToken(match[1]!) : null;
  if (!parsed) throw new AppError('UNAUTHENTICATED');
  const [row] = await db
    .select({
      userId: apiTokens.userId,
      secretHash: apiTokens.secretHash,
      roles: apiTokens.roles,
      subjectKind: apiTokens.subjectKind,
      subjectId: apiTokens.subjectId,
      usable: sql<boolean>`${apiTokens.revokedAt} IS NULL AND ${apiTokens.expiresAt} > now()`,
      stale: sql<boolean>`${apiTokens.lastUsedAt} IS NULL OR ${apiTokens.lastUsedAt} < now() - interval '1 minute'`,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.hubId, parsed.hubId), eq(apiTokens.id, parsed.tokenId)));
  if (!row || !sameHash(row.secretHash, parsed.hash) || !row.usable) throw new AppError('UNAUTHENTICATED');
  if (row.stale) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiTokens.hubId, parsed.hubId),
          eq(apiTokens.id, parsed.tokenId),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
        ),
      );
  }
  return {
    id: parsed.tokenId,
    hubId: parsed.hubId,
    userId: row.userId,
    roles: row.roles as HubRole[],
    subject: row.subjectKind && row.subjectId ? { kind: row.subjectKind, id: row.subjectId } : null,
  };
}
