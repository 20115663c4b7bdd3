import { z } from 'zod';
import type { NominationStatus } from '#shared/status';
import type { TallyMinutes } from './minutes';
import { Attendance, Ballot, type Candidate, type RoundForm } from './round';
import type { TallyResult } from './tally';

/** A round takes the ballots of a whole council meeting: 10,000 is far above any council's size. */
export const MAX_BALLOTS = 10_000;

/** A round's id is its number within the campaign (1, 2, …), as the minutes name it. */
export const RoundId = z.string().regex(/^[1-9][0-9]{0,3}$/, 'a round number, 1–9999');

/**
 * open: taking ballots; tallied: counted, the result may be confirmed; confirmed: the decisions are on
 * the nominations and the round can never change; superseded: a newer round for the same candidates
 * replaced it before it was confirmed.
 */
export const RoundStatus = z.enum(['open', 'tallied', 'confirmed', 'superseded']);
export type RoundStatus = z.infer<typeof RoundStatus>;

const AwardFormCode = z.string().regex(/^[A-Z0-9_]{2,40}$/);

/**
 * A new round. Without `fromRoundId` its candidates are the campaign's eligible nominations (of the
 * listed award forms, or all of them); with it, the candidates tied in that confirmed round, for the
 * places the tie left.
 */
export const CreateRoundRequest = z.strictObject({
  attendance: Attendance,
  fromRoundId: RoundId.optional(),
  awardForms: z.array(AwardFormCode).min(1).max(20).optional(),
});
export type CreateRoundRequest = z.infer<typeof CreateRoundRequest>;

/** The round's numbered ballots as a whole: a resubmission replaces them (and is recorded). */
export const SubmitBallotsRequest = z.strictObject({
  attendance: Attendance.optional(),
  ballots: z.array(Ballot).max(MAX_BALLOTS),
});
export type SubmitBallotsRequest = z.infer<typeof SubmitBallotsRequest>;

/** `version`: the round's version the secretary read, so that what is confirmed is what they saw. */
export const ConfirmRoundRequest = z.strictObject({ version: z.int().min(1).optional() });
export type ConfirmRoundRequest = z.infer<typeof ConfirmRoundRequest>;

/** What a confirmation wrote onto one nomination. */
export interface RoundDecision {
  nominationId: string;
  from: NominationStatus;
  to: Extract<NominationStatus, 'selected' | 'not_selected'>;
}

/** A round as the API returns it. */
export interface VotingRound {
  campaignId: string;
  id: string;
  number: number;
  status: RoundStatus;
  /** The round whose tie this round decides. */
  fromRoundId?: string;
  candidates: Candidate[];
  forms: RoundForm[];
  attendance: Attendance;
  ballotCount: number;
  /** Moves on every submission of ballots: a tally records which set it counted. */
  ballotsVersion: number;
  result?: TallyResult;
  minutes?: TallyMinutes;
  talliedBallotsVersion?: number;
  talliedAt?: string;
  talliedBy?: string;
  decisions?: RoundDecision[];
  confirmedAt?: string;
  confirmedBy?: string;
  supersededBy?: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** Only when asked for (`?include=ballots`): they may be 10,000. */
  ballots?: Ballot[];
}

/** A round in a list: without its candidates, result, minutes and ballots. */
export type VotingRoundSummary = Omit<VotingRound, 'candidates' | 'forms' | 'result' | 'minutes' | 'decisions' | 'ballots'> & {
  candidateCount: number;
  void?: boolean;
};
