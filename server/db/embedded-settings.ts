import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where and how the embedded PostgreSQL of a data folder listens: its port and password
 * are kept in `<home>/pg.json` (mode 600) when it is first made. No dependencies, so a
 * process that only needs to reach a running one (an e2e spec) can read it.
 */
export type EmbeddedSettings = { port: number; password: string };

export const EMBEDDED_DATABASE = 'dragongate';
export const EMBEDDED_USER = 'dragongate';

export const embeddedSettingsFile = (home: string) => path.join(home, 'pg.json');

export const embeddedUrl = (settings: EmbeddedSettings) =>
  `postgres://${EMBEDDED_USER}:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/${EMBEDDED_DATABASE}`;

/** The URL of the embedded PostgreSQL a data folder already has. */
export const runningEmbeddedUrl = (home: string) => embeddedUrl(JSON.parse(readFileSync(embeddedSettingsFile(home), 'utf8')) as EmbeddedSettings);
