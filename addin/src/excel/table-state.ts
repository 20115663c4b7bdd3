/// <reference types="office-js" />
import { TABLE_NAME, type CellValue, type ColumnDef } from '#shared/sheet/columns';
import { NoteListing, type ExistingNote, type NoteApi } from './cell-notes';
import { errorCode, failure } from './excel-errors';
import { fromExcelValue, isBlankRow, mapColumns, type ColumnMap } from './layout';
import { jsonBytes, RESPONSE_BUDGET_BYTES } from './payload';

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
  /**
   * With noteApi: only count them (a save's first read: the count lets its write locate them all in
   * the request that reads the table again); or, the count given, locate every one in this request.
   */
  notes?: 'count' | { count: number };
  /** What the last read of the values found: a body too large for one response is read in slices from the start. */
  sizeHint?: SizeHint;
  sync: Sync;
}

/** The body's size as a read found it: its width, rows and the bytes a row's values take in a response. */
export interface SizeHint {
  width: number;
  rows: number;
  bytesPerRow: number;
}

export interface TableRead {
  map: ColumnMap;
  /** The header row as read. */
  header: unknown[];
  /** The body's top-left cell on the sheet, 0-based (with `position`). */
  bodyRow: number;
  bodyColumn: number;
  rowCount: number;
  /** With `values`: the body as rows of schema columns; a table whose only row is blank has none. */
  rows: CellValue[][];
  /** With `knownIds`: the ids the workbook keeps ([] when none or damaged). */
  knownIds: string[];
  notes: NoteListing | undefined;
  /** With notes: 'count' or { count }: how many notes (or comments) there are now. */
  noteCount: number | undefined;
  /** With values: for the next read's sizeHint. */
  sizeHint: SizeHint | undefined;
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
  try {
    return await readTableOnce(context, columns, options);
  } catch (error) {
    // A note removed since it was counted: its index is past the end. Listed again, located after.
    if (typeof options.notes !== 'object' || errorCode(error) !== 'ItemNotFound') throw error;
    const { notes: _counted, ...rest } = options;
    return readTableOnce(context, columns, rest);
  }
}

async function readTableOnce(context: Excel.RequestContext, columns: readonly ColumnDef[], options: ReadOptions): Promise<TableRead> {
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
    if (options.notes === 'count') notes?.queueCount();
    else if (options.notes) notes?.queueAll(options.notes.count);
    else notes?.queueCollection();
    return { header, body, setting, notes };
  };

  // A body the last read found larger than a response may carry: its first slice in the first request,
  // the rest in as few more as the budget allows (no request refused first).
  const hint = options.values ? options.sizeHint : undefined;
  const perRequest = hint ? Math.max(1, Math.floor(RESPONSE_BUDGET_BYTES / hint.bytesPerRow)) : Infinity;
  const sliced = hint !== undefined && hint.rows > perRequest;
  let read = queue(options.values === true && !sliced);
  const first = sliced
    ? read.body
        .getCell(0, 0)
        .getResizedRange(perRequest - 1, hint.width - 1)
        .load('values')
    : undefined;
  let values: unknown[][] = [];
  try {
    await options.sync(context);
    if (first && read.body.columnCount === hint!.width) {
      values = first.values.slice(0, read.body.rowCount);
      if (read.body.rowCount > perRequest) values.push(...(await readSlices(context, read.body, options.sync, perRequest, perRequest)));
    } else if (first) values = await readSlices(context, read.body, options.sync, 0, perRequest);
    else if (options.values) values = read.body.values;
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
    header,
    bodyRow: options.position ? read.body.rowIndex : 0,
    bodyColumn: options.position ? read.body.columnIndex : 0,
    rowCount: options.position ? read.body.rowCount : values.length,
    rows: options.values ? toSchemaRows(columns, header, values) : [],
    knownIds: read.setting && !read.setting.isNullObject ? parseIds(read.setting.value) : [],
    notes: read.notes,
    noteCount: options.notes ? read.notes?.count : undefined,
    sizeHint: options.values ? sizeOf(values, header.length) : undefined,
  };
}

/**
 * The cells of the listed notes that `wanted` picks (by whether the add-in wrote them): one more round
 * trip, skipped when none is wanted (getLocation is a method, no load of the collection reaches it) or
 * when the read located them all already (ReadOptions.notes with the count).
 */
export async function locateNotes(
  context: Excel.RequestContext,
  notes: NoteListing | undefined,
  wanted: (ours: boolean) => boolean,
  sync: Sync,
): Promise<ExistingNote[]> {
  if (notes?.locatedAll()) return notes.existing();
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

/** A read's size, from a sample of its rows (their JSON as a response carries it). */
function sizeOf(values: readonly unknown[][], width: number): SizeHint {
  const sample = values.slice(0, 200);
  return { width, rows: values.length, bytesPerRow: sample.length > 0 ? Math.ceil(jsonBytes(sample) / sample.length) + 1 : 1 };
}

/** The body's rows from `start` on, `count` at a time, one request each (halved if Excel still finds one too large). */
async function readSlices(
  context: Excel.RequestContext,
  body: Excel.Range,
  sync: Sync,
  start: number,
  count: number,
): Promise<unknown[][]> {
  const values: unknown[][] = [];
  for (let from = start; from < body.rowCount; from += count) {
    values.push(...(await readValuesInSlices(context, body, sync, from, Math.min(count, body.rowCount - from))));
  }
  return values;
}

/** The body's values in halves, each halved again while Excel still finds its answer too large. */
async function readValuesInSlices(
  context: Excel.RequestContext,
  body: Excel.Range,
  sync: Sync,
  from?: number,
  rows?: number,
): Promise<unknown[][]> {
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
  if (from !== undefined && rows !== undefined) return read(from, rows, 0);
  const half = Math.ceil(body.rowCount / 2);
  return body.rowCount < 2 ? read(0, body.rowCount, 0) : [...(await read(0, half, 1)), ...(await read(half, body.rowCount - half, 1))];
}
