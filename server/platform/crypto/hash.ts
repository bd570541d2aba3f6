import { createHash, createHmac } from 'node:crypto';
import type { HashAlg } from './suite.js';

/** The algorithm's name in node's OpenSSL (SM3 is built in since Node 10 / OpenSSL 1.1.1). */
const NODE_NAME: Record<HashAlg, string> = { sha256: 'sha256', sm3: 'sm3' };

export function isHashAlg(value: string): value is HashAlg {
  return value === 'sha256' || value === 'sm3';
}

/** Hex digest of the parts, fed in order (strings as UTF-8). */
export function hashHex(alg: HashAlg, ...parts: (string | Uint8Array)[]): string {
  const hash = createHash(NODE_NAME[alg]);
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** HMAC under the suite's hash (HMAC-SHA256 or HMAC-SM3). */
export function hmac(alg: HashAlg, key: Uint8Array, ...parts: (string | Uint8Array)[]): Buffer {
  const mac = createHmac(NODE_NAME[alg], key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}
