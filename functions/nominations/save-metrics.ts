import type { SaveBatchResult } from '#shared/api/save';
import { METRIC, recordMetric } from '#functions/commons/powertools';

/** A save's rows in the metrics and its log line: written, refused, stale. A retry answered from its key is not counted again. */
export function recordSave(result: SaveBatchResult): SaveBatchResult {
  recordMetric(METRIC.savedRows, result.summary.saved);
  recordMetric(METRIC.refusedRows, result.summary.refused);
  recordMetric(METRIC.conflicts, result.summary.conflicts);
  return result;
}
