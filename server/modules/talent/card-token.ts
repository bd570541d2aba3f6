import { canonicalJson } from '../../platform/audit/hash-chain.js';
import { isSignAlg, signBytes, verifyBytes, type SigningKey } from '../../platform/crypto/sign.js';
import type { SignAlg } from '../../platform/crypto/suite.js';

/** What a card token says; the signature covers exactly these bytes. */
export type CardClaims = { v: 1; hub: string; card: string; tier: string; exp: string; kid: string };

/**
 * `<claims, base64url>.<signature, base64url>`: short enough for a QR code. Ed25519 or SM2
 * (GM/T 0009 default ID, DER) by the key's algorithm; the claims name the key (kid), and
 * the key's row its algorithm.
 */
export function signCard(claims: CardClaims, key: Pick<SigningKey, 'alg' | 'privateKey' | 'publicKey'>): string {
  const body = Buffer.from(canonicalJson(claims)).toString('base64url');
  return `${body}.${signBytes(key, Buffer.from(body))}`;
}

/**
 * The claims of a token whose signature holds under the key it names, or null (forged,
 * altered, unknown key, not a token at all). `publicKeyOf` looks a kid up, retired keys
 * included, so rotation (or a change of crypto suite) never invalidates a card signed before it.
 */
export async function readCard(
  token: string,
  publicKeyOf: (hub: string, kid: string) => Promise<{ alg: SignAlg | string; publicKey: string } | null>,
): Promise<CardClaims | null> {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || !/^[\w-]+$/.test(body) || !/^[\w-]+$/.test(signature)) return null;
  let claims: CardClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CardClaims;
  } catch {
    return null;
  }
  if (claims?.v !== 1 || typeof claims.kid !== 'string' || typeof claims.hub !== 'string' || typeof claims.card !== 'string') return null;
  const key = await publicKeyOf(claims.hub, claims.kid);
  if (!key || !isSignAlg(key.alg)) return null;
  return verifyBytes(key.alg, key.publicKey, Buffer.from(body), signature) ? claims : null;
}
