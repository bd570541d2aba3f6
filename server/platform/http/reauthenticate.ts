import type { FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { sql } from 'drizzle-orm';
import type { Reauthentication } from '../../../contracts/auth-session.js';
import { hasSecondFactor, verifyTotpOf } from '../auth/second-factor.js';
import { AppError } from '../errors.js';
import type { Deps } from './deps.js';

/**
 * Re-authentication before a sensitive act of a signed-in person (making an API token; the
 * password change does the same through better-auth): the password again, and a current
 * TOTP code when the account has a second factor. Asked of everyone enrolled and of
 * everyone in a hub that requires a second factor of some role; an answer given is always
 * checked. API-token callers are machines and are not asked.
 */
export async function reauthenticate(deps: Deps, request: FastifyRequest, hubId: string, confirm: Reauthentication | undefined): Promise<void> {
  if (request.apiToken || !request.userId) return;
  const enrolled = await hasSecondFactor(deps.db, request.userId);
  if (!confirm) {
    if (enrolled || (await hubAsksForSecondFactor(deps, hubId))) throw new AppError('REAUTH_REQUIRED', [{ path: 'confirm', code: 'REQUIRED' }]);
    return;
  }
  const headers = fromNodeHeaders(request.headers);
  const passwordOk = await deps.auth.api.verifyPassword({ body: { password: confirm.password }, headers }).then(
    () => true,
    () => false,
  );
  if (!passwordOk) throw new AppError('WRONG_CREDENTIALS', [{ path: 'confirm.password', code: 'INVALID' }]);
  if (!enrolled) return;
  if (!confirm.code) throw new AppError('REAUTH_REQUIRED', [{ path: 'confirm.code', code: 'REQUIRED' }]);
  const { secretConfig } = await deps.auth.$context;
  await verifyTotpOf(deps.db, secretConfig, request.userId, confirm.code).catch(() => {
    throw new AppError('TWO_FACTOR_CODE_WRONG', [{ path: 'confirm.code', code: 'INVALID' }]);
  });
}

async function hubAsksForSecondFactor(deps: Deps, hubId: string): Promise<boolean> {
  const { rows } = await deps.db.execute<{ asks: boolean }>(sql`
    SELECT cardinality(two_factor_roles) > 0 AS asks FROM hub_security_settings WHERE hub_id = ${hubId}`);
  return rows[0]?.asks === true;
}
