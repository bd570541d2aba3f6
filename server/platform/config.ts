import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Everything the process reads from its environment, read once, in one place. */
export type Config = {
  home: string;
  databaseUrl: string | undefined;
  host: string;
  port: number;
  publicUrl: string;
  authSecret: string;
  logLevel: string;
  /** Sign-in attempts allowed per client address per minute. */
  signInPerMinute: number;
  /** General API requests allowed per client address per minute. */
  requestsPerMinute: number;
  startJobs: boolean;
  /** SMTP server for the e-mail outbox (smtp://user:pass@host:587); no e-mail without it. */
  smtpUrl: string | undefined;
  /** The From of every message. */
  mailFrom: string;
};

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const env = process.env;
  const home = path.resolve(overrides.home ?? env.DRAGONGATE_HOME ?? '.dragongate');
  const port = overrides.port ?? Number(env.PORT ?? 3000);
  const host = overrides.host ?? env.HOST ?? '127.0.0.1';
  return {
    home,
    databaseUrl: env.DATABASE_URL || undefined,
    host,
    port,
    publicUrl: env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    authSecret: env.BETTER_AUTH_SECRET ?? env.DRAGONGATE_SECRET ?? localSecret(home),
    logLevel: env.LOG_LEVEL ?? 'info',
    signInPerMinute: Number(env.DRAGONGATE_SIGNIN_PER_MINUTE ?? 10),
    requestsPerMinute: Number(env.DRAGONGATE_REQUESTS_PER_MINUTE ?? 6000),
    startJobs: env.DRAGONGATE_JOBS !== 'off',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Dragon Gate <no-reply@dragongate.local>',
    ...overrides,
  };
}

/** A per-installation secret kept beside the data, so sessions survive a restart. */
function localSecret(home: string): string {
  const file = path.join(home, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(home, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
