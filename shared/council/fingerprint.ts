import type { BallotsFingerprint } from '#shared/api/tally';
import { toNfc } from '#shared/text';
import type { Ballot } from './round';

/**
 * A round's ballots, fingerprinted so that anyone can recount from the ballot sheet and check that
 * nothing changed between the sheet, the stored ballots and the minutes. The canonical form, version
 * "thidua-ballots/1", is the UTF-8 bytes of this JSON text, with no whitespace (JSON.stringify, or
 * Python's json.dumps(value, ensure_ascii=False, separators=(",", ":"))):
 *
 *   ["thidua-ballots/1", <round number>, [[<ballot number>, [[<candidate id>, <mark>], …]], …]]
 *
 * - every text in Unicode NFC; a mark with its surrounding white space trimmed, and left out when
 *   nothing remains (a blank cell is no mark, as the tally counts it);
 * - a ballot's marks sorted by candidate id (ids are ASCII: code-unit order is code-point order);
 * - ballots sorted by number; ballots sharing a number (which the tally voids) by their marks' JSON text;
 * - the fingerprint is the SHA-256 of those bytes, in lowercase hexadecimal.
 *
 * The order the ballots were typed or sent in, and how a name was composed, change nothing; a mark
 * added, removed or changed, a ballot added or renumbered, change the fingerprint.
 */
export const BALLOTS_FORMAT = 'thidua-ballots/1';

/** SHA-256 of some bytes: WebCrypto's digest in the browser, node:crypto on the server (shared does no I/O). */
export type Sha256 = (bytes: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer | Uint8Array>;

type CanonicalBallot = [number, [string, string][]];

export function canonicalBallots(round: number, ballots: readonly Ballot[]): string {
  const entries = ballots.map((ballot): { json: string; value: CanonicalBallot } => {
    const marks = Object.entries(ballot.marks)
      .map(([id, mark]): [string, string] => [toNfc(id), toNfc(mark).trim()])
      .filter(([, mark]) => mark !== '')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { json: JSON.stringify(marks), value: [ballot.number, marks] };
  });
  entries.sort((a, b) => a.value[0] - b.value[0] || (a.json < b.json ? -1 : a.json > b.json ? 1 : 0));
  return JSON.stringify([BALLOTS_FORMAT, round, entries.map((entry) => entry.value)]);
}

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function ballotsFingerprint(round: number, ballots: readonly Ballot[], sha256: Sha256): Promise<BallotsFingerprint> {
  const digest = await sha256(new TextEncoder().encode(canonicalBallots(round, ballots)));
  return { format: BALLOTS_FORMAT, sha256: toHex(digest) };
}

/** Whether the ballots recounted from the sheet are those the tally counted (same form, same hash). */
export function sameFingerprint(stored: BallotsFingerprint, recomputed: BallotsFingerprint): boolean {
  return stored.format === recomputed.format && stored.sha256 === recomputed.sha256;
}

/** The line both minutes (the sheet and the document) print, in Vietnamese. */
export function fingerprintLine(fingerprint: BallotsFingerprint): string {
  return `Dấu vân tay SHA-256 của các phiếu bầu (dạng chuẩn ${fingerprint.format}): ${fingerprint.sha256}`;
}
