import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connection.js';
import { AppError } from '../errors.js';
import { listHubRows } from '../tenancy/tenancy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** True for the few writes allowed in an archived hub (reopening it). */
    archivedWrites?: boolean;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const HUB_PATH = /^\/api\/hubs\/([^/?#]+)\//;

/**
 * An archived hub is read-only: every write under /api/hubs/:hub/ answers 409
 * HUB_ARCHIVED, whatever the module. (Each process learns of an archive within the hub
 * cache's 30 s; the process that archived it at once.)
 */
export function registerArchivedHubGuard(app: FastifyInstance, db: Db): void {
  app.addHook('preValidation', async (request) => {
    if (READS.has(request.method) || request.routeOptions.config.archivedWrites) return;
    const slug = HUB_PATH.exec(request.url)?.[1];
    if (!slug) return;
    const hub = (await listHubRows(db)).find((h) => h.slug === decodeURIComponent(slug));
    if (hub?.archivedAt) throw new AppError('HUB_ARCHIVED');
  });
}
