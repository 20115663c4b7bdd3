import { randomBytes } from 'node:crypto';

/**
 * A code for a row pasted without one: the prefix and 8 random base-32 letters, written back into the
 * sheet and kept from then on. A retried save answers the first codes again (the Idempotency-Key).
 */
export function newCode(prefix: string): () => string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return () => `${prefix}-${[...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
}
