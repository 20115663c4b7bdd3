import type { StoredCampaign } from './campaign';
import type { Issue } from './issues';
import type { Nomination } from './nomination';
import type { Person, Unit, User } from './org';
import type { QuotaUsage, ValidationReport } from './rules/index';
import type { NominationStatus } from './status';

/** The answers of the HTTP API, shared by the handlers that send them and the add-in that reads them. */
export interface RowResult {
  rowKey?: string;
  /** Absent for a new row that was refused: it was never stored. */
  id?: string;
  outcome: 'saved' | 'conflict' | 'refused';
  version?: number;
  status?: NominationStatus;
  /** Set when the server filled it in (the day a submission reached the HR office). */
  receivedDate?: string;
  issues: Issue[];
  /** Fields holding text that a sheet would read as a formula: write them as text. */
  textFields: string[];
  /** The server's row, for a conflict: the client shows both and lets the user choose. */
  current?: Partial<Nomination>;
  refusal?: Issue;
}

/** Another nomination whose findings a save changed (rule 8 across rows), with its findings now. */
export interface RelatedRow {
  id: string;
  version: number;
  status: NominationStatus;
  issues: Issue[];
}

export interface SaveBatchResult {
  rows: RowResult[];
  /** Places used and candidates of every quota after the save: the pane's quota panel and quota findings. */
  quotaUsage: QuotaUsage[];
  /**
   * The nominations outside the batch whose duplicate finding the save changed (they became or stopped
   * being duplicates of a saved row, or their count moved), as far as the user may read them: with the
   * rows and the quota usage, all the pane needs to bring its findings up to date without a full report.
   */
  related: RelatedRow[];
  summary: { saved: number; conflicts: number; refused: number; errors: number; warnings: number };
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export type { Nomination, Person, QuotaUsage, StoredCampaign, Unit, User, ValidationReport };
