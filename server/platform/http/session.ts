import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { resolveBearer, type TokenCaller } from '../api-tokens/resolve-token.js';
import type { Auth } from '../auth/auth.js';
import { sessionTokenOf } from '../auth/session-cookie.js';
import { forgetSessions, sessionActor, sessionGeneration, type SessionActor } from '../auth/session-actors.js';
import { AppError } from '../errors.js';
import { findHub } from '../tenancy/tenancy.js';
import { refuseAuditorWrite } from './auditor-reads-only.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user's id (or the API token's own account), or null. Set before validation on every /api request. */
    userId: string | null;
    /** The machine client, when the request carries `Authorization: Bearer`. */
    apiToken: TokenCaller | null;
    /** The session's roles in the hub the path names, read with the session (see `hubScope`). */
    sessionActor: SessionActor | null;
    /** The session cache's generation when the request began (see `forgetSessions`). */
    sessionGeneration: number;
  }
  interface FastifyContextConfig {
    /** True for routes anyone may call without signing in. */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates every API request from its API token (`Authorization: Bearer`, which
 * then wins over any cookie) or its session cookie; private routes need one. A bearer
 * that is not a live token is 401 even on public routes, so a client learns at once.
 *
 * A session costs one query, cached a few seconds per token (session-actors.ts): the
 * signed cookie is checked here, then the session, its user, their roles in the hub named
 * by the path (`:hub`) and whether they operate the deployment are read in one round trip.
 */
export function registerSessions(app: FastifyInstance, auth: Auth, db: Db): void {
  app.decorateRequest('userId', null);
  app.decorateRequest('apiToken', null);
  app.decorateRequest('sessionActor', null);
  app.decorateRequest('sessionGeneration', 0);
  const context = auth.$context;
  app.addHook('onRequest', async (request) => {
    request.sessionGeneration = sessionGeneration();
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/auth/')) return;
    // The API reference's own pages and assets are public, like the spec they show.
    if (request.url.startsWith('/api/docs')) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      request.apiToken = await resolveBearer(db, authorization);
      request.userId = request.apiToken.userId;
      return;
    }
    const { secret, authCookies, sessionConfig } = await context;
    const token = sessionTokenOf(request.headers.cookie, authCookies.sessionToken.name, secret);
    if (token) {
      const actor = await sessionActor(db, token, await hubIdOf(db, request));
      if (actor?.timedOut) {
        await endSession(db, token);
        throw new AppError('SESSION_EXPIRED');
      }
      if (actor && Date.now() - actor.lastActiveAt > ACTIVITY_WRITE_MS) await touch(db, token, actor);
      if (actor?.mustEnrol && !request.routeOptions.config.public) throw new AppError('TWO_FACTOR_REQUIRED');
      if (actor && actor.expiresAt - Date.now() <= (sessionConfig.expiresIn - sessionConfig.updateAge) * 1000) await refresh(auth, request);
      request.sessionActor = actor;
      request.userId = actor?.userId ?? null;
      if (actor?.hubId) refuseAuditorWrite(request, actor.hubId, actor);
    }
    if (!request.userId && !request.routeOptions.config.public && request.routeOptions.url) throw new AppError('UNAUTHENTICATED');
  });
  // Access changed by this request (a sign-out, a password reset, a role granted, revoked
  // or suspended): forget the cached sessions once more, now that the change has committed.
  app.addHook('onSend', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.url.startsWith('/api/auth/') || request.sessionGeneration !== sessionGeneration()) forgetSessions();
  });
}

/** A session's last activity is written at most this often (the idle limit is in minutes). */
const ACTIVITY_WRITE_MS = 60_000;

async function touch(db: Db, token: string, actor: SessionActor): Promise<void> {
  await db.execute(sql`UPDATE sessions SET last_active_at = now() WHERE token = ${token}`);
  actor.lastActiveAt = Date.now();
}

/** A session past its hub's idle or absolute limit ends (everywhere), and the cache forgets it. */
async function endSession(db: Db, token: string): Promise<void> {
  await db.execute(sql`DELETE FROM sessions WHERE token = ${token}`);
  forgetSessions();
}

/** The hub the path names, if it exists (an unknown hub is the route's 404, after authentication). */
async function hubIdOf(db: Db, request: FastifyRequest): Promise<string | null> {
  const slug = (request.params as { hub?: unknown } | undefined)?.hub;
  if (typeof slug !== 'string') return null;
  return findHub(db, slug).then(
    (hub) => hub.id,
    () => null,
  );
}

/**
 * Once a day a session's expiry slides forward, as better-auth does it (its own reading of
 * the session, with the write); then the cache forgets the old expiry.
 */
async function refresh(auth: Auth, request: FastifyRequest): Promise<void> {
  await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  forgetSessions();
}
