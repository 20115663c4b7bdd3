import { z } from 'zod';
import { Nomination, NominationChange } from '#shared/nomination';
import { NominationStatus } from '#shared/status';
import { Issue } from './issue';
import { QuotaUsage } from './quota';

/** 5,000 rows of a sheet fit in one request under Lambda's 6 MB; a client sends more as several batches. */
export const MAX_BATCH_ROWS = 5000;

/** POST /campaigns/{id}/nominations/batch: only the changed rows, each with the version its client saw. */
export const SaveBatchRequest = z.strictObject({ rows: z.array(NominationChange).min(1).max(MAX_BATCH_ROWS) });
export type SaveBatchRequest = z.infer<typeof SaveBatchRequest>;

/** A retried save sends the same key: the server answers it once. */
export const IdempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/);

export const SaveBatchHeaders = z.object({ 'Idempotency-Key': IdempotencyKey.optional() });

export const RowResult = z.object({
  rowKey: z.string().optional(),
  /** Absent for a new row that was refused: it was never stored. */
  id: z.string().optional(),
  outcome: z.enum(['saved', 'conflict', 'refused']),
  version: z.int().optional(),
  status: NominationStatus.optional(),
  /** Set when the server filled it in (the day a submission reached the HR office). */
  receivedDate: z.string().optional(),
  issues: z.array(Issue),
  /** Fields holding text that a sheet would read as a formula: write them as text. */
  textFields: z.array(z.string()),
  /** The server's row, for a conflict: the client shows both and lets the user choose. */
  current: Nomination.partial().optional(),
  refusal: Issue.optional(),
});
export type RowResult = z.infer<typeof RowResult>;

/** Another nomination whose findings a save changed (rule 8 across rows), with its findings now. */
export const RelatedRow = z.object({ id: z.string(), version: z.int(), status: NominationStatus, issues: z.array(Issue) });
export type RelatedRow = z.infer<typeof RelatedRow>;

export const SaveBatchResult = z.object({
  rows: z.array(RowResult),
  /** Places used and candidates of every quota after the save: the pane's quota panel and quota findings. */
  quotaUsage: z.array(QuotaUsage),
  /**
   * The nominations outside the batch whose duplicate finding the save changed (they became or stopped
   * being duplicates of a saved row, or their count moved), as far as the user may read them: with the
   * rows and the quota usage, all the pane needs to bring its findings up to date without a full report.
   */
  related: z.array(RelatedRow),
  summary: z.object({ saved: z.int(), conflicts: z.int(), refused: z.int(), errors: z.int(), warnings: z.int() }),
});
export type SaveBatchResult = z.infer<typeof SaveBatchResult>;
