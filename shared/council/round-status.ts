import type { RoundStatus, VotingRound } from './voting-round';

/**
 * A round's life, decided once: open (taking ballots) and tallied rounds still change (their ballots
 * may be replaced, a newer round may supersede them); confirmed and superseded ones never do.
 */
export const LIVE_ROUND_STATUSES: readonly RoundStatus[] = ['open', 'tallied'];

export function isLiveRound(round: Pick<VotingRound, 'status'> | undefined): boolean {
  return round !== undefined && LIVE_ROUND_STATUSES.includes(round.status);
}

/** A round whose ballot sheet is still to be filled: a new one is opened only when there is none. */
export function takesBallots(round: Pick<VotingRound, 'status'> | undefined): boolean {
  return round?.status === 'open';
}

/** A tallied round waits for its confirmation (or for a new tally, if its ballots change). */
export function awaitsConfirmation(round: Pick<VotingRound, 'status'> | undefined): boolean {
  return round?.status === 'tallied';
}

export function isConfirmed(round: Pick<VotingRound, 'status'> | undefined): boolean {
  return round?.status === 'confirmed';
}

/** Whether the pane offers to confirm: a tallied round with a quorum (the server checks the rest). */
export function mayConfirmRound(round: Pick<VotingRound, 'status' | 'result'> | undefined): boolean {
  return awaitsConfirmation(round) && !round?.result?.void;
}
