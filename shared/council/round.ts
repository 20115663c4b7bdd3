import { z } from 'zod';
import { Id } from '#shared/org';

/** A candidate of a round: an eligible nomination (or one tied in the previous round). */
export const Candidate = z.strictObject({
  nominationId: Id,
  awardForm: z.string().min(1).max(40),
  name: z.string().min(1).max(200),
  nomineeKind: z.enum(['collective', 'individual']),
  unitName: z.string().max(200).default(''),
  /** The law prefers women among otherwise equal candidates: the tally shows it, never decides it. */
  female: z.boolean().default(false),
  /** Why an administrator found the nomination eligible despite its findings: the council sees it. */
  overrideReason: z.string().max(500).optional(),
});
export type Candidate = z.infer<typeof Candidate>;

/** One award form in a round: its places are the quota minus the places already filled. */
export const RoundForm = z.strictObject({ awardForm: z.string().min(1).max(40), places: z.int().min(0).max(1000) });
export type RoundForm = z.infer<typeof RoundForm>;

/** A numbered, anonymous ballot: the mark written beside each candidate (blank cells left out). */
export const Ballot = z.strictObject({
  number: z.int().min(1).max(100_000),
  marks: z.record(z.string().max(64), z.string().max(20)),
});
export type Ballot = z.infer<typeof Ballot>;

export const Attendance = z.strictObject({
  /** Members present at the meeting. */
  present: z.int().min(0).max(1000),
  /** Absent members who voted in writing (counted only where the council allows it). */
  writtenVotes: z.int().min(0).max(1000),
});
export type Attendance = z.infer<typeof Attendance>;

/** What a tally needs: who stands for which places, who took part, and the ballots. */
export interface RoundInput {
  candidates: readonly Candidate[];
  forms: readonly RoundForm[];
  attendance: Attendance;
  ballots: readonly Ballot[];
}
