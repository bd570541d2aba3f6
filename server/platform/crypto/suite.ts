/**
 * The deployment's crypto suite (`CRYPTO_SUITE`): international (SHA-256, Ed25519,
 * AES-256-GCM) or gm, the Chinese national algorithms (SM3, SM2 with the GM/T 0009
 * default ID, SM4 with HMAC-SM3). A suite picks what new records use; every stored hash,
 * signature and ciphertext names its own algorithm, so records of either suite stay
 * verifiable and readable after a switch.
 */
export const CRYPTO_SUITES = ['international', 'gm'] as const;
export type CryptoSuite = (typeof CRYPTO_SUITES)[number];

export type HashAlg = 'sha256' | 'sm3';
export type SignAlg = 'ed25519' | 'sm2';
export type CipherAlg = 'aes-256-gcm' | 'sm4-ctr+hmac-sm3';

export type SuiteAlgorithms = { hash: HashAlg; sign: SignAlg; cipher: CipherAlg };

export const SUITE_ALGORITHMS: Record<CryptoSuite, SuiteAlgorithms> = {
  international: { hash: 'sha256', sign: 'ed25519', cipher: 'aes-256-gcm' },
  gm: { hash: 'sm3', sign: 'sm2', cipher: 'sm4-ctr+hmac-sm3' },
};

/** The suite named by a setting; unset is international, anything unknown refuses to start. */
export function parseCryptoSuite(value: string | undefined): CryptoSuite {
  if (value === undefined || value === '') return 'international';
  if ((CRYPTO_SUITES as readonly string[]).includes(value)) return value as CryptoSuite;
  throw new Error(`CRYPTO_SUITE must be one of ${CRYPTO_SUITES.join(', ')} (got ${JSON.stringify(value)})`);
}
