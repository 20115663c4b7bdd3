import type { BallotsFingerprint } from '#shared/api/tally';
import { ballotsFingerprint, sameFingerprint, type Sha256 } from '#shared/council/fingerprint';
import type { Ballot } from '#shared/council/round';

/** The pane's SHA-256: WebCrypto's, which Excel's browsers and Node both have. */
export const webSha256: Sha256 = async (bytes) => globalThis.crypto.subtle.digest('SHA-256', bytes);

/** The first characters of a fingerprint, enough to tell two apart when reading them aloud. */
export const shortHash = (fingerprint: BallotsFingerprint) => fingerprint.sha256.slice(0, 16);

export interface FingerprintCheck {
  matches: boolean;
  stored: BallotsFingerprint;
  recomputed: BallotsFingerprint;
}

/**
 * "Kiểm tra dấu vân tay": the fingerprint of the ballots as the ballot sheet has them now, in the same
 * canonical form as the server's (shared/council/fingerprint.ts), against the one the tally stored.
 */
export async function checkBallots(
  round: { number: number },
  stored: BallotsFingerprint,
  ballots: readonly Ballot[],
  sha256: Sha256 = webSha256,
): Promise<FingerprintCheck> {
  const recomputed = await ballotsFingerprint(round.number, ballots, sha256);
  return { matches: sameFingerprint(stored, recomputed), stored, recomputed };
}
