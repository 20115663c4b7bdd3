import { z } from 'zod';
import { CouncilSettings } from '#shared/campaign';
import { Attendance, Ballot, Candidate, RoundForm } from '#shared/council/round';
import { NominationStatus } from '#shared/status';
import { TallyMinutes } from './minutes';
import { list } from './page';
import { TallyResult } from './tally';

/** A round takes the ballots of a whole council meeting: 10,000 is far above any council's size. */
export const MAX_BALLOTS = 10_000;

/** A round's id is its number within the campaign (1, 2, …), as the minutes name it. */
export const RoundId = z.string().regex(/^[1-9][0-9]{0,3}$/, 'a round number, 1–9999');

/**
 * open: taking ballots; tallied: counted, the result may be confirmed; confirming: its decisions are
 * being written onto the nominations, in several transactions (a confirmation cut short is finished by
 * confirming again); confirmed: the decisions are on the nominations and the round can never change;
 * superseded: a newer round for the same candidates replaced it before it was confirmed; annulling: an
 * administrator's annulment is being written (finished by annulling again); annulled: an administrator
 * annulled its confirmed result, with a reason, and its decisions went back to eligible.
 */
export const RoundStatus = z.enum(['open', 'tallied', 'confirming', 'confirmed', 'superseded', 'annulling', 'annulled']);
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

/** An administrator's annulment of a confirmed round: why (recorded and shown), on the version read. */
export const AnnulRoundRequest = z.strictObject({ reason: z.string().trim().min(5).max(500), version: z.int().min(1) });
export type AnnulRoundRequest = z.infer<typeof AnnulRoundRequest>;

/** GET one round: `?include=ballots` adds the ballots (they may be 10,000). */
export const RoundQuery = z.strictObject({ include: z.enum(['ballots']).optional() });

/** What a confirmation wrote onto one nomination. */
export const RoundDecision = z.object({
  nominationId: z.string(),
  from: NominationStatus,
  to: NominationStatus.extract(['selected', 'not_selected']),
});
export type RoundDecision = z.infer<typeof RoundDecision>;

const RoundCommon = z.object({
  campaignId: z.string(),
  id: z.string(),
  number: z.int(),
  status: RoundStatus,
  /** The round whose tie this round decides. */
  fromRoundId: z.string().optional(),
  attendance: Attendance,
  ballotCount: z.int(),
  /** Moves on every submission of ballots: a tally records which set it counted. */
  ballotsVersion: z.int(),
  talliedBallotsVersion: z.int().optional(),
  talliedAt: z.string().optional(),
  talliedBy: z.string().optional(),
  confirmedAt: z.string().optional(),
  confirmedBy: z.string().optional(),
  supersededBy: z.string().optional(),
  /** Who annulled the confirmed result, when, and why. */
  annulment: z.object({ at: z.string(), by: z.string(), reason: z.string() }).optional(),
  /**
   * While confirming or annulling: how many of the write's steps (transactions) are done, of how many,
   * who started it and when; `undoing` while the steps done are being taken back (a quota found full, a
   * candidate changed in between), after which the round is back where it was.
   */
  progress: z
    .object({
      action: z.enum(['confirm', 'annul']),
      done: z.int(),
      total: z.int(),
      undoing: z.enum(['quota', 'changed']).optional(),
      startedAt: z.string(),
      startedBy: z.string(),
    })
    .optional(),
  version: z.int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

/** A round as the API returns it. */
export const VotingRound = RoundCommon.extend({
  candidates: z.array(Candidate),
  forms: z.array(RoundForm),
  /**
   * The campaign's council rules when the round was opened: its tally uses them, whatever the campaign's
   * rules are by then. Absent on rounds stored before rounds kept them (those use the campaign's).
   */
  rules: CouncilSettings.optional(),
  result: TallyResult.optional(),
  minutes: TallyMinutes.optional(),
  decisions: z.array(RoundDecision).optional(),
  /** Only when asked for (`?include=ballots`): they may be 10,000. */
  ballots: z.array(Ballot).optional(),
});
export type VotingRound = z.infer<typeof VotingRound>;

/** A round in a list: without its candidates, rules, result, minutes and ballots. */
export const VotingRoundSummary = RoundCommon.extend({ candidateCount: z.int(), void: z.boolean().optional() });
export type VotingRoundSummary = z.infer<typeof VotingRoundSummary>;

export const RoundList = list(VotingRoundSummary);
