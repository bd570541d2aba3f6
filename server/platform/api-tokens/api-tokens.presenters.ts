import type { ApiToken } from '../../../contracts/api-tokens.js';
import type { HubRole } from '../../../contracts/auth.js';
import type { apiTokens } from './api-tokens.tables.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export function presentApiToken(row: ApiTokenRow, createdBy: string, now = new Date()): ApiToken {
  return {
    id: row.id,
    name: row.name,
    hint: row.hint,
    roles: row.roles as HubRole[],
    subject: row.subjectKind && row.subjectId ? { kind: row.subjectKind, id: row.subjectId } : null,
    createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    status: row.revokedAt ? 'revoked' : row.expiresAt <= now ? 'expired' : 'active',
  };
}
