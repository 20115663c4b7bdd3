/// <reference types="office-js" />
import { TABLE_NAME, type CellValue, type ColumnDef } from '#shared/sheet/columns';
import { NoteListing, type ExistingNote, type NoteApi } from './cell-notes';
import { errorCode, failure } from './excel-errors';
import { fromExcelValue, isBlankRow, mapColumns, type ColumnMap } from './layout';

/** Reading the table: its rows and the known ids for readRows, and what a write must know before it writes. */

type Sync = (context: Excel.RequestContext) => Promise<void>;

/** One workbook setting, as JSON: the ids survive closing the pane and the file. */
export const KNOWN_IDS_SETTING = 'thidua.knownIds';

export interface ReadOptions {
  /** The body's values, as rows of schema columns (readRows, writeResults). */
  values?: boolean;
  /** Where the body sits on its sheet (the writes: they address cells and notes). */
  position?: boolean;
  /** The known ids setting. */
  knownIds?: boolean;
  /** The notes (or comments) on the table's sheet: listed, not yet located (see locateNotes). */
  noteApi?: NoteApi;
  sync: Sync;
}

export interface TableRead {
  map: ColumnMap;
  /** The body's top-left cell on the sheet, 0-based (with `position`). */
  bodyRow: number;
  bodyColumn: number;
  rowCount: number;
  /** With `values`: the body as rows of schema columns; a table whose only row is blank has none. */
  rows: CellValue[][];
  /** With `knownIds`: the ids the workbook keeps ([] when none or damaged). */
  knownIds: string[];
  notes: NoteListing | undefined;
}

/** What a write knows of the table: where it is, how tall, and the notes on its sheet, located. */
export interface TableState {
  map: ColumnMap;
  bodyRow: number;
  bodyColumn: number;
  rowCount: number;
  notes: ExistingNote[];
}

/**
 * The header (where each schema column is) and what `options` asks for, in one round trip. When Excel
 * on the web refuses an answer over 5 MB, the same is asked again without the values, which are then
 * read in slices, each under the limit (round trips grow with size / 5 MB, only on this path).
 */
export async function readTable(context: Excel.RequestContext, columns: readonly ColumnDef[], options: ReadOptions): Promise<TableRead> {
  const queue = (withValues: boolean) => {
    const table = context.workbook.tables.getItem(TABLE_NAME);
    const properties = [
      ...(withValues ? ['values'] : []),
      ...(options.position ? ['rowIndex', 'columnIndex', 'rowCount'] : []),
      ...(options.values && !withValues ? ['rowCount', 'columnCount'] : []),
    ];
    const header = table.getHeaderRowRange().load('values');
    const body = table.getDataBodyRange();
    // The rule sees a computed list as no list; it is never empty here.
    // eslint-disable-next-line office-addins/no-empty-load
    if (properties.length > 0) body.load([...new Set(properties)].join(','));
    const setting = options.knownIds ? context.workbook.settings.getItemOrNullObject(KNOWN_IDS_SETTING).load('value') : undefined;
    const notes = options.noteApi ? new NoteListing(options.noteApi, context, table.worksheet) : undefined;
    notes?.queueCollection();
    return { header, body, setting, notes };
  };

  let read = queue(options.values === true);
  let values: unknown[][] = [];
  try {
    await options.sync(context);
    if (options.values) values = read.body.values;
  } catch (error) {
    if (!options.values || errorCode(error) !== 'ResponsePayloadSizeLimitExceeded') throw error;
    read = queue(false);
    await options.sync(context);
    values = await readValuesInSlices(context, read.body, options.sync);
  }
  const header = read.header.values[0] ?? [];
  const map = requireColumns(columns, header);
  return {
    map,
    bodyRow: options.position ? read.body.rowIndex : 0,
    bodyColumn: options.position ? read.body.columnIndex : 0,
    rowCount: options.position ? read.body.rowCount : values.length,
    rows: options.values ? toSchemaRows(columns, header, values) : [],
    knownIds: read.setting && !read.setting.isNullObject ? parseIds(read.setting.value) : [],
    notes: read.notes,
  };
}

/**
 * The cells of the listed notes that `wanted` picks (by whether the add-in wrote them): one more round
 * trip, skipped when none is wanted (getLocation is a method, no load of the collection reaches it).
 */
export async function locateNotes(
  context: Excel.RequestContext,
  notes: NoteListing | undefined,
  wanted: (ours: boolean) => boolean,
  sync: Sync,
): Promise<ExistingNote[]> {
  if (!notes?.queueLocations(wanted)) return [];
  await sync(context);
  return notes.existing();
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

/** The setting as stored: a JSON array of strings (anything else reads as no ids rather than failing). */
export function parseIds(value: unknown): string[] {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}

/** The body's values in halves, each halved again while Excel still finds its answer too large. */
async function readValuesInSlices(context: Excel.RequestContext, body: Excel.Range, sync: Sync): Promise<unknown[][]> {
  const read = async (start: number, count: number, depth: number): Promise<unknown[][]> => {
    const slice = body
      .getCell(start, 0)
      .getResizedRange(count - 1, body.columnCount - 1)
      .load('values');
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
  return body.rowCount < 2 ? read(0, body.rowCount, 0) : [...(await read(0, half, 1)), ...(await read(half, body.rowCount - half, 1))];
}
