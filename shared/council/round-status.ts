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

/**
 * A tallied round waits for its confirmation (or for a new tally, if its ballots change); a round whose
 * confirmation was cut short (`confirming`) waits for it to be asked again, which finishes it.
 */
export function awaitsConfirmation(round: Pick<VotingRound, 'status'> | undefined): boolean {
  return round?.status === 'tallied' || round?.status === 'confirming';
}

/** A confirmation or annulment under way (or cut short): its decisions are partly written. */
export function isBeingWritten(round: Pick<VotingRound, 'status'> | undefined): boolean {
  return round?.status === 'confirming' || round?.status === 'annulling';
}

export function isConfirmed(round: Pick<VotingRound, 'status'> | undefined): boolean {
  return round?.status === 'confirmed';
}

/** Whether the pane offers to confirm (or to finish a confirmation): a tallied round with a quorum (the server checks the rest). */
export function mayConfirmRound(round: Pick<VotingRound, 'status' | 'result'> | undefined): boolean {
  return awaitsConfirmation(round) && !round?.result?.void;
}

/** Whether an administrator may annul (or finish annulling) the round: confirmed, or an annulment cut short. */
export function mayAnnulRound(round: Pick<VotingRound, 'status'> | undefined): boolean {
  return round?.status === 'confirmed' || round?.status === 'annulling';
}
