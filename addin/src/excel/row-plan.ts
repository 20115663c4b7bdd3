import { rowOrdinals } from '#shared/sheet/cells';
import type { CellValue, ColumnDef } from '#shared/sheet/columns';
import type { RowMark, RowWrite } from './gateway';
import { toExcelValue, type ColumnMap } from './layout';

/**
 * Turns the rows to write into as few Excel operations as possible, without touching Office.js:
 * contiguous rows become one 2-D block, contiguous rows with the same mark one fill.
 */

/** A cell as written: null inside a 2-D block means "leave this cell as it is" to Excel. */
export type WriteCell = string | number | boolean | null;

/** One 2-D block, placed by body row and table column. */
export interface ValueBlock {
  row: number;
  column: number;
  values: WriteCell[][];
}

export interface FillRun {
  row: number;
  count: number;
  mark: RowMark;
}

export interface PlannedNote {
  row: number;
  column: number;
  text: string;
}

function columnIndex(columns: readonly ColumnDef[], id: string): number {
  return columns.findIndex((column) => column.id === id);
}

/**
 * The cells each write sets, by body row then table column: the whole row when it carries values, then
 * the messages column and the bookkeeping (id, version, rowHash), which win over the row's own values.
 */
export function cellPatches(
  columns: readonly ColumnDef[],
  map: ColumnMap,
  writes: readonly RowWrite[],
): Map<number, Map<number, WriteCell>> {
  const at = (id: string) => map.tableIndex[columnIndex(columns, id)] ?? -1;
  const messagesColumn = at('messages') >= 0 ? at('messages') : (map.tableIndex[columns.findIndex((c) => c.role === 'output')] ?? -1);
  const patches = new Map<number, Map<number, WriteCell>>();
  for (const write of writes) {
    const cells = patches.get(write.rowIndex) ?? new Map<number, WriteCell>();
    patches.set(write.rowIndex, cells);
    const set = (column: number, value: CellValue | undefined) => {
      if (column >= 0) cells.set(column, toExcelValue(value));
    };
    if (write.values) columns.forEach((_, i) => set(map.tableIndex[i] ?? -1, write.values![i]));
    set(messagesColumn, write.messages);
    if (write.system) {
      set(at('id'), write.system.id);
      set(at('version'), write.system.version);
      set(at('rowHash'), write.system.rowHash);
    }
  }
  return patches;
}

/**
 * The ordinal (STT) cells of every body row, numbered from what the rows hold once written (`rows`, by
 * body row), into `patches`: a cell another write sets is always renumbered (its value came from an
 * earlier read, and the row may have moved since); any other only where `current` (what the sheet
 * holds now, when known) differs, so that a save rewrites the numbers of the rows added or moved only.
 */
export function addOrdinals(
  patches: Map<number, Map<number, WriteCell>>,
  columns: readonly ColumnDef[],
  map: ColumnMap,
  rows: readonly (readonly CellValue[])[],
  current?: readonly (readonly CellValue[])[],
): void {
  const ordinals = rowOrdinals(rows, columns);
  columns.forEach((column, i) => {
    const tableColumn = map.tableIndex[i] ?? -1;
    if (!column.ordinal || tableColumn < 0) return;
    ordinals.forEach((ordinal, row) => {
      const cells = patches.get(row);
      const now = toExcelValue(current?.[row]?.[i]);
      if (!cells?.has(tableColumn) && current && now === toExcelValue(ordinal)) return;
      if (cells) cells.set(tableColumn, toExcelValue(ordinal));
      else patches.set(row, new Map([[tableColumn, toExcelValue(ordinal)]]));
    });
  });
}

/** Cells a row leaves between two it sets before its span is cut in two (a null costs a few bytes, an operation ~200). */
const GAP_CELLS = 8;

/**
 * One block per run of consecutive rows that set the same span of columns. A row's cells are cut into
 * spans where it leaves more than GAP_CELLS columns between two (the STT and the results columns of a new
 * row: two spans, not one of 30 cells mostly null); inside a span, a cell the row does not set is null
 * (left as it is), so a user's own column between ours keeps its content. Spans are merged down the rows
 * independently, so that 5,000 new rows are two blocks.
 */
export function valueBlocks(patches: Map<number, Map<number, WriteCell>>): ValueBlock[] {
  const blocks: ValueBlock[] = [];
  const open = new Map<string, ValueBlock & { last: number }>();
  for (const row of [...patches.keys()].sort((a, b) => a - b)) {
    const cells = patches.get(row)!;
    for (const [start, end] of spans([...cells.keys()].sort((a, b) => a - b))) {
      const values: WriteCell[] = [];
      for (let column = start; column <= end; column += 1) values.push(cells.has(column) ? cells.get(column)! : null);
      const key = `${start}:${end}`;
      const current = open.get(key);
      if (current && current.last === row - 1) {
        current.values.push(values);
        current.last = row;
      } else {
        if (current) blocks.push({ row: current.row, column: current.column, values: current.values });
        open.set(key, { row, column: start, values: [values], last: row });
      }
    }
  }
  for (const current of open.values()) blocks.push({ row: current.row, column: current.column, values: current.values });
  return blocks.sort((a, b) => a.row - b.row || a.column - b.column);
}

function spans(columns: readonly number[]): [number, number][] {
  const result: [number, number][] = [];
  for (const column of columns) {
    const last = result.at(-1);
    if (last && column - last[1] <= GAP_CELLS + 1) last[1] = column;
    else result.push([column, column]);
  }
  return result;
}

/** Consecutive rows with the same mark, as one fill each. */
export function fillRuns(marks: ReadonlyMap<number, RowMark>): FillRun[] {
  const runs: FillRun[] = [];
  for (const row of [...marks.keys()].sort((a, b) => a - b)) {
    const mark = marks.get(row)!;
    const last = runs.at(-1);
    if (last && last.mark === mark && last.row + last.count === row) last.count += 1;
    else runs.push({ row, count: 1, mark });
  }
  return runs;
}

/** The notes to put, one per cell (two findings on one cell share its note), by table column. */
export function plannedNotes(columns: readonly ColumnDef[], map: ColumnMap, writes: readonly RowWrite[]): PlannedNote[] {
  const byCell = new Map<string, PlannedNote>();
  for (const write of writes) {
    for (const note of write.notes) {
      const column = map.tableIndex[columnIndex(columns, note.columnId)] ?? -1;
      if (column < 0 || !note.text) continue; // an unknown column: its text is in the messages column anyway
      const key = `${write.rowIndex}:${column}`;
      const existing = byCell.get(key);
      if (existing) existing.text = `${existing.text}\n${note.text}`;
      else byCell.set(key, { row: write.rowIndex, column, text: note.text });
    }
  }
  return [...byCell.values()];
}
