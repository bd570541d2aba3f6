import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'dgt_';
const SECRET_BYTES = 32;
const ENCODED_LENGTH = Math.ceil(((16 + 16 + SECRET_BYTES) * 4) / 3);

/**
 * A token names its hub and its row (so it is found by primary key, routable by hub on a
 * sharded database) and carries 256 random bits; only a hash of the whole is stored.
 */
export type MintedToken = { secret: string; hash: string; hint: string };

export function mintToken(hubId: string, tokenId: string): MintedToken {
  const bytes = Buffer.concat([uuidBytes(hubId), uuidBytes(tokenId), randomBytes(SECRET_BYTES)]);
  const secret = PREFIX + bytes.toString('base64url');
  return { secret, hash: hashToken(secret), hint: `…${secret.slice(-6)}` };
}

export type ParsedToken = { hubId: string; tokenId: string; hash: string };

/** The hub and row a presented token names, or null when it is not one of ours. */
export function parseToken(secret: string): ParsedToken | null {
  if (!secret.startsWith(PREFIX) || secret.length !== PREFIX.length + ENCODED_LENGTH) return null;
  const body = secret.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return null;
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length !== 32 + SECRET_BYTES) return null;
  return { hubId: uuidString(bytes.subarray(0, 16)), tokenId: uuidString(bytes.subarray(16, 32)), hash: hashToken(secret) };
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

function uuidString(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
