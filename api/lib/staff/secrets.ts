/** Secrets that are stored only as a hash (bearer tokens, session ids, password links), compared in constant time. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 (hex) of a high-entropy secret: enough for random values (passwords take scrypt, password.ts). */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Whether two hex hashes are equal, in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A new random secret of 32 bytes, base64url. */
export const randomSecret = () => randomBytes(32).toString('base64url');
