import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashHex, hmac } from './hash.js';
import type { CipherAlg, CryptoSuite } from './suite.js';
import { SUITE_ALGORITHMS } from './suite.js';

/**
 * Field encryption for personal data (resident identity numbers, objectors' contacts,
 * signing keys' private halves), with keys derived from the installation secret.
 *
 * - `aes-256-gcm`: AES-256-GCM, 96-bit random IV.
 * - `sm4-ctr+hmac-sm3`: SM4-CTR, 128-bit random IV, then HMAC-SM3 over the header, IV and
 *   ciphertext (encrypt-then-MAC: there is no SM4-GCM in OpenSSL), checked before decrypting.
 *
 * Ciphertext: `v2.<alg>.<kid>.<iv>.<data>.<tag>` (base64url parts), so each value names
 * its algorithm and key; `v1.<iv>.<tag>.<data>` (AES-256-GCM, before suites) still reads.
 * `digest` is a keyed blind index for finding equal values without decrypting: HMAC-SHA256,
 * or `sm3:` + HMAC-SM3 under gm (switching suites changes new digests; see docs/compliance).
 */
export type FieldCrypto = {
  suite: CryptoSuite;
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  digest(plain: string): string;
  /** The value's digests under the other suite: a value stored before a switch is still found. */
  otherDigests(plain: string): string[];
};

type Keys = {
  aes: Buffer;
  sm4: Buffer;
  sm4Mac: Buffer;
  digestSha: Buffer;
  digestSm3: Buffer;
  kid: Record<CipherAlg, string>;
};

function deriveKeys(secret: string): Keys {
  const sha = (info: string, length: number) => Buffer.from(hkdfSync('sha256', secret, 'dragongate', info, length));
  const sm3 = (info: string, length: number) => Buffer.from(hkdfSync('sm3', secret, 'dragongate', info, length));
  const aes = sha('field-encryption-v1', 32);
  const sm4 = sm3('field-encryption-sm4', 16);
  const sm4Mac = sm3('field-mac-sm3', 32);
  return {
    aes,
    sm4,
    sm4Mac,
    digestSha: sha('field-digest-v1', 32),
    digestSm3: sm3('field-digest-sm3', 32),
    // A key id names the key without revealing it: a short hash of the key itself.
    kid: { 'aes-256-gcm': hashHex('sha256', 'kid', aes).slice(0, 12), 'sm4-ctr+hmac-sm3': hashHex('sm3', 'kid', sm4, sm4Mac).slice(0, 12) },
  };
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

function sm4Tag(keys: Keys, header: string, iv: Uint8Array, data: Uint8Array): Buffer {
  return hmac('sm3', keys.sm4Mac, header, '.', iv, data);
}

function digestUnder(keys: Keys, suite: CryptoSuite, plain: string): string {
  return suite === 'gm' ? `sm3:${b64(hmac('sm3', keys.digestSm3, plain))}` : b64(hmac('sha256', keys.digestSha, plain));
}

export function fieldCrypto(secret: string, suite: CryptoSuite = 'international'): FieldCrypto {
  const keys = deriveKeys(secret);
  const alg = SUITE_ALGORITHMS[suite].cipher;
  return {
    suite,
    encrypt(plain) {
      const kid = keys.kid[alg];
      const header = `v2.${alg}.${kid}`;
      if (alg === 'sm4-ctr+hmac-sm3') {
        const iv = randomBytes(16);
        const cipher = createCipheriv('sm4-ctr', keys.sm4, iv);
        const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
        return [header, b64(iv), b64(data), b64(sm4Tag(keys, header, iv, data))].join('.');
      }
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.aes, iv);
      cipher.setAAD(Buffer.from(header));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [header, b64(iv), b64(data), b64(cipher.getAuthTag())].join('.');
    },
    decrypt(text) {
      const parts = text.split('.');
      if (parts[0] === 'v1' && parts.length === 4) {
        const [, iv, tag, data] = parts as [string, string, string, string];
        const decipher = createDecipheriv('aes-256-gcm', keys.aes, unb64(iv), { authTagLength: 16 });
        decipher.setAuthTag(unb64(tag));
        return Buffer.concat([decipher.update(unb64(data)), decipher.final()]).toString('utf8');
      }
      if (parts[0] !== 'v2' || parts.length !== 6) throw new Error('unknown ciphertext format');
      const [, valueAlg, kid, iv, data, tag] = parts as [string, string, string, string, string, string];
      const header = `v2.${valueAlg}.${kid}`;
      if (valueAlg === 'sm4-ctr+hmac-sm3') {
        if (kid !== keys.kid[valueAlg]) throw new Error(`unknown key ${kid}`);
        const expected = sm4Tag(keys, header, unb64(iv), unb64(data));
        const given = unb64(tag);
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('ciphertext altered');
        const decipher = createDecipheriv('sm4-ctr', keys.sm4, unb64(iv));
        return Buffer.concat([decipher.update(unb64(data)), decipher.final()]).toString('utf8');
      }
      if (valueAlg === 'aes-256-gcm') {
        if (kid !== keys.kid[valueAlg]) throw new Error(`unknown key ${kid}`);
        const decipher = createDecipheriv('aes-256-gcm', keys.aes, unb64(iv), { authTagLength: 16 });
        decipher.setAAD(Buffer.from(header));
        decipher.setAuthTag(unb64(tag));
        return Buffer.concat([decipher.update(unb64(data)), decipher.final()]).toString('utf8');
      }
      throw new Error(`unknown cipher ${valueAlg}`);
    },
    digest(plain) {
      return digestUnder(keys, suite, plain);
    },
    otherDigests(plain) {
      return [digestUnder(keys, suite === 'gm' ? 'international' : 'gm', plain)];
    },
  };
}
