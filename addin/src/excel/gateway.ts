import type { CellValue, ColumnDef } from '#shared/sheet/columns';

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
  /**
   * The ids kept in the workbook by the last load or save (replaceRows / writeResults `knownIds`), read in
   * the same round trip as the rows: they tell a row the user deleted from one never loaded.
   */
  knownIds: string[];
}

/** What the controller knew of a row when it read it (readRows), to find the row again when it writes. */
export interface RowExpectation {
  /** The id cell as read; absent for a row without an id (a new row). */
  id?: string;
  /** contentFingerprint (relocate.ts) of the row's cells as read. */
  fingerprint: string;
}

/** A save's result for one row: `rowIndex` is the row's index at the read, `expect` what it held then. */
export interface ResultWrite extends RowWrite {
  expect: RowExpectation;
}

export interface ResultsBatch {
  /** The rows the read returned (snapshot.rows.length): with it, a sheet where nothing moved is told apart. */
  rowCountAtRead: number;
  writes: readonly ResultWrite[];
  /** When given, kept in the workbook (see SheetSnapshot.knownIds), in the same request as the results' last part. */
  knownIds?: readonly string[];
}

/** Where a result went: `exact` false when the row was edited meanwhile (its values were left as typed). */
export interface RowPlacement {
  rowIndex: number;
  exact: boolean;
}

export interface WriteReport {
  /** One per write, in order; undefined when its row was not found (deleted, or edited and moved): not written. */
  placements: (RowPlacement | undefined)[];
  /** The id cell of every body row once written, in sheet order ('' for a row without one). */
  ids: string[];
}

export interface ExcelGateway {
  /** Finds or creates the worksheet and its table, laid out from the column schema. */
  ensureSheet(columns: readonly ColumnDef[]): Promise<void>;
  /** Reads every row of the table body and the known ids (one sync). */
  readRows(columns: readonly ColumnDef[]): Promise<SheetSnapshot>;
  /**
   * Replaces the table body with these rows (a load from the server): values, then formats; the known
   * ids, when given, in the same batch.
   */
  replaceRows(columns: readonly ColumnDef[], rows: readonly RowWrite[], options?: { knownIds?: readonly string[] }): Promise<void>;
  /**
   * Writes the results of a save onto the rows they came from, found again in the sheet as it is now
   * (relocate.ts: same content, wherever it moved; or, nothing having moved, the same row edited
   * meanwhile, then without its values): values before formats, stale notes of the add-in replaced, and
   * the known ids, all in one batch. A row not found is not written and is reported so. One read (two
   * when the sheet holds notes: their cells) and one write, whatever the number of rows, unless the
   * writes exceed what one request may carry (5 MB).
   */
  writeResults(columns: readonly ColumnDef[], batch: ResultsBatch): Promise<WriteReport>;
  /**
   * One row's results after a change made outside a save (a dossier file): the row found by its id where
   * readRow last read it, its derived and results cells, fill and notes, in one request; when the row
   * moved or its notes changed since, as writeResults does. Undefined when the row is not found.
   */
  writeRow(columns: readonly ColumnDef[], write: ResultWrite): Promise<RowPlacement | undefined>;
  /** Selects a cell of the table body, to show the user where an issue is. */
  selectCell(columns: readonly ColumnDef[], rowIndex: number, columnId: string): Promise<void>;
  /** The table-body row indexes the user has selected. */
  selectedRowIndexes(): Promise<number[]>;
  /**
   * One row of the table body, cells in column order (one sync, which also notes the notes on its cells
   * for writeRow); undefined past the body or on its blank last row.
   */
  readRow(columns: readonly ColumnDef[], rowIndex: number): Promise<CellValue[] | undefined>;
  /** Calls `onEdit` when the user (not the add-in) changes the table; returns the unsubscribe. */
  onUserEdit(onEdit: () => void): Promise<() => Promise<void>>;
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
