/// <reference types="office-js" />
import { TABLE_NAME, type CellValue, type ColumnDef } from '#shared/sheet/columns';
import { NoteListing, type NoteApi } from './cell-notes';
import { errorCode } from './excel-errors';
import type { ResultsBatch, RowPlacement } from './gateway';
import { fromExcelValue, type ColumnMap } from './layout';
import { jsonBytes, RESPONSE_BUDGET_BYTES } from './payload';
import { contentFingerprint, locateRows } from './relocate';
import { locateNotes, readTable, requireColumns, type TableState } from './table-state';

/**
 * What a save's results are written over: the table as it is now, read again after the server answered
 * (the user may have sorted, inserted or typed meanwhile). Usually one request that reads only what the
 * write needs: the rows written, the id and STT columns, and every note located (their count is known
 * from the save's first read). When a row is no longer where it was, the whole table is read, as before.
 */

type Sync = (context: Excel.RequestContext) => Promise<void>;

/** What the gateway kept of its last read of the rows (readRows): the rows a save's results refer to. */
export interface LastRead {
  header: readonly unknown[];
  rows: readonly (readonly CellValue[])[];
}

export interface ResultsRead {
  state: TableState;
  /** The body as schema rows, as it stands now (rows not read again: as the last read saw them). */
  rows: readonly (readonly CellValue[])[];
  placements: (RowPlacement | undefined)[];
  /** How many notes the sheet holds now, when known. */
  noteCount: number | undefined;
}

export interface ResultsReadRun {
  context: Excel.RequestContext;
  sync: Sync;
  noteApi: NoteApi;
  noteCount: number | undefined;
  last: LastRead | undefined;
}

export async function readForResults(run: ResultsReadRun, columns: readonly ColumnDef[], batch: ResultsBatch): Promise<ResultsRead> {
  const quick = run.last && run.last.rows.length === batch.rowCountAtRead ? await quickly(run, columns, batch, run.last) : undefined;
  if (quick) return quick;
  const { context, sync, noteApi } = run;
  const read = await readTable(context, columns, {
    values: true,
    position: true,
    noteApi,
    ...(run.noteCount !== undefined ? { notes: { count: run.noteCount } } : {}),
    sync,
  });
  const placements = locateRows(batch.writes, read.rows, columns, batch.rowCountAtRead);
  const wanted = (ours: boolean) => ours || batch.writes.some((write) => write.notes.length > 0);
  const notes = placements.some(Boolean) ? await locateNotes(context, read.notes, wanted, sync) : [];
  return { state: { ...read, notes }, rows: read.rows, placements, noteCount: read.noteCount };
}

/** The quick read, or undefined (the full read then) when a note it counted is gone (its index is past the end) or the rows' estimate fell short. */
async function quickly(run: ResultsReadRun, columns: readonly ColumnDef[], batch: ResultsBatch, last: LastRead) {
  try {
    return await readWrittenRows(run, columns, batch, last);
  } catch (error) {
    // The full read handles both: the notes listed again, values too large read in slices.
    if (errorCode(error) === 'ItemNotFound' && run.noteCount !== undefined) return undefined;
    if (errorCode(error) === 'ResponsePayloadSizeLimitExceeded') return undefined;
    throw error;
  }
}

/** The header as the first read saw it: the same columns in the same places. */
function sameHeader(now: readonly unknown[], before: readonly unknown[], map: ColumnMap): boolean {
  return now.length === map.width && now.length === before.length && now.every((value, i) => value === before[i]);
}

/** Contiguous runs of the row indexes, each cut so that its values stay within the response budget. */
function rowRuns(indexes: readonly number[], bytesOf: (row: number) => number): { start: number; count: number; bytes: number }[] {
  const runs: { start: number; count: number; bytes: number }[] = [];
  for (const row of [...new Set(indexes)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    const bytes = bytesOf(row);
    if (last && last.start + last.count === row && last.bytes + bytes <= RESPONSE_BUDGET_BYTES / 2) {
      last.count += 1;
      last.bytes += bytes;
    } else runs.push({ start: row, count: 1, bytes });
  }
  return runs;
}

/**
 * The quick read: the written rows (by where the first read saw them), the id and STT columns of every
 * row, the table's position and its notes. Undefined when a row moved or was edited, the table's columns
 * changed, or the rows to read exceed what responses may carry in two requests: the full read decides then.
 */
async function readWrittenRows(
  run: ResultsReadRun,
  columns: readonly ColumnDef[],
  batch: ResultsBatch,
  last: LastRead,
): Promise<ResultsRead | undefined> {
  const { context, sync } = run;
  const map = requireColumns(columns, last.header);
  const inBody = batch.writes.every((write) => write.rowIndex >= 0 && write.rowIndex < last.rows.length);
  if (!inBody) return undefined;
  // A row's bytes from a sample of the rows written, spread over them (their JSON, as the response carries it).
  const stride = Math.max(1, Math.floor(batch.writes.length / 200));
  const sample = batch.writes.filter((_, i) => i % stride === 0).map((write) => last.rows[write.rowIndex]);
  const rowBytes = Math.ceil(jsonBytes(sample) / Math.max(sample.length, 1)) + 8;
  const runs = rowRuns(
    batch.writes.map((write) => write.rowIndex),
    () => rowBytes,
  );
  // The written rows in requests under the budget: the first also asks for everything else.
  const requests: (typeof runs)[] = [[]];
  let size = 0;
  for (const slice of runs) {
    if (size + slice.bytes > RESPONSE_BUDGET_BYTES && requests.at(-1)!.length > 0) {
      requests.push([]);
      size = 0;
    }
    requests.at(-1)!.push(slice);
    size += slice.bytes;
  }
  if (requests.length > 2) return undefined;

  const table = context.workbook.tables.getItem(TABLE_NAME);
  const header = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load('rowIndex,columnIndex,rowCount');
  const columnValues = (id: string) => {
    const index = map.tableIndex[columns.findIndex((column) => column.id === id)] ?? -1;
    return index < 0 ? undefined : { index, range: table.columns.getItemAt(index).getDataBodyRange().load('values') };
  };
  const ids = columnValues('id');
  const ordinals = columnValues('ordinal');
  const listing = run.noteApi === 'none' ? undefined : new NoteListing(run.noteApi, context, table.worksheet);
  if (run.noteCount !== undefined) listing?.queueAll(run.noteCount);
  else listing?.queueCollection();
  const read: { start: number; range: Excel.Range }[] = [];
  for (const [i, slices] of requests.entries()) {
    for (const slice of slices) {
      const range = body.getCell(slice.start, 0).getResizedRange(slice.count - 1, map.width - 1);
      read.push({ start: slice.start, range: range.load('values') });
    }
    await sync(context);
    if (i === 0 && !sameHeader(header.values[0] ?? [], last.header, map)) return undefined;
    if (i === 0 && body.rowCount !== Math.max(last.rows.length, 1)) return undefined;
  }

  const now = last.rows.map((row) => row as CellValue[]);
  for (const { start, range } of read) {
    range.values.forEach((values, offset) => {
      now[start + offset] = map.tableIndex.map((column) => fromExcelValue(values[column]));
    });
  }
  const placements = batch.writes.map((write): RowPlacement | undefined =>
    contentFingerprint(now[write.rowIndex]!, columns) === write.expect.fingerprint ? { rowIndex: write.rowIndex, exact: true } : undefined,
  );
  if (placements.some((placement) => !placement)) return undefined;
  // The id and STT cells of every row as they are now (the rest as the first read saw them).
  for (const column of [ids, ordinals]) {
    if (!column) continue;
    const schema = map.tableIndex.indexOf(column.index);
    column.range.values.forEach((values, row) => {
      if (row >= now.length || now[row]![schema] === fromExcelValue(values[0])) return;
      now[row] = [...now[row]!];
      now[row]![schema] = fromExcelValue(values[0]);
    });
  }
  const located = await locateNotes(context, listing, () => true, sync);
  const state: TableState = { map, bodyRow: body.rowIndex, bodyColumn: body.columnIndex, rowCount: now.length, notes: located };
  return { state, rows: now, placements, noteCount: listing?.count };
}
