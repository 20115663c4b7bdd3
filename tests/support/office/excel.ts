/**
 * The stand-in Excel host (tests/e2e/host: the workbook model and Office.js's Excel API over it) in
 * node, for the add-in's unit tests: the same emulator the e2e page runs in Chromium, so that an Excel
 * behaviour is modelled once. A test gives `excel` and `isSetSupported` to the add-in's Excel code and
 * asserts on the workbook (cells, formats, notes, validations, page layout, events), on the host's
 * stats (syncs, request and response bytes, gaps: anything the add-in reached for that the host lacks)
 * and, when asked, on the operations each request ran.
 */
import type { ExcelHost as AddinExcelHost } from '#addin/excel/office-gateway';
import { ExcelHost, type ExcelHostOptions } from '#tests/e2e/host/excel-api';
import { type Sheet, Table, Workbook } from '#tests/e2e/host/model';
import { DEFAULT_REQUIREMENTS, versionAtMost, type RequirementSets } from '#tests/e2e/host/office';
import type { Scalar } from '#tests/e2e/host/values';

export { a1 } from '#tests/e2e/host/model';

export interface StandInExcel {
  workbook: Workbook;
  host: ExcelHost;
  /** What the add-in's Excel code takes as its `excel` (Excel.run). */
  excel: AddinExcelHost;
  isSetSupported(name: string, version: string): boolean;
}

export function standInExcel(options: ExcelHostOptions & { requirements?: RequirementSets } = {}): StandInExcel {
  const workbook = new Workbook();
  const host = new ExcelHost(workbook, { logOperations: true, ...options });
  const requirements = options.requirements ?? DEFAULT_REQUIREMENTS;
  return {
    workbook,
    host,
    excel: host.namespace as unknown as AddinExcelHost,
    isSetSupported: (name, version) => requirements[name] !== undefined && versionAtMost(version, requirements[name]),
  };
}

/** A sheet's values from A1 to its last used cell, row by row, as text. */
export function grid(sheet: Sheet): string[][] {
  const used = sheet.usedRect(true);
  if (!used) return [];
  return Array.from({ length: used.row + used.rows }, (_, r) =>
    Array.from({ length: used.column + used.columns }, (_, c) => String(sheet.value(r, c) as Scalar)),
  );
}

/**
 * A table laid out at (top, left) with these headers and body rows, as a person (or an older version of
 * the add-in) might have left it; values are put as they are, unparsed. A table keeps one body row.
 */
export function putTable(
  workbook: Workbook,
  sheet: Sheet,
  name: string,
  headers: readonly string[],
  rows: readonly (readonly (Scalar | null)[])[],
  top = 0,
  left = 0,
): Table {
  headers.forEach((header, c) => (sheet.ensure(top, left + c).value = header));
  putRows(sheet, top + 1, left, rows);
  const table = new Table(name, sheet, top, left, headers.length, Math.max(rows.length, 1));
  workbook.tables.push(table);
  return table;
}

/** Values put straight into cells from (row, column), unparsed, raising nothing (null: left as it is). */
export function putRows(sheet: Sheet, row: number, column: number, rows: readonly (readonly (Scalar | null)[])[]): void {
  rows.forEach((values, r) => values.forEach((value, c) => value !== null && (sheet.ensure(row + r, column + c).value = value)));
}

/** A note a person left on a cell. */
export function putNote(sheet: Sheet, row: number, column: number, content: string): void {
  sheet.notes.push({ id: `person-${row}-${column}`, row, column, content });
}

/** Lets the events Excel raises after a change reach their handlers (it raises them after the task). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}
