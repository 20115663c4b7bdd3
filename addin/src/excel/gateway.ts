import type { CellValue, ColumnDef } from '../../../shared/sheet/columns';

/**
 * Everything the add-in asks of Excel, in the terms of the nomination sheet. The one implementation
 * over Office.js lives in this folder (office-gateway.ts); nothing outside addin/src/excel/ touches
 * Office.js. Each method is one Excel.run with a constant number of context.sync calls, whatever the
 * number of rows.
 */
export type RowMark = 'ok' | 'warning' | 'error' | 'unsaved' | 'conflict' | 'problem';

/** What to write onto one row of the table body after a load or a save. */
export interface RowWrite {
  /** 0-based index in the table body (row 0 is the first row under the header). */
  rowIndex: number;
  /** The whole row's cells, in column order (a row loaded from the server, or the server's side of a conflict). */
  values?: CellValue[];
  /** The bookkeeping after a save: id, version and the fingerprint of what the server now holds. */
  system?: { id: string; version: number; rowHash: string };
  /** The text of the messages column ("Kết quả kiểm tra"). */
  messages: string;
  /** The fill of the row, by its worst finding. */
  mark: RowMark;
  /** A note on each offending cell, naming the rule. */
  notes: { columnId: string; text: string }[];
}

export interface SheetSnapshot {
  /** Every row of the table body, in sheet order, cells in column order. */
  rows: CellValue[][];
}

export interface ExcelGateway {
  /** Finds or creates the worksheet and its table, laid out from the column schema. */
  ensureSheet(columns: readonly ColumnDef[]): Promise<void>;
  /** Reads every row of the table body (one sync). */
  readRows(columns: readonly ColumnDef[]): Promise<SheetSnapshot>;
  /** Replaces the table body with these rows (a load from the server): values, then formats. */
  replaceRows(columns: readonly ColumnDef[], rows: readonly RowWrite[]): Promise<void>;
  /** Writes the results of a save onto the rows: values before formats, notes, in one batch. */
  writeResults(columns: readonly ColumnDef[], writes: readonly RowWrite[]): Promise<void>;
  /** Selects a cell of the table body, to show the user where an issue is. */
  selectCell(columns: readonly ColumnDef[], rowIndex: number, columnId: string): Promise<void>;
  /** The table-body row indexes the user has selected. */
  selectedRowIndexes(): Promise<number[]>;
  /** Calls `onEdit` when the user (not the add-in) changes the table; returns the unsubscribe. */
  onUserEdit(onEdit: () => void): Promise<() => Promise<void>>;
  /** The ids the sheet held after the last load or save, kept in the workbook (to tell deleted rows). */
  readKnownIds(): Promise<string[]>;
  writeKnownIds(ids: readonly string[]): Promise<void>;
  /** context.sync calls made so far: round trips are what users wait for. */
  readonly syncCount: number;
}

/** An Excel failure, by its error.code, with what to tell the user. */
export class ExcelFailure extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: { vi: string; en: string },
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage.en}`, options);
  }
}
