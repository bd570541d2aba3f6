import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import type { SignAlg } from './suite.js';

/**
 * Signatures: Ed25519 (node) or SM2 (sm-crypto-v2). Node's OpenSSL signs SM2 with an
 * empty distinguishing ID, which other SM2 implementations reject; sm-crypto-v2 uses the
 * GM/T 0009 default ID, so our SM2 signatures verify anywhere (SM3 over Z || message,
 * DER-encoded r, s). Keys are text: Ed25519 as PEM, SM2 as hex (public uncompressed 04||x||y).
 */
export const SM2_DEFAULT_ID = '1234567812345678';

export type SigningKey = { alg: SignAlg; kid: string; publicKey: string; privateKey: string };

export function isSignAlg(value: string): value is SignAlg {
  return value === 'ed25519' || value === 'sm2';
}

/** A fresh key pair with a random key id. */
export function newSigningKey(alg: SignAlg): SigningKey {
  const kid = randomBytes(8).toString('hex');
  if (alg === 'sm2') {
    const { publicKey, privateKey } = sm2.generateKeyPairHex();
    return { alg, kid, publicKey, privateKey };
  }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    alg,
    kid,
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
// The order n of the SM2 curve (GB/T 32918.5).
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

/** A key pair made deterministically from 32 secret bytes (keys derived from the installation secret). */
export function signingKeyFromSeed(alg: SignAlg, seed: Uint8Array, kid: string): SigningKey {
  if (seed.length !== 32) throw new Error('a signing seed is 32 bytes');
  if (alg === 'sm2') {
    const d = (BigInt('0x' + Buffer.from(seed).toString('hex')) % (SM2_N - 2n)) + 1n;
    const privateKey = d.toString(16).padStart(64, '0');
    return { alg, kid, privateKey, publicKey: sm2.getPublicKeyFromPrivateKey(privateKey) };
  }
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return {
    alg,
    kid,
    privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The signature of the bytes, base64url (Ed25519: 64 bytes; SM2: DER SEQUENCE { r, s }). */
export function signBytes(key: Pick<SigningKey, 'alg' | 'privateKey' | 'publicKey'>, data: Uint8Array): string {
  if (key.alg === 'sm2') {
    const der = sm2.doSignature(data, key.privateKey, { hash: true, der: true, publicKey: key.publicKey, userId: SM2_DEFAULT_ID });
    return Buffer.from(der, 'hex').toString('base64url');
  }
  return sign(null, data, createPrivateKey(key.privateKey)).toString('base64url');
}

/** Whether the signature holds; false (never a throw) for malformed keys or signatures. */
export function verifyBytes(alg: SignAlg, publicKey: string, data: Uint8Array, signature: string): boolean {
  try {
    const bytes = Buffer.from(signature, 'base64url');
    if (bytes.length === 0) return false;
    if (alg === 'sm2') return sm2.doVerifySignature(data, bytes.toString('hex'), publicKey, { hash: true, der: true, userId: SM2_DEFAULT_ID });
    return verify(null, data, createPublicKey(publicKey), bytes);
  } catch {
    return false;
  }
}
