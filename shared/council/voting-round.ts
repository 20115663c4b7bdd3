/** A round's requests and answers are API shapes: they live in shared/api/round.ts. */
export {
  AnnulRoundRequest,
  ConfirmRoundRequest,
  CreateRoundRequest,
  MAX_BALLOTS,
  RoundDecision,
  RoundId,
  RoundStatus,
  SubmitBallotsRequest,
  VotingRound,
  VotingRoundSummary,
} from '#shared/api/round';
