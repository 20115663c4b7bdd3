import { z } from 'zod';

export const InvalidReason = z.enum(['OVER_PLACES', 'UNKNOWN_CANDIDATE', 'UNKNOWN_MARK', 'REPEATED_NUMBER']);
export type InvalidReason = z.infer<typeof InvalidReason>;

export const CandidateResult = z.object({
  nominationId: z.string(),
  awardForm: z.string(),
  votes: z.int(),
  /** Votes as a percentage of the base, to two decimals (for the minutes; the decision uses integers). */
  percent: z.number(),
  passed: z.boolean(),
  selected: z.boolean(),
  /** Tied across the last place: neither selected nor out; a further round decides. */
  tied: z.boolean(),
});
export type CandidateResult = z.infer<typeof CandidateResult>;

export const FormResult = z.object({
  awardForm: z.string(),
  places: z.int(),
  selected: z.array(z.string()),
  /** A tie across the last place: the tied candidates, and the places left for them. */
  tie: z.object({ nominationIds: z.array(z.string()), places: z.int(), femaleIds: z.array(z.string()) }).optional(),
});
export type FormResult = z.infer<typeof FormResult>;

/**
 * Why a count is void, with a stable code: too few members took part, or more ballots were collected
 * than were issued (one per member taking part), which no counting convention accepts.
 */
export const VoidReasonCode = z.enum(['NO_QUORUM', 'BALLOTS_EXCEED_ISSUED']);
export const VoidReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal(VoidReasonCode.enum.NO_QUORUM), required: z.int(), participating: z.int() }),
  z.object({ code: z.literal(VoidReasonCode.enum.BALLOTS_EXCEED_ISSUED), issued: z.int(), collected: z.int() }),
]);
export type VoidReason = z.infer<typeof VoidReason>;

/**
 * The fingerprint of the ballots a tally counted: the SHA-256 of their canonical form
 * (shared/council/fingerprint.ts says how anyone recomputes it), lowercase hex, and that form's name.
 */
export const BallotsFingerprint = z.object({
  format: z.string().min(1).max(40),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BallotsFingerprint = z.infer<typeof BallotsFingerprint>;

/** What the tally of a round decided, by the council's rules. */
export const TallyResult = z.object({
  void: z.boolean(),
  /** The first reason that voids the count: a round without a quorum is void whatever its ballots. */
  voidReason: VoidReason.optional(),
  members: z.object({ total: z.int(), present: z.int(), writtenVotes: z.int(), participating: z.int() }),
  ballots: z.object({ issued: z.int(), collected: z.int(), valid: z.int(), invalid: z.int() }),
  invalidBallots: z.array(z.object({ number: z.int(), reasons: z.array(InvalidReason) })),
  base: z.int(),
  candidates: z.array(CandidateResult),
  forms: z.array(FormResult),
  /** Of the ballots counted; absent on rounds tallied before the tally kept it. */
  fingerprint: BallotsFingerprint.optional(),
});
export type TallyResult = z.infer<typeof TallyResult>;
