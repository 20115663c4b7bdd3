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

export interface SaveBatchResult {
  rows: RowResult[];
  quotaUsage: QuotaUsage[];
  summary: { saved: number; conflicts: number; refused: number; errors: number; warnings: number };
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export type { Nomination, Person, QuotaUsage, StoredCampaign, Unit, User, ValidationReport };
