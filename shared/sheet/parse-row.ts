import type { Localized } from '#shared/localized';
import { NominationFields } from '#shared/nomination';
import { isBlankInput, type CellValue, type RowReader } from './cells';
import type { ColumnDef } from './columns';

/** A cell the add-in cannot turn into a nomination field: shown at once, and the row is not sent. */
export interface CellProblem {
  columnId: string;
  message: Localized;
}

export interface ParsedRow {
  id?: string;
  version?: number;
  rowHash?: string;
  /** The nomination as typed; absent when a problem keeps the row from being sent. */
  fields?: NominationFields;
  problems: CellProblem[];
  /** Every input cell is blank: the row is not a nomination (Excel tables keep blank rows around). */
  empty: boolean;
}

/**
 * One sheet row back into what the server takes: each column reads its own cell (columns.ts), left to
 * right. Only what cannot be sent at all is a problem here; the plan's rules are the server's.
 */
export function parseRow(values: readonly CellValue[], columns: readonly ColumnDef[]): ParsedRow {
  const problems: CellProblem[] = [];
  const empty = isBlankInput(values, columns);
  const row: Record<string, unknown> = {};
  columns.forEach((column, index) => {
    if (!column.read || (empty && column.role === 'input')) return;
    const reader: RowReader = { row, problem: (vi, en) => problems.push({ columnId: column.id, message: { vi, en } }) };
    column.read(values[index] ?? null, reader);
  });

  const { id, version, rowHash, ...fields } = row as { id?: string; version?: number; rowHash?: string };
  const base: ParsedRow = { problems, empty, ...(id ? { id } : {}), ...(version ? { version } : {}), ...(rowHash ? { rowHash } : {}) };
  if (empty || problems.length > 0) return base;
  const parsed = NominationFields.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column = columns.find((c) => c.field === field) ?? columns.find((c) => c.role === 'input')!;
      problems.push({
        columnId: column.id,
        message: { vi: `Giá trị không hợp lệ: ${issue.message}`, en: `Invalid value: ${issue.message}` },
      });
    }
    return base;
  }
  return { ...base, fields: parsed.data };
}
