import { z } from 'zod';
import type { Ballot } from './round';

/**
 * Ballots in a compact form, as the pane sends them and the store keeps them (issue 13): a ballot as
 * `{number, marks: {nominationId: mark}}` repeats each candidate's id on every ballot it marks, 10,000 ×
 * 200 of them are 10 MB of JSON and as many object keys to parse. Compact, a ballot is a tuple
 *
 *   [number, bits]                 or   [number, bits, others]
 *
 * - `bits`: the candidates marked with the form's `mark` (the round's agreed mark, as written), by their
 *   index in the round's candidates: base64url digits, each holding six candidates, its lowest bit the
 *   first (digit c, bit k is candidate 6c + k); trailing zero digits left out, so a blank ballot is "";
 * - `others` (rare): every other mark kept as written, so that nothing is lost and an invalid ballot stays
 *   judged as before (UNKNOWN_MARK, UNKNOWN_CANDIDATE): `[candidate index, mark]` for a candidate, `[text,
 *   mark]` for a name that is not one.
 *
 * The codec is lossless: decoding gives back the same marks (key order aside), so the fingerprint
 * (fingerprint.ts), the tally and `?include=ballots` see exactly what was sent.
 */
export const COMPACT_BALLOTS_FORMAT = 'thidua-compact/1';

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Each base64url digit's value by its char code; -1 for any other character. */
export const DIGIT_VALUE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i += 1) table[DIGITS.charCodeAt(i)] = i;
  return table;
})();

/** Bits of a round of up to 1,200 candidates (a round holds at most 1,000). */
const MAX_BITS_DIGITS = 200;
const Bits = z
  .string()
  .max(MAX_BITS_DIGITS)
  .regex(/^[A-Za-z0-9_-]*$/, 'base64url digits');
const BallotNumber = z.int().min(1).max(100_000);
/** A mark other than the agreed one, or on a name that is not a candidate: the same limits as a Ballot's. */
const OtherMark = z.tuple([
  z.union([
    z
      .int()
      .min(0)
      .max(MAX_BITS_DIGITS * 6 - 1),
    z.string().max(64),
  ]),
  z.string().max(20),
]);

export const CompactBallot = z.union([z.tuple([BallotNumber, Bits]), z.tuple([BallotNumber, Bits, z.array(OtherMark).min(1)])]);
export type CompactBallot = z.infer<typeof CompactBallot>;
export type OtherMark = z.infer<typeof OtherMark>;

/** A list of compact ballots with the mark their bits stand for. */
export const CompactBallots = z.strictObject({
  format: z.literal(COMPACT_BALLOTS_FORMAT),
  mark: z.string().max(20),
  ballots: z.array(CompactBallot),
});
export type CompactBallots = z.infer<typeof CompactBallots>;

export function isCompact(ballots: readonly Ballot[] | CompactBallots): ballots is CompactBallots {
  return !Array.isArray(ballots);
}

/** Calls `each` with the index of every candidate the bits mark, in increasing order. */
export function forEachBit(bits: string, each: (index: number) => void): void {
  for (let c = 0; c < bits.length; c += 1) {
    let value = DIGIT_VALUE[bits.charCodeAt(c)] ?? -1;
    if (value < 0) value = 0;
    while (value !== 0) {
      const low = value & -value;
      value ^= low;
      each(c * 6 + 31 - Math.clz32(low));
    }
  }
}

/** Whether the bits mark this candidate. */
export function hasBit(bits: string, index: number): boolean {
  const c = (index / 6) | 0;
  return c < bits.length && ((DIGIT_VALUE[bits.charCodeAt(c)] ?? 0) & (1 << (index - c * 6))) > 0;
}

/** The ballots, compact, against the round's candidates (their ids in the round's order). */
export function encodeBallots(ballots: readonly Ballot[], candidateIds: readonly string[], mark: string): CompactBallots {
  const indexOf: Record<string, number> = Object.create(null) as Record<string, number>;
  candidateIds.forEach((id, i) => (indexOf[id] = i));
  const digits = new Uint8Array(Math.ceil(candidateIds.length / 6));
  const encoded = ballots.map((ballot): CompactBallot => {
    digits.fill(0);
    let length = 0;
    const others: OtherMark[] = [];
    for (const [key, value] of Object.entries(ballot.marks)) {
      const index = indexOf[key];
      if (index === undefined) others.push([key, value]);
      else if (value !== mark) others.push([index, value]);
      else {
        const c = (index / 6) | 0;
        digits[c]! |= 1 << (index - c * 6);
        length = Math.max(length, c + 1);
      }
    }
    let bits = '';
    for (let c = 0; c < length; c += 1) bits += DIGITS[digits[c]!];
    return others.length > 0 ? [ballot.number, bits, others] : [ballot.number, bits];
  });
  return { format: COMPACT_BALLOTS_FORMAT, mark, ballots: encoded };
}

/** One compact ballot back as the API's Ballot: the same marks, those of the bits first. */
export function decodeBallot(ballot: CompactBallot, candidateIds: readonly string[], mark: string): Ballot {
  const marks: Record<string, string> = {};
  forEachBit(ballot[1], (index) => (marks[candidateIds[index]!] = mark));
  for (const [who, value] of ballot[2] ?? []) marks[typeof who === 'number' ? candidateIds[who]! : who] = value;
  return { number: ballot[0], marks };
}

export function decodeBallots(compact: CompactBallots, candidateIds: readonly string[]): Ballot[] {
  return compact.ballots.map((ballot) => decodeBallot(ballot, candidateIds, compact.mark));
}

/**
 * What makes compact ballots unreadable against a round: a candidate index it does not have, or a
 * candidate marked twice on one ballot (by its bit and again, or by its id where its index belongs),
 * which no Ballot can say. The position is the ballot's in the list.
 */
export type CompactProblem = { position: number; reason: 'index' | 'duplicate' };

export function compactProblem(compact: CompactBallots, candidateIds: readonly string[]): CompactProblem | undefined {
  const ids = new Set(candidateIds);
  const count = candidateIds.length;
  for (let position = 0; position < compact.ballots.length; position += 1) {
    const [, bits, others] = compact.ballots[position]!;
    let outside = false;
    forEachBit(bits, (index) => (outside ||= index >= count));
    if (outside) return { position, reason: 'index' };
    if (!others) continue;
    const seen = new Set<number | string>();
    for (const [who] of others) {
      if (typeof who === 'number' && who >= count) return { position, reason: 'index' };
      if (seen.has(who) || (typeof who === 'number' ? hasBit(bits, who) : ids.has(who))) return { position, reason: 'duplicate' };
      seen.add(who);
    }
  }
  return undefined;
}
