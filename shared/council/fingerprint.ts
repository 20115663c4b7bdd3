import type { BallotsFingerprint } from '#shared/api/tally';
import { toNfc } from '#shared/text';
import { forEachBit, hasBit, type CompactBallots } from './ballot-codec';
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

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A ballot's marks in the canonical form: NFC, trimmed, blank ones left out, by candidate id. */
function canonicalMarks(marks: readonly (readonly [string, string])[]): [string, string][] {
  return marks
    .map(([id, mark]): [string, string] => [toNfc(id), toNfc(mark).trim()])
    .filter(([, mark]) => mark !== '')
    .sort(([a], [b]) => byText(a, b));
}

/** The canonical text of ballots given as [number, the JSON text of their canonical marks]. */
function canonicalText(round: number, entries: { number: number; json: string }[]): string {
  entries.sort((a, b) => a.number - b.number || byText(a.json, b.json));
  return `[${JSON.stringify(BALLOTS_FORMAT)},${JSON.stringify(round)},[${entries.map((e) => `[${e.number},${e.json}]`).join(',')}]]`;
}

export function canonicalBallots(round: number, ballots: readonly Ballot[]): string {
  return canonicalText(
    round,
    ballots.map((ballot) => ({ number: ballot.number, json: JSON.stringify(canonicalMarks(Object.entries(ballot.marks))) })),
  );
}

/**
 * The same canonical text from compact ballots (ballot-codec.ts), without making a Ballot of each: the
 * candidates' ids (ASCII, so already NFC) are sorted once, and a ballot with only bits writes its marks
 * by walking them in that order. The text is the one canonicalBallots gives for the decoded ballots.
 */
export function canonicalCompactBallots(round: number, compact: CompactBallots, candidateIds: readonly string[]): string {
  const mark = toNfc(compact.mark).trim();
  const order = candidateIds.map((_, i) => i).sort((a, b) => byText(candidateIds[a]!, candidateIds[b]!));
  const pieces = candidateIds.map((id) => `[${JSON.stringify(id)},${JSON.stringify(mark)}]`);
  const entries = compact.ballots.map(([number, bits, others]) => {
    if (others) {
      const marks: [string, string][] = [];
      forEachBit(bits, (index) => marks.push([candidateIds[index]!, compact.mark]));
      for (const [who, value] of others) marks.push([typeof who === 'number' ? candidateIds[who]! : who, value]);
      return { number, json: JSON.stringify(canonicalMarks(marks)) };
    }
    const written: string[] = [];
    if (mark !== '' && bits !== '') for (const index of order) if (hasBit(bits, index)) written.push(pieces[index]!);
    return { number, json: `[${written.join(',')}]` };
  });
  return canonicalText(round, entries);
}

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function ballotsFingerprint(round: number, ballots: readonly Ballot[], sha256: Sha256): Promise<BallotsFingerprint> {
  const digest = await sha256(new TextEncoder().encode(canonicalBallots(round, ballots)));
  return { format: BALLOTS_FORMAT, sha256: toHex(digest) };
}

/** The fingerprint of compact ballots: the same as that of the ballots they encode. */
export async function compactBallotsFingerprint(
  round: number,
  compact: CompactBallots,
  candidateIds: readonly string[],
  sha256: Sha256,
): Promise<BallotsFingerprint> {
  const digest = await sha256(new TextEncoder().encode(canonicalCompactBallots(round, compact, candidateIds)));
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
