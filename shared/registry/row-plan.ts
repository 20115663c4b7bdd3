import type { OrgFinding, OrgRowResult, RemovedResult } from '#shared/api/org-sheets';
import { findings } from './findings';

/**
 * What every org sheet's save does to its rows before its own checks: a code given twice in one save
 * refuses the later rows, a row saved over a version someone else changed since is refused, and a row
 * that changes nothing stored is left unwritten (so a save costs what changed, not what was sent).
 */
export interface RowIn<T> {
  rowKey: string;
  version?: number | undefined;
  record: T;
}

export interface RowOut<T> {
  rowKey: string;
  record: T & { id: string; version: number };
  findings: OrgFinding[];
}

export interface RowPlan<T> {
  refused: OrgRowResult[];
  unchanged: OrgRowResult[];
  /** Rows to check further, with their code (given when new) and the version they will be stored at. */
  accepted: RowOut<T>[];
}

export function planRows<T extends { id?: string | undefined }>(
  rows: readonly RowIn<T>[],
  stored: ReadonlyMap<string, T & { version?: number | undefined }>,
  newId: () => string,
  same: (a: T, b: T) => boolean,
): RowPlan<T> {
  const plan: RowPlan<T> = { refused: [], unchanged: [], accepted: [] };
  const seen = new Map<string, string>();
  for (const row of rows) {
    const id = row.record.id;
    const refuse = (finding: OrgFinding) =>
      plan.refused.push({ rowKey: row.rowKey, ...(id ? { id } : {}), outcome: 'refused', findings: [finding] });
    if (id && seen.has(id)) {
      refuse(findings.duplicateCode(id, seen.get(id)!));
      continue;
    }
    if (id) seen.set(id, row.rowKey);
    const before = id ? stored.get(id) : undefined;
    const storedVersion = before?.version ?? 1;
    if (before && row.version !== undefined && row.version !== storedVersion) {
      refuse(findings.stale(storedVersion));
      continue;
    }
    if (before && same(before, row.record)) {
      plan.unchanged.push({ rowKey: row.rowKey, id: id!, outcome: 'unchanged', version: storedVersion, findings: [] });
      continue;
    }
    const record = { ...row.record, id: id ?? newId(), version: before ? storedVersion + 1 : 1 };
    plan.accepted.push({ rowKey: row.rowKey, record, findings: [] });
  }
  return plan;
}

/** Two records alike but for their version: what a save compares (JSON of sorted keys, blanks left out). */
export function sameRecord(a: object, b: object): boolean {
  const canonical = (record: object) =>
    JSON.stringify(
      Object.entries(record)
        .filter(([key, value]) => key !== 'version' && value !== undefined && value !== false && value !== '')
        .sort(([x], [y]) => (x < y ? -1 : 1)),
    );
  return canonical(a) === canonical(b);
}

/** The row results of a plan and its accepted rows, in the order of the request. */
export function rowResults<T>(order: readonly { rowKey: string }[], plan: RowPlan<T>, accepted: readonly OrgRowResult[]): OrgRowResult[] {
  const byKey = new Map([...plan.refused, ...plan.unchanged, ...accepted].map((result) => [result.rowKey, result]));
  return order.map((row) => byKey.get(row.rowKey)!).filter(Boolean);
}

/**
 * The answer once the writes are done: a row or removal whose record someone else changed (or deleted)
 * between the save's read and its write is refused as stale, with the version now; nothing of it was written.
 */
export function withConflicts(
  results: readonly OrgRowResult[],
  removed: readonly RemovedResult[],
  conflicts: ReadonlyMap<string, number | undefined>,
): { results: OrgRowResult[]; removed: RemovedResult[] } {
  if (conflicts.size === 0) return { results: [...results], removed: [...removed] };
  return {
    results: results.map((result) =>
      result.id !== undefined && conflicts.has(result.id) && result.outcome === 'saved'
        ? { rowKey: result.rowKey, id: result.id, outcome: 'refused', findings: [findings.stale(conflicts.get(result.id))] }
        : result,
    ),
    removed: removed.map((result) =>
      conflicts.has(result.id) ? { id: result.id, outcome: 'kept', reason: findings.stale(conflicts.get(result.id)).message } : result,
    ),
  };
}
