import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { canonicalJson } from '../../platform/audit/hash-chain.js';

/** What a card token says; the signature covers exactly these bytes. */
export type CardClaims = { v: 1; hub: string; card: string; tier: string; exp: string; kid: string };

export type KeyPair = { kid: string; publicKey: string; privateKey: string };

/** A fresh Ed25519 key pair (PEM) with a random key id. */
export function newSigningKey(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    kid: randomBytes(8).toString('hex'),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** `<claims, base64url>.<Ed25519 signature, base64url>`: short enough for a QR code. */
export function signCard(claims: CardClaims, privateKeyPem: string): string {
  const body = Buffer.from(canonicalJson(claims)).toString('base64url');
  const signature = sign(null, Buffer.from(body), createPrivateKey(privateKeyPem)).toString('base64url');
  return `${body}.${signature}`;
}

/**
 * The claims of a token whose signature holds under the key it names, or null (forged,
 * altered, unknown key, not a token at all). `publicKeyOf` looks a kid up, retired keys
 * included, so rotation never invalidates a card signed before it.
 */
export async function readCard(token: string, publicKeyOf: (hub: string, kid: string) => Promise<string | null>): Promise<CardClaims | null> {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || !/^[\w-]+$/.test(body) || !/^[\w-]+$/.test(signature)) return null;
  let claims: CardClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CardClaims;
  } catch {
    return null;
  }
  if (claims?.v !== 1 || typeof claims.kid !== 'string' || typeof claims.hub !== 'string' || typeof claims.card !== 'string') return null;
  const pem = await publicKeyOf(claims.hub, claims.kid);
  if (!pem) return null;
  const ok = verify(null, Buffer.from(body), createPublicKey(pem), Buffer.from(signature, 'base64url'));
  return ok ? claims : null;
}
