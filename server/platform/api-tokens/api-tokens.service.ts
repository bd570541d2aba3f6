import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { API_TOKEN_MAX_DAYS, type ApiToken, type ApiTokenInput, type CreatedApiToken } from '../../../contracts/api-tokens.js';
import type { CursorPage, CursorQuery } from '../../../contracts/pagination.js';
import type { Db, Tx } from '../../db/connection.js';
import { recordAudit } from '../audit/audit.js';
import { users } from '../auth/auth.tables.js';
import { invalid, notFound } from '../errors.js';
import { assertSeparateDuties } from '../tenancy/separation-of-duties.js';
import { uuidv7 } from '../ids.js';
import { pageOf, readCursor } from '../pagination.js';
import type { Actor } from '../policies.js';
import type { HubRow } from '../tenancy/tenancy.js';
import { userNames } from '../tenancy/tenancy.js';
import { apiTokensPolicy } from './api-tokens.policies.js';
import { presentApiToken } from './api-tokens.presenters.js';
import { apiTokens } from './api-tokens.tables.js';
import { mintToken } from './token-secret.js';
import { tokenSubjectInHub } from './token-subjects.js';

type Scope = { hub: HubRow; actor: Actor };
const DAY_MS = 86_400_000;

/**
 * Makes a token for a machine client and its own account; the secret is in the answer
 * and nowhere else (only its hash is kept).
 */
export async function createApiToken(tx: Tx, scope: Scope, input: ApiTokenInput, now = new Date()): Promise<CreatedApiToken> {
  apiTokensPolicy.authorize(scope.actor, 'manage', null);
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt <= now) throw invalid('expiresAt', 'IN_THE_PAST');
  if (expiresAt.getTime() - now.getTime() > API_TOKEN_MAX_DAYS * DAY_MS) throw invalid('expiresAt', 'TOO_BIG');
  // 三员分立: the secret is its maker's, so the token holds no administrator's duty but the maker's own.
  assertSeparateDuties(scope.actor.hubRoles, input.roles, 'roles');
  if (input.subject) {
    const inHub = await tokenSubjectInHub(tx, scope.hub.id, input.subject);
    if (inHub === null) throw invalid('subject.kind', 'INVALID');
    if (!inHub) throw notFound();
  }
  const id = uuidv7();
  const userId = uuidv7();
  const minted = mintToken(scope.hub.id, id);
  await tx.insert(users).values({ id: userId, name: input.name, email: `api-token-${id}@api-tokens.invalid` });
  const [row] = await tx
    .insert(apiTokens)
    .values({
      hubId: scope.hub.id,
      id,
      userId,
      name: input.name,
      secretHash: minted.hash,
      hint: minted.hint,
      roles: [...new Set(input.roles)],
      subjectKind: input.subject?.kind ?? null,
      subjectId: input.subject?.id ?? null,
      createdBy: scope.actor.userId!,
      expiresAt,
    })
    .returning();
  await recordAudit(tx, {
    hubId: scope.hub.id,
    actorId: scope.actor.userId,
    action: 'api_token.created',
    subjectType: 'api_token',
    subjectId: id,
    payload: { roles: row!.roles, subject: input.subject ?? null, expiresAt: expiresAt.toISOString() },
  });
  const names = await userNames(tx, [scope.actor.userId!]);
  return { token: presentApiToken(row!, names.get(scope.actor.userId!) ?? '', now), secret: minted.secret };
}

/** The hub's tokens, newest first (ids are time-ordered; revoked and expired ones too, for the record). */
export async function listApiTokens(db: Db, scope: Scope, query: CursorQuery): Promise<CursorPage<ApiToken>> {
  apiTokensPolicy.authorize(scope.actor, 'read', null);
  const key = readCursor(query.next, 1);
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.hubId, scope.hub.id), key ? lt(apiTokens.id, String(key[0])) : undefined))
    .orderBy(desc(apiTokens.id))
    .limit(query.limit + 1);
  const names = await userNames(db, [...new Set(rows.map((r) => r.createdBy))]);
  return pageOf(
    rows,
    query.limit,
    (r) => [r.id],
    (r) => presentApiToken(r, names.get(r.createdBy) ?? ''),
  );
}

/** Revokes a token at once: the next request that presents it is refused. Revoking twice changes nothing. */
export async function revokeApiToken(tx: Tx, scope: Scope, tokenId: string): Promise<ApiToken> {
  apiTokensPolicy.authorize(scope.actor, 'manage', null);
  const [revoked] = await tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.hubId, scope.hub.id), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
    .returning();
  const row =
    revoked ??
    (
      await tx
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.hubId, scope.hub.id), eq(apiTokens.id, tokenId)))
    )[0];
  if (!row) throw notFound();
  if (revoked)
    await recordAudit(tx, { hubId: scope.hub.id, actorId: scope.actor.userId, action: 'api_token.revoked', subjectType: 'api_token', subjectId: tokenId });
  const names = await userNames(tx, [row.createdBy]);
  return presentApiToken(row, names.get(row.createdBy) ?? '');
}
