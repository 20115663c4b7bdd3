import type { NominationStatus } from '#shared/status';
import type { IdempotencyMemory } from './idempotency';

/** What a save or a list of the client may be told: progress callbacks, keys, filters. */

export interface SaveProgress {
  /** Rows whose part has been answered. */
  sentRows: number;
  totalRows: number;
  /** The part being sent (1-based), 0 before the first. */
  chunk: number;
  chunks: number;
}

export interface SaveOptions {
  onProgress?: (progress: SaveProgress) => void;
  /** Keys are `${sessionId}.${chunkIndex}`: stable across the retries of one part. */
  sessionId?: string;
  /** Keys of bodies sent before with an unknown outcome, reused when the same body is sent again. */
  keys?: IdempotencyMemory;
}

export interface ListProgress {
  loaded: number;
  pages: number;
}

export interface ListOptions {
  onProgress?: (progress: ListProgress) => void;
  unitId?: string;
  status?: NominationStatus;
  pageSize?: number;
}
