import type { Language } from '#shared/localized';
import { formatDateVi } from '#shared/dates';
import type { CellValue, ColumnDef } from '#shared/sheet/columns';
import { serialToIso } from '#shared/sheet/excel-dates';
import type { ParsedRow } from '#shared/sheet/parse-row';
import { rowHash } from '#shared/sheet/row-hash';

/** The fingerprint a save finds its rows by: one implementation, the gateway's (excel/relocate.ts). */
export { contentFingerprint } from '#addin/excel/relocate';

/**
 * The language of what the add-in writes into the workbook (messages, notes, statuses): the campaign's,
 * Vietnamese. The workbook is shared, so one user's English pane must not rewrite it in English.
 */
export const SHEET_LANGUAGE: Language = 'vi';

/** Small helpers over rows of cells laid out by the column schema. */

export function columnPosition(columns: readonly ColumnDef[], columnId: string): number {
  return columns.findIndex((column) => column.id === columnId);
}

export function cellOf(values: readonly CellValue[], columns: readonly ColumnDef[], columnId: string): CellValue {
  const index = columnPosition(columns, columnId);
  return index < 0 ? null : (values[index] ?? null);
}

export function cellText(values: readonly CellValue[], columns: readonly ColumnDef[], columnId: string): string {
  const value = cellOf(values, columns, columnId);
  if (value === null || value === undefined) return '';
  const text = String(value).trim();
  return text.startsWith("'") ? text.slice(1) : text;
}

/** A copy of the row with some cells replaced (by column id), padded to the schema's width. */
export function withCells(values: readonly CellValue[], columns: readonly ColumnDef[], cells: Record<string, CellValue>): CellValue[] {
  const copy = columns.map((_, index) => values[index] ?? null);
  for (const [columnId, value] of Object.entries(cells)) {
    const index = columnPosition(columns, columnId);
    if (index >= 0) copy[index] = value;
  }
  return copy;
}

/** The row with its bookkeeping as the server now holds it, and the fingerprint of exactly that. */
export function withSystem(values: readonly CellValue[], columns: readonly ColumnDef[], id: string, version: number) {
  const cells = withCells(values, columns, { id, version, rowHash: '' });
  const hash = rowHash(cells, columns);
  return { cells: withCells(cells, columns, { rowHash: hash }), hash };
}

/** Changed since the server last saw it: new (no id), or its cells no longer match the stored fingerprint (`hash`: theirs, when known). */
export function isDirty(parsed: ParsedRow, values: readonly CellValue[], columns: readonly ColumnDef[], hash?: string): boolean {
  if (parsed.empty && !parsed.id) return false;
  return !parsed.id || parsed.rowHash !== (hash ?? rowHash(values, columns));
}

/** A cell as a person reads it: dates as dd/MM/yyyy. */
export function displayCell(value: CellValue | undefined, column: ColumnDef): string {
  if (value === null || value === undefined) return '';
  if (column.format === 'date' && typeof value === 'number') return formatDateVi(serialToIso(value));
  const text = String(value);
  return text.startsWith("'") ? text.slice(1) : text;
}
