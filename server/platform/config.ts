import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCryptoSuite, type CryptoSuite } from './crypto/suite.js';

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
  /** Failed sign-ins (password or second factor) in a row that lock an account. */
  lockoutFailures: number;
  /** How long a locked account stays locked. */
  lockoutMinutes: number;
  /** General API requests allowed per client address per minute. */
  requestsPerMinute: number;
  /**
   * Which proxies in front are believed about the client's address (`TRUST_PROXY`): none
   * (false), those at these addresses or ranges, or the nearest N whatever their address
   * (a number; `true` is 1: only for a server that nothing but its proxies can reach). The
   * client address is the last one X-Forwarded-For names that is not a trusted proxy's:
   * what a client writes there itself is never taken (http/client-address.ts).
   */
  trustProxy: false | number | string[];
  startJobs: boolean;
  /** SMTP server for the e-mail outbox (smtp://user:pass@host:587); no e-mail without it. */
  smtpUrl: string | undefined;
  /** The From of every message. */
  mailFrom: string;
  /** Password reset / verification requests allowed per client address per hour. */
  accountEmailsPerHour: number;
  /** Staff and colleague invitations one hub may send per hour. */
  invitationsPerHour: number;
  /** Graduate verifications (they may carry a resident id) one account may send per hour. */
  graduateVerificationsPerHour: number;
  /** When set, the outbox is also delivered every this many seconds (tests, demos); else every minute. */
  mailPollSeconds: number | undefined;
  /** `CRYPTO_SUITE`: international (SHA-256, Ed25519, AES-256-GCM) or gm (SM3, SM2, SM4). */
  cryptoSuite: CryptoSuite;
  /** Where signed audit checkpoints are written, outside the database (`DRAGONGATE_CHECKPOINT_DIR`). */
  checkpointDir: string;
  /** Optional HTTP sink each checkpoint is also POSTed to (`DRAGONGATE_CHECKPOINT_URL`). */
  checkpointUrl: string | undefined;
  /**
   * Where audit events are forwarded as they happen (`DRAGONGATE_AUDIT_FORWARD`): syslog
   * (RFC 5424) at `udp://host:port` or `tcp://host:port`, or an HTTP sink at `http(s)://…`.
   */
  auditForward: string | undefined;
  /** Days events stay in `audit_events` before the archive job moves them (at least 184; `DRAGONGATE_AUDIT_ONLINE_DAYS`). */
  auditOnlineDays: number;
  /** An off-site store the nightly backup is PUT to (`DRAGONGATE_BACKUP_URL`, http(s)://…), with `DRAGONGATE_BACKUP_TOKEN` as a Bearer token. */
  backupUrl: string | undefined;
  backupToken: string | undefined;
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
    lockoutFailures: Number(env.DRAGONGATE_LOCKOUT_FAILURES ?? 5),
    lockoutMinutes: Number(env.DRAGONGATE_LOCKOUT_MINUTES ?? 15),
    requestsPerMinute: Number(env.DRAGONGATE_REQUESTS_PER_MINUTE ?? 6000),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    startJobs: env.DRAGONGATE_JOBS !== 'off',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Dragon Gate <no-reply@dragongate.local>',
    accountEmailsPerHour: Number(env.DRAGONGATE_ACCOUNT_EMAILS_PER_HOUR ?? 10),
    invitationsPerHour: Number(env.DRAGONGATE_INVITATIONS_PER_HOUR ?? 50),
    graduateVerificationsPerHour: Number(env.DRAGONGATE_GRADUATE_VERIFICATIONS_PER_HOUR ?? 5),
    mailPollSeconds: env.DRAGONGATE_MAIL_POLL_SECONDS ? Number(env.DRAGONGATE_MAIL_POLL_SECONDS) : undefined,
    cryptoSuite: parseCryptoSuite(env.CRYPTO_SUITE),
    checkpointDir: path.resolve(overrides.checkpointDir ?? env.DRAGONGATE_CHECKPOINT_DIR ?? path.join(home, 'checkpoints')),
    checkpointUrl: env.DRAGONGATE_CHECKPOINT_URL || undefined,
    auditForward: parseAuditForward(env.DRAGONGATE_AUDIT_FORWARD),
    auditOnlineDays: parseOnlineDays(env.DRAGONGATE_AUDIT_ONLINE_DAYS),
    backupUrl: parseBackupUrl(env.DRAGONGATE_BACKUP_URL),
    backupToken: env.DRAGONGATE_BACKUP_TOKEN || undefined,
    ...overrides,
  };
}

/**
 * `TRUST_PROXY`: unset or false, a number of hops (`true` is one), or comma-separated
 * addresses, CIDR ranges and proxy-addr's names (loopback, linklocal, uniquelocal).
 */
export function parseTrustProxy(value: string | undefined): false | number | string[] {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return 1;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return false;
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    return family === 0 || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)));
  });
  if (bad !== undefined)
    throw new Error(`TRUST_PROXY must be true, false, a number of proxies or their addresses (10.0.0.1, 10.0.0.0/8, uniquelocal), not ${value}`);
  return entries;
}

/** A forwarding target, or none; anything but udp://, tcp:// or http(s):// refuses to start. */
function parseAuditForward(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^(udp|tcp):\/\/[^/:]+:\d+\/?$|^https?:\/\//.test(value))
    throw new Error(`DRAGONGATE_AUDIT_FORWARD must be udp://host:port, tcp://host:port or an http(s) URL, not ${value}`);
  return value;
}

function parseBackupUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^https?:\/\/[^/]/.test(value)) throw new Error(`DRAGONGATE_BACKUP_URL must be an http(s) URL, not ${value}`);
  return value;
}

/** Cybersecurity Law art. 21: logs kept at least six months, so never fewer than 184 days online. */
function parseOnlineDays(value: string | undefined): number {
  const days = value ? Number(value) : 400;
  if (!Number.isInteger(days) || days < 184) throw new Error(`DRAGONGATE_AUDIT_ONLINE_DAYS must be a whole number of at least 184, not ${value}`);
  return days;
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
