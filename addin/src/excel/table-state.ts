/// <reference types="office-js" />
import { TABLE_NAME, type CellValue, type ColumnDef } from '../../../shared/sheet/columns';
import { NoteListing, type ExistingNote, type NoteApi } from './cell-notes';
import { errorCode, failure } from './excel-errors';
import type { RowWrite } from './gateway';
import { fromExcelValue, isBlankRow, mapColumns, type ColumnMap } from './layout';

/** Reading the table: its rows for readRows, and what a write must know before it writes. */

type Sync = (context: Excel.RequestContext) => Promise<void>;

export interface TableState {
  map: ColumnMap;
  /** The body's top-left cell on the sheet, 0-based. */
  bodyRow: number;
  bodyColumn: number;
  rowCount: number;
  /** The notes (or comments) on the table's sheet, by sheet row and column. */
  notes: ExistingNote[];
  /** The id column as it is now (writeResults only): [[id], [id], ...]. */
  ids?: unknown[][];
}

/**
 * The header (where each schema column is), the body's place and size, the notes on its sheet and,
 * for writeResults, the ids in the sheet now. One round trip, two when the sheet holds notes.
 */
export async function readTableState(
  context: Excel.RequestContext,
  columns: readonly ColumnDef[],
  options: { withIds: boolean; noteApi: NoteApi; sync: Sync },
): Promise<TableState> {
  const table = context.workbook.tables.getItem(TABLE_NAME);
  const header = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load('rowIndex,columnIndex,rowCount');
  const idColumn = columns.find((column) => column.id === 'id');
  const ids = options.withIds && idColumn ? table.columns.getItem(idColumn.header).getDataBodyRange().load('values') : undefined;
  const listing = new NoteListing(options.noteApi, context, table.worksheet);
  listing.queueCollection();
  await options.sync(context);
  const map = requireColumns(columns, header.values[0] ?? []);
  if (listing.queueLocations()) await options.sync(context);
  return {
    map,
    bodyRow: body.rowIndex,
    bodyColumn: body.columnIndex,
    rowCount: body.rowCount,
    notes: listing.existing(),
    ...(ids ? { ids: ids.values } : {}),
  };
}

/** The notes inside the table body, with body-relative rows and table-relative columns. */
export function notesInBody(state: TableState): ExistingNote[] {
  return state.notes
    .map((note) => ({ ...note, row: note.row - state.bodyRow, column: note.column - state.bodyColumn }))
    .filter((note) => note.row >= 0 && note.row < state.rowCount && note.column >= 0 && note.column < state.map.width);
}

/**
 * A table missing a schema column is refused rather than read as blanks: a save would send those
 * blanks and erase the field on the server. ensureSheet adds the column back.
 */
export function requireColumns(columns: readonly ColumnDef[], header: readonly unknown[]): ColumnMap {
  const map = mapColumns(columns, header);
  if (map.missing.length > 0) throw failure('ColumnsMissing');
  return map;
}

/** The body as rows of schema columns; a table whose only row is blank is an empty table. */
export function toSchemaRows(columns: readonly ColumnDef[], header: readonly unknown[], body: readonly unknown[][]): CellValue[][] {
  const { tableIndex } = requireColumns(columns, header);
  const rows = body.map((row) => tableIndex.map((column) => fromExcelValue(row[column])));
  return rows.length === 1 && isBlankRow(rows[0]!) ? [] : rows;
}

/**
 * Results are written by row position, read before the save went to the server. If the rows moved
 * meanwhile (a sort, a row inserted or deleted), a row's id no longer matches and writing would put one
 * nomination's id and version on another row, which the next save would overwrite with the wrong data.
 */
export function guardRows(columns: readonly ColumnDef[], state: TableState, writes: readonly RowWrite[]): void {
  const idIndex = columns.findIndex((column) => column.id === 'id');
  for (const write of writes) {
    if (write.rowIndex < 0 || write.rowIndex >= state.rowCount) throw failure('RowsMoved');
    const expected = write.system?.id ?? (write.values && idIndex >= 0 ? String(write.values[idIndex] ?? '') : '');
    const current = String(state.ids?.[write.rowIndex]?.[0] ?? '').trim();
    if (expected && current && current !== expected) throw failure('RowsMoved');
  }
}

/**
 * readRows' fallback when Excel on the web refuses a response over 5 MB: the body read again in halves,
 * each halved again while still too large (round trips grow with size / 5 MB, only on this path).
 */
export async function readRowsInSlices(context: Excel.RequestContext, columns: readonly ColumnDef[], sync: Sync): Promise<CellValue[][]> {
  const table = context.workbook.tables.getItem(TABLE_NAME);
  const header = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load('rowCount,columnCount');
  await sync(context);
  const read = async (start: number, count: number, depth: number): Promise<unknown[][]> => {
    const slice = body.getCell(start, 0).getResizedRange(count - 1, body.columnCount - 1).load('values');
    try {
      await sync(context);
      return slice.values;
    } catch (error) {
      if (errorCode(error) !== 'ResponsePayloadSizeLimitExceeded' || count < 2 || depth > 12) throw error;
      const half = Math.ceil(count / 2);
      return [...(await read(start, half, depth + 1)), ...(await read(start + half, count - half, depth + 1))];
    }
  };
  const half = Math.ceil(body.rowCount / 2);
  const values = body.rowCount < 2 ? await read(0, body.rowCount, 0) : [...(await read(0, half, 1)), ...(await read(half, body.rowCount - half, 1))];
  return toSchemaRows(columns, header.values[0] ?? [], values);
}
