import { createHash } from 'node:crypto';
import type { Sha256 } from '#shared/council/fingerprint';

/** The server's SHA-256 for the ballots' fingerprint (shared/council/fingerprint.ts takes it as a parameter). */
export const sha256: Sha256 = async (bytes) => createHash('sha256').update(bytes).digest();
