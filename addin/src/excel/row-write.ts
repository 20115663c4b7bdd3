/// <reference types="office-js" />
import { TABLE_NAME, type CellValue, type ColumnDef } from '#shared/sheet/columns';
import { cellName } from '#shared/sheet/plan/plan-layout';
import { addinNoteText, isAddinNote, type NoteApi } from './cell-notes';
import type { ResultWrite } from './gateway';
import type { ColumnMap } from './layout';
import { plannedNotes, valueBlocks, type WriteCell } from './row-plan';
import { toSchemaRows, requireColumns } from './table-state';
import { runWriteBatches, type EventsState, type WriteOp } from './write-batches';
import { fillOp, noteAddOp, valueOps } from './write-ops';

/**
 * One row read, and later its results written in a single request (the "Hồ sơ đính kèm" section: a
 * file changed, the row's "Số tệp …" counts and findings again). The read notes which of the row's cells
 * hold a note (by address, the table's place known from an earlier read); the write finds the row by its
 * id, and fails before writing anything when it is no longer where it was read, then changes only the
 * derived and results cells, the fill, and the add-in's notes on that row that change.
 */

type Sync = (context: Excel.RequestContext) => Promise<void>;

/** Where the table's body sits on its sheet, 0-based, and how many columns it has. */
export interface BodyPlace {
  bodyRow: number;
  bodyColumn: number;
  width: number;
}

/** A row as read, with the notes on its cells (by table column: their text), for writeRowAt. */
export interface ReadRowState extends BodyPlace {
  rowIndex: number;
  id: string;
  map: ColumnMap;
  notes: Map<number, string>;
}

/** One body row in schema order and, the table's place being known, the notes on its cells: one request. */
export async function readRowAndNotes(
  context: Excel.RequestContext,
  columns: readonly ColumnDef[],
  rowIndex: number,
  how: { sync: Sync; noteApi: NoteApi; place: BodyPlace | undefined; idOf: (values: readonly CellValue[]) => string },
): Promise<{ values: CellValue[] | undefined; state: ReadRowState | undefined; place: BodyPlace }> {
  const table = context.workbook.tables.getItem(TABLE_NAME);
  const header = table.getHeaderRowRange().load('values');
  const body = table.getDataBodyRange().load('rowCount,rowIndex,columnIndex');
  const row = body.getRow(rowIndex).load('values');
  const { place } = how;
  const cells =
    how.noteApi === 'notes' && place
      ? Array.from({ length: place.width }, (_, column) =>
          table.worksheet.notes.getItemOrNullObject(cellName(place.bodyRow + rowIndex, place.bodyColumn + column)).load('content'),
        )
      : undefined;
  await how.sync(context);
  const now: BodyPlace = { bodyRow: body.rowIndex, bodyColumn: body.columnIndex, width: (header.values[0] ?? []).length };
  if (rowIndex >= body.rowCount) return { values: undefined, state: undefined, place: now };
  const values = toSchemaRows(columns, header.values[0] ?? [], row.values)[0];
  const map = requireColumns(columns, header.values[0] ?? []);
  const samePlace = place && place.bodyRow === now.bodyRow && place.bodyColumn === now.bodyColumn && place.width === now.width;
  if (!values || !cells || !samePlace) return { values, state: undefined, place: now };
  const notes = new Map<number, string>();
  cells.forEach((note, column) => {
    if (!note.isNullObject) notes.set(column, note.content);
  });
  return { values, state: { ...now, rowIndex, id: how.idOf(values), map, notes }, place: now };
}

/** The derived cells (but the STT, renumbered by saves) and the messages: what a row's results change here. */
function resultCells(columns: readonly ColumnDef[], map: ColumnMap, write: ResultWrite): Map<number, WriteCell> {
  const cells = new Map<number, WriteCell>();
  columns.forEach((column, i) => {
    const at = map.tableIndex[i] ?? -1;
    if (at < 0) return;
    if (column.role === 'derived' && !column.ordinal && write.values) cells.set(at, write.values[i] ?? '');
    if (column.role === 'output') cells.set(at, write.messages);
  });
  return cells;
}

/**
 * The write, in one request: the row found by its id where it was read (else ItemNotFound before any
 * write), its results cells, its fill, and the add-in's notes that change (a person's note is left, and
 * no note of ours goes on its cell). Answers the notes the row then holds.
 */
export async function writeRowAt(
  run: { context: Excel.RequestContext; sync: Sync; events: EventsState; budget: number; noteApi: NoteApi },
  columns: readonly ColumnDef[],
  state: ReadRowState,
  write: ResultWrite,
): Promise<Map<number, string>> {
  const { context, sync, budget } = run;
  const { map, rowIndex } = state;
  const idColumn = map.tableIndex[columns.findIndex((column) => column.id === 'id')] ?? -1;
  const guard: WriteOp = {
    kind: 'guard',
    bytes: 400,
    apply: ({ table }) => {
      const ids = table.columns.getItemAt(idColumn).getDataBodyRange();
      ids.find(state.id, { completeMatch: true, matchCase: true }).getIntersection(ids.getCell(rowIndex, 0)).load('rowIndex');
    },
  };
  const planned = plannedNotes(columns, map, [{ ...write, rowIndex }]);
  const notes = new Map(state.notes);
  const operations: WriteOp[] = [guard];
  for (const block of valueBlocks(new Map([[rowIndex, resultCells(columns, map, write)]]))) operations.push(...valueOps(block, budget));
  operations.push(fillOp({ row: rowIndex, count: 1, mark: write.mark }, map.width));
  const wanted = new Map(planned.map((note) => [note.column, addinNoteText(note.text)]));
  for (const [column, content] of state.notes) {
    if (!isAddinNote(content) || wanted.get(column) === content) continue;
    const address = cellName(state.bodyRow + rowIndex, state.bodyColumn + column);
    operations.push({ kind: 'note.remove', bytes: 300, apply: ({ sheet }) => sheet.notes.getItem(address).delete() });
    notes.delete(column);
  }
  for (const note of planned) {
    if (notes.has(note.column)) continue; // the same note of ours already, or a person's
    operations.push(noteAddOp(run.noteApi, note));
    notes.set(note.column, addinNoteText(note.text));
  }
  await runWriteBatches({ context, budget, sync, state: run.events }, operations);
  return notes;
}
