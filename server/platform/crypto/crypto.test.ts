import { createCipheriv, hkdfSync } from 'node:crypto';
import { sm2, sm3 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { fieldCrypto } from './fields.js';
import { hashHex, hmac } from './hash.js';
import { newSigningKey, signBytes, signingKeyFromSeed, SM2_DEFAULT_ID, verifyBytes } from './sign.js';
import { parseCryptoSuite } from './suite.js';

const hex = (s: string) => Buffer.from(s, 'hex');

describe('known answers', () => {
  it('SM3 (GB/T 32905-2016 appendix A)', () => {
    expect(hashHex('sm3', 'abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(hashHex('sm3', 'abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    // The same bytes in another implementation.
    expect(sm3('abc')).toBe(hashHex('sm3', 'abc'));
  });

  it('SHA-256 (FIPS 180-2)', () => {
    expect(hashHex('sha256', 'abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('SM4 (GB/T 32907-2016 appendix A: key = plaintext)', () => {
    const key = hex('0123456789abcdeffedcba9876543210');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    expect(Buffer.concat([cipher.update(key), cipher.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('HMAC-SM3 agrees with sm-crypto-v2', () => {
    const key = hex('000102030405060708090a0b0c0d0e0f');
    expect(hmac('sm3', key, 'dragon gate').toString('hex')).toBe(sm3('dragon gate', { key: '000102030405060708090a0b0c0d0e0f', mode: 'hmac' }));
  });
});

describe('SM2 signatures with the GM/T 0009 default ID', () => {
  const message = Buffer.from('{"card":"abc","tier":"A"}');

  it('ours verify in sm-crypto-v2 (its default ID), and only with that ID', () => {
    const key = newSigningKey('sm2');
    const signature = signBytes(key, message);
    const der = Buffer.from(signature, 'base64url').toString('hex');
    expect(sm2.doVerifySignature(message, der, key.publicKey, { hash: true, der: true })).toBe(true);
    expect(sm2.doVerifySignature(message, der, key.publicKey, { hash: true, der: true, userId: SM2_DEFAULT_ID })).toBe(true);
    expect(sm2.doVerifySignature(message, der, key.publicKey, { hash: true, der: true, userId: '' })).toBe(false);
    expect(sm2.doVerifySignature(Buffer.from('{"card":"abc","tier":"B"}'), der, key.publicKey, { hash: true, der: true })).toBe(false);
  });

  it("sm-crypto-v2's verify in ours; a signature under another ID does not", () => {
    const { publicKey, privateKey } = sm2.generateKeyPairHex();
    const theirs = Buffer.from(sm2.doSignature(message, privateKey, { hash: true, der: true }), 'hex').toString('base64url');
    expect(verifyBytes('sm2', publicKey, message, theirs)).toBe(true);
    const otherId = Buffer.from(sm2.doSignature(message, privateKey, { hash: true, der: true, userId: 'ALICE123@YAHOO.COM' }), 'hex').toString('base64url');
    expect(verifyBytes('sm2', publicKey, message, otherId)).toBe(false);
    expect(verifyBytes('sm2', publicKey, message, 'not-a-signature')).toBe(false);
  });

  it('Ed25519 and SM2 keys from a seed are deterministic and sign', () => {
    const seed = hex('11'.repeat(32));
    for (const alg of ['ed25519', 'sm2'] as const) {
      const a = signingKeyFromSeed(alg, seed, 'k');
      expect(signingKeyFromSeed(alg, seed, 'k')).toEqual(a);
      expect(signingKeyFromSeed(alg, hex('12'.repeat(32)), 'k').publicKey).not.toBe(a.publicKey);
      expect(verifyBytes(alg, a.publicKey, message, signBytes(a, message))).toBe(true);
      expect(verifyBytes(alg === 'sm2' ? 'ed25519' : 'sm2', a.publicKey, message, signBytes(a, message))).toBe(false);
    }
  });
});

describe('field encryption', () => {
  const secret = 'field-secret-field-secret-field-secret';
  const international = fieldCrypto(secret, 'international');
  const gm = fieldCrypto(secret, 'gm');

  it('each value names its algorithm and key; either suite reads both', () => {
    const a = international.encrypt('330106199001011234');
    const g = gm.encrypt('330106199001011234');
    expect(a).toMatch(/^v2\.aes-256-gcm\.[0-9a-f]{12}\./);
    expect(g).toMatch(/^v2\.sm4-ctr\+hmac-sm3\.[0-9a-f]{12}\./);
    for (const reader of [international, gm]) {
      expect(reader.decrypt(a)).toBe('330106199001011234');
      expect(reader.decrypt(g)).toBe('330106199001011234');
    }
    expect(gm.encrypt('x')).not.toBe(gm.encrypt('x'));
  });

  it('reads values written before suites (v1, AES-256-GCM)', () => {
    const v2 = international.encrypt('legacy');
    // v1.<iv>.<tag>.<data> under the same key and no associated data.
    const key = Buffer.from(hkdfSync('sha256', secret, 'dragongate', 'field-encryption-v1', 32));
    const iv = hex('000102030405060708090a0b');
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update('legacy', 'utf8'), cipher.final()]);
    const v1 = ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    expect(gm.decrypt(v1)).toBe('legacy');
    expect(international.decrypt(v2)).toBe('legacy');
  });

  it('an altered SM4 value, a relabelled one, or another key is refused', () => {
    const g = gm.encrypt('330106199001011234');
    const parts = g.split('.');
    const data = Buffer.from(parts[4]!, 'base64url');
    data[0] = data[0]! ^ 1;
    expect(() => gm.decrypt([...parts.slice(0, 4), data.toString('base64url'), parts[5]].join('.'))).toThrow('ciphertext altered');
    expect(() => gm.decrypt(g.replace(/^v2\.sm4-ctr\+hmac-sm3\./, 'v2.aes-256-gcm.'))).toThrow();
    expect(() => fieldCrypto('another-secret-another-secret', 'gm').decrypt(g)).toThrow(/unknown key/);
    expect(() => gm.decrypt('v9.x')).toThrow('unknown ciphertext format');
  });

  it('digests: HMAC-SHA256 (unchanged) or sm3-tagged HMAC-SM3', () => {
    expect(international.digest('a')).toBe(international.digest('a'));
    expect(international.digest('a')).toMatch(/^[\w-]{43}$/);
    expect(gm.digest('a')).toMatch(/^sm3:[\w-]{43}$/);
    expect(gm.digest('a')).not.toBe(gm.digest('b'));
  });
});

describe('CRYPTO_SUITE', () => {
  it('is international by default, gm when asked, and refuses anything else', () => {
    expect(parseCryptoSuite(undefined)).toBe('international');
    expect(parseCryptoSuite('gm')).toBe('gm');
    expect(() => parseCryptoSuite('GM ')).toThrow(/CRYPTO_SUITE must be one of international, gm/);
  });
});
