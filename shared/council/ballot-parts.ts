import type { BallotUploadPart } from '#shared/api/ballot-upload';
import { COMPACT_BALLOTS_FORMAT, compactProblem, type CompactBallot, type CompactBallots } from './ballot-codec';
import type { Candidate } from './round';

/**
 * Whether the parts of an upload make the ballots it declared, and which: every declared part there,
 * each starting where the one before it ended (positions in the whole list, so that a part sent twice
 * or cut differently cannot slip a ballot in twice or leave one out), the count the one declared, and
 * every ballot readable against the round's candidates. Ballots sharing a number are not refused here:
 * the tally voids them (REPEATED_NUMBER), as it does when they come in one request.
 */
export type PartsRefusal = {
  code: 'BALLOT_PART_MISSING' | 'BALLOT_PARTS_OVERLAP' | 'BALLOTS_MALFORMED';
  details: Record<string, unknown>;
};

export interface DeclaredUpload {
  ballots: number;
  parts: number;
  mark: string;
}

export function assembleParts(
  declared: DeclaredUpload,
  parts: ReadonlyMap<number, BallotUploadPart>,
  candidates: readonly Pick<Candidate, 'nominationId'>[],
): { ballots: CompactBallots } | { refusal: PartsRefusal } {
  const missing = Array.from({ length: declared.parts }, (_, k) => k).filter((k) => !parts.has(k));
  if (missing.length > 0) return { refusal: { code: 'BALLOT_PART_MISSING', details: { missing } } };
  const list: CompactBallot[] = [];
  for (let k = 0; k < declared.parts; k += 1) {
    const part = parts.get(k)!;
    if (part.first !== list.length)
      return { refusal: { code: 'BALLOT_PARTS_OVERLAP', details: { part: k, first: part.first, expectedFirst: list.length } } };
    for (const ballot of part.ballots) list.push(ballot);
  }
  if (list.length !== declared.ballots)
    return { refusal: { code: 'BALLOT_PARTS_OVERLAP', details: { ballots: list.length, declared: declared.ballots } } };
  const ballots: CompactBallots = { format: COMPACT_BALLOTS_FORMAT, mark: declared.mark, ballots: list };
  const problem = compactProblem(
    ballots,
    candidates.map((c) => c.nominationId),
  );
  if (problem) return { refusal: { code: 'BALLOTS_MALFORMED', details: { ...problem, number: list[problem.position]![0] } } };
  return { ballots };
}
