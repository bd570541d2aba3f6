import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field encryption for sensitive personal data (resident identity numbers): AES-256-GCM
 * with a key derived from the installation secret, plus a keyed digest for finding
 * duplicates without decrypting. Ciphertext format: v1.<iv>.<tag>.<data>, base64url.
 */
export type FieldCrypto = { encrypt(plain: string): string; decrypt(cipher: string): string; digest(plain: string): string };

export function fieldCrypto(secret: string): FieldCrypto {
  const key = Buffer.from(hkdfSync('sha256', secret, 'dragongate', 'field-encryption-v1', 32));
  const macKey = Buffer.from(hkdfSync('sha256', secret, 'dragongate', 'field-digest-v1', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    decrypt(text) {
      const [version, iv, tag, data] = text.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
    digest(plain) {
      return createHmac('sha256', macKey).update(plain).digest('base64url');
    },
  };
}
