import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../../../app.js';
import { connect } from '../../../db/connection.js';
import { loadConfig } from '../../config.js';

/**
 * The live OpenAPI document without a database: the app is built on a pool that never
 * connects (nothing queries while routes register) and asked for its document. For
 * Spectral in `npm run lint`, the contract test and client generation.
 */
export async function offlineOpenApiDocument(): Promise<Record<string, unknown>> {
  const home = mkdtempSync(path.join(tmpdir(), 'dragongate-openapi-'));
  const database = connect('postgres://openapi@127.0.0.1:1/none', 1);
  const config = loadConfig({ home, authSecret: 'openapi-document-only-openapi-document', startJobs: false, smtpUrl: undefined });
  const app = await buildApp({ db: database.db, config, logger: false, webDir: '/nonexistent' });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
    rmSync(home, { recursive: true, force: true });
  }
}
