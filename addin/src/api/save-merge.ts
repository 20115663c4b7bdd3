import type { SaveBatchResult } from '#shared/api/save';

const EMPTY_SUMMARY: SaveBatchResult['summary'] = { saved: 0, conflicts: 0, refused: 0, errors: 0, warnings: 0 };

/**
 * The answers of several parts as one: rows in order, quota usage from the last part (the latest), the
 * related rows each as the latest part saw it, less those a later part saved itself.
 */
export function mergeSaveResults(results: readonly SaveBatchResult[]): SaveBatchResult {
  const summary = { ...EMPTY_SUMMARY };
  const related = new Map<string, SaveBatchResult['related'][number]>();
  for (const result of results) {
    for (const key of Object.keys(summary) as (keyof typeof summary)[]) summary[key] += result.summary[key];
    for (const row of result.related ?? []) related.set(row.id, row);
  }
  const rows = results.flatMap((result) => result.rows);
  for (const row of rows) if (row.id && row.outcome === 'saved') related.delete(row.id);
  return { rows, quotaUsage: results.at(-1)?.quotaUsage ?? [], related: [...related.values()], summary };
}
