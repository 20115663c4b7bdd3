/// <reference types="office-js" />
import type { CellValue, ColumnDef } from '#shared/sheet/columns';
import { addinNoteText, type NoteApi } from './cell-notes';
import type { ResultsBatch, RowMark, RowWrite, WriteReport } from './gateway';
import { numberFormatOf, toExcelValue, type ColumnMap } from './layout';
import { idsAfter, placeWrites } from './relocate';
import { readForResults, type ResultsReadRun } from './results-read';
import { addOrdinals, cellPatches, fillRuns, plannedNotes, valueBlocks, type PlannedNote, type WriteCell } from './row-plan';
import { locateNotes, notesInBody, readTable, type TableState } from './table-state';
import { runWriteBatches, type EventsState, type WriteOp } from './write-batches';
import { columnFormatOp, fillOp, knownIdsOp, noteAddOp, noteRemoveOp, rowsAddOps, rowsDeleteOp, valueOps } from './write-ops';

/**
 * The two batches that write the table body: a load (replaceRows) and a save's results (writeResults).
 * Each reads what it must know in one round trip (two when notes must be located), then writes
 * everything in one request per 4 MB of payload: values before formats, events off for its own writes.
 */

export interface WriteRun {
  context: Excel.RequestContext;
  sync(context: Excel.RequestContext): Promise<void>;
  events: EventsState;
  budget: number;
  noteApi: NoteApi;
}

/** Every row replaced: the table grown or shrunk to fit, values, fills, the add-in's notes renewed. */
export async function replaceBody(
  run: WriteRun,
  columns: readonly ColumnDef[],
  rows: readonly RowWrite[],
  knownIds?: readonly string[],
): Promise<void> {
  const { context, sync, budget } = run;
  const read = await readTable(context, columns, { position: true, noteApi: run.noteApi, sync });
  const { map } = read;
  const planned = plannedNotes(columns, map, rows);
  // Every note of the add-in's goes; people's notes are located only if one of ours could cover theirs.
  const state: TableState = { ...read, notes: await locateNotes(context, read.notes, (ours) => ours || planned.length > 0, sync) };
  const wanted = rows.length === 0 ? 0 : Math.max(...rows.map((row) => row.rowIndex)) + 1;
  const count = Math.max(wanted, 1); // an Excel table always keeps one body row
  const operations: WriteOp[] = [];

  // People's notes stay (those on rows that disappear go with their rows). The add-in's are removed
  // first: a note on a deleted row could no longer be found.
  for (const note of notesInBody(state)) if (note.ours) operations.push(noteRemoveOp(note));
  if (state.rowCount > count) operations.push(rowsDeleteOp(count, state.rowCount - count, map.width));
  if (count > state.rowCount) {
    // New rows come in blank, then get their columns' number formats, and only then the values:
    // a "03" written into a cell that is not yet text would be stored as the number 3.
    operations.push(...rowsAddOps(count - state.rowCount, map.width, budget));
    columns.forEach((column, i) => {
      const numberFormat = column.format === 'general' ? undefined : numberFormatOf(column);
      const wrapText = column.role === 'output';
      if (numberFormat || wrapText)
        operations.push(columnFormatOp(map.tableIndex[i]!, { ...(numberFormat ? { numberFormat } : {}), wrapText }));
    });
  }
  const patches = cellPatches(columns, map, rows);
  const blank = new Map<number, WriteCell>(map.tableIndex.map((column) => [column, toExcelValue(null)]));
  for (let row = 0; row < count; row += 1) if (!patches.has(row)) patches.set(row, new Map(blank));
  const written: (readonly CellValue[])[] = Array.from({ length: count }, () => []);
  for (const row of rows) if (row.values) written[row.rowIndex] = row.values;
  addOrdinals(patches, columns, map, written);
  for (const block of valueBlocks(patches)) operations.push(...valueOps(block, budget));

  const marks = new Map<number, RowMark>(Array.from({ length: count }, (_, row) => [row, 'ok']));
  for (const row of rows) marks.set(row.rowIndex, row.mark);
  for (const fill of fillRuns(marks)) operations.push(fillOp(fill, map.width));
  operations.push(...noteAdds(run.noteApi, state, planned));
  if (knownIds) operations.push(knownIdsOp(knownIds));
  await runWriteBatches({ context, budget, sync, state: run.events }, operations);
}

/**
 * A save's results, each on the row it came from as found now (results-read.ts: one request in the usual
 * case, notes located in it), then one request of writes: only the cells whose value changes, fills, the
 * add-in's notes that change (an unchanged one stays), the known ids last, in the same request.
 */
export async function writeSaveResults(
  run: WriteRun,
  columns: readonly ColumnDef[],
  batch: ResultsBatch,
  memo: Pick<ResultsReadRun, 'noteCount' | 'last'> = { noteCount: undefined, last: undefined },
): Promise<WriteReport & { noteCount: number | undefined }> {
  const { context, sync, budget } = run;
  const read = await readForResults({ context, sync, noteApi: run.noteApi, ...memo }, columns, batch);
  const { state, placements } = read;
  const placed = placeWrites(batch.writes, placements);
  const planned = plannedNotes(columns, state.map, placed);

  const operations: WriteOp[] = [];
  const patches = cellPatches(columns, state.map, placed);
  // Rows added or moved since the last write get their STT with the results, in the same request.
  const after = [...read.rows];
  for (const write of placed) if (write.values) after[write.rowIndex] = write.values;
  addOrdinals(patches, columns, state.map, after, read.rows);
  dropUnchanged(patches, columns, state.map, read.rows);
  for (const block of valueBlocks(patches)) operations.push(...valueOps(block, budget));
  const marks = new Map<number, RowMark>(placed.map((write) => [write.rowIndex, write.mark]));
  for (const fill of fillRuns(marks)) operations.push(fillOp(fill, state.map.width));
  const notes = noteChanges(run.noteApi, state, planned, new Set(placed.map((write) => write.rowIndex)));
  operations.push(...notes.operations);
  if (batch.knownIds) operations.push(knownIdsOp(batch.knownIds));
  if (operations.length > 0) await runWriteBatches({ context, budget, sync, state: run.events }, operations);
  const noteCount = read.noteCount === undefined ? undefined : read.noteCount + notes.delta;
  return { placements, ids: idsAfter(read.rows, columns, placed), noteCount };
}

/**
 * The add-in's notes on the rows written, against those planned: one that says the same stays, a stale
 * one goes (the last in the collection first, so that no removal moves another), a new one is added
 * unless a person's note holds its cell. `delta`: how the number of notes changes.
 */
function noteChanges(
  api: NoteApi,
  state: TableState,
  planned: readonly PlannedNote[],
  written: ReadonlySet<number>,
): { operations: WriteOp[]; delta: number } {
  const inBody = notesInBody(state);
  const key = (note: { row: number; column: number }) => `${note.row}:${note.column}`;
  const wanted = new Map(planned.map((note) => [key(note), addinNoteText(note.text)]));
  const kept = new Set<string>();
  const removals = inBody
    .filter((note) => note.ours && written.has(note.row))
    .filter((note) => {
      const same = wanted.get(key(note)) === note.content;
      if (same) kept.add(key(note));
      return !same;
    })
    .sort((a, b) => b.index - a.index);
  const adds = noteAdds(
    api,
    state,
    planned.filter((note) => !kept.has(key(note))),
  );
  return { operations: [...removals.map(noteRemoveOp), ...adds], delta: adds.length - removals.length };
}

/** The patched cells that already hold what would be written (a row read as it is now): left out of the request. */
function dropUnchanged(
  patches: Map<number, Map<number, WriteCell>>,
  columns: readonly ColumnDef[],
  map: ColumnMap,
  rows: readonly (readonly CellValue[])[],
): void {
  const schemaOf = new Map(map.tableIndex.map((column, schema) => [column, schema]));
  for (const [row, cells] of patches) {
    const now = rows[row];
    if (!now) continue;
    for (const [column, value] of cells) {
      const schema = schemaOf.get(column);
      if (schema !== undefined && columns[schema] && toExcelValue(now[schema]) === value) cells.delete(column);
    }
    if (cells.size === 0) patches.delete(row);
  }
}

/** The notes to add; none on a cell that already holds a person's note (a cell holds one note). */
function noteAdds(api: NoteApi, state: TableState, planned: readonly PlannedNote[]): WriteOp[] {
  if (api === 'none') return [];
  const taken = new Set(
    notesInBody(state)
      .filter((note) => !note.ours)
      .map((note) => `${note.row}:${note.column}`),
  );
  return planned.filter((note) => !taken.has(`${note.row}:${note.column}`)).map((note) => noteAddOp(api, note));
}
