import { z } from 'zod';
import { CompactBallot } from '#shared/council/ballot-codec';
import { Attendance } from '#shared/council/round';
import { MAX_BALLOTS, RoundId } from './round';

/**
 * A round's ballots sent in parts (issue 13): 10,000 ballots of 200 candidates are too many for one
 * request even compact, and a dropped network must not make the secretary send them all again. The pane
 * declares the upload (how many ballots, in how many parts, the mark its bits stand for), sends each part
 * (the same part twice is harmless), asks which parts arrived when it lost track, and completes it: the
 * server then replaces the round's ballots exactly as `PUT …/ballots` does. An upload never completed is
 * forgotten after a day.
 */

/** A part's body is at most about 1 MB (Lambda takes 6 MB; a part that small is quick to send again). */
export const MAX_BALLOT_PART_BYTES = 1024 * 1024;
/** 10,000 ballots of 1,000 candidates are about 1.8 MB compact: a hundred parts leave room for any round. */
export const MAX_BALLOT_PARTS = 100;

export const BallotUploadId = z.string().regex(/^[0-9a-f]{32}$/, 'an upload id');
export const BallotPartNumber = z.string().regex(/^(0|[1-9][0-9]?)$/, 'a part number, 0–99');

export const CreateBallotUploadRequest = z.strictObject({
  /** How many ballots the parts hold together. */
  ballots: z.int().min(0).max(MAX_BALLOTS),
  parts: z.int().min(1).max(MAX_BALLOT_PARTS),
  /** The mark the ballots' bits stand for (shared/council/ballot-codec.ts): the round's agreed mark as written. */
  mark: z.string().max(20),
  /** Replaces the round's attendance on completion, as `PUT …/ballots` does. */
  attendance: Attendance.optional(),
});
export type CreateBallotUploadRequest = z.infer<typeof CreateBallotUploadRequest>;

/** One part: the compact ballots at positions `first`, `first + 1`, … of the whole list. */
export const BallotUploadPart = z.strictObject({
  first: z.int().min(0).max(MAX_BALLOTS),
  ballots: z.array(CompactBallot).max(MAX_BALLOTS),
});
export type BallotUploadPart = z.infer<typeof BallotUploadPart>;

export const BallotUpload = z.object({
  uploadId: BallotUploadId,
  roundId: RoundId,
  ballots: z.int(),
  parts: z.int(),
  mark: z.string(),
  /** The parts that arrived, in order: the pane sends the others. */
  received: z.array(z.int()),
  status: z.enum(['open', 'completed']),
  /** Once completed: the round's ballotsVersion it made. */
  ballotsVersion: z.int().optional(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** After this, an upload not completed is forgotten. */
  expiresAt: z.string(),
});
export type BallotUpload = z.infer<typeof BallotUpload>;

/** What a part's PUT answers: that this part is stored. */
export const BallotPartReceipt = z.object({ uploadId: BallotUploadId, part: z.int(), first: z.int(), ballots: z.int() });
export type BallotPartReceipt = z.infer<typeof BallotPartReceipt>;
