/// <reference types="office-js" />
import { addNote, type ExistingNote, type NoteApi } from './cell-notes';
import { MARK_FILLS } from './layout';
import { jsonBytes, OPERATION_OVERHEAD_BYTES, splitRows } from './payload';
import type { FillRun, PlannedNote, ValueBlock, WriteCell } from './row-plan';
import { KNOWN_IDS_SETTING } from './table-state';
import type { WriteOp } from './write-batches';

/**
 * The write operations, each addressing cells relative to the table body's top-left cell, with its
 * estimated request size. Nothing here syncs: write-batches.ts decides what goes in which request.
 */

/** A rows × columns range of the body starting at (row, column). */
function bodyRange(body: Excel.Range, row: number, column: number, rows: number, columns: number): Excel.Range {
  return body.getCell(row, column).getResizedRange(rows - 1, columns - 1);
}

/**
 * Sets one value on every cell of a range. Office.js takes a single value for a multi-cell range and
 * applies it to every cell (as its own samples do with `formulas`); the typings only know the 2-D form.
 * It keeps the request the same size for 10 rows or 5,000.
 */
export function setEveryCell(range: Excel.Range, property: 'numberFormat', value: string): void {
  (range as unknown as Record<string, unknown>)[property] = value;
}

/** One 2-D block, written once; split by rows when it alone is larger than a request may be. */
export function valueOps(block: ValueBlock, budget: number): WriteOp[] {
  return splitRows(block.values, budget).map((slice) =>
    valueOp({ row: block.row + slice.start, column: block.column, values: slice.rows }),
  );
}

function valueOp(block: ValueBlock): WriteOp {
  return {
    kind: 'values',
    bytes: jsonBytes(block.values) + OPERATION_OVERHEAD_BYTES,
    apply: ({ body }) => {
      bodyRange(body, block.row, block.column, block.values.length, block.values[0]!.length).values = block.values;
    },
    split: () => {
      if (block.values.length < 2) return undefined;
      const middle = Math.ceil(block.values.length / 2);
      return [
        valueOp({ row: block.row, column: block.column, values: block.values.slice(0, middle) }),
        valueOp({ row: block.row + middle, column: block.column, values: block.values.slice(middle) }),
      ];
    },
  };
}

/**
 * Grows the table by `count` rows with one `table.rows.add(undefined, block)` per request-sized block
 * (never one call per row). The rows come in blank: their values are written afterwards as one block
 * with the others, once the new cells carry the columns' number formats (see replaceRows).
 */
export function rowsAddOps(count: number, width: number, budget: number): WriteOp[] {
  const blank: WriteCell[][] = Array.from({ length: count }, () => Array.from({ length: width }, () => ''));
  return splitRows(blank, budget).map((slice) => rowsAddOp(slice.rows));
}

function rowsAddOp(rows: WriteCell[][]): WriteOp {
  return {
    kind: 'rows.add',
    bytes: jsonBytes(rows) + OPERATION_OVERHEAD_BYTES,
    apply: ({ table }) => {
      table.rows.add(undefined, rows as (string | number | boolean)[][]);
    },
    split: () => {
      if (rows.length < 2) return undefined;
      const middle = Math.ceil(rows.length / 2);
      return [rowsAddOp(rows.slice(0, middle)), rowsAddOp(rows.slice(middle))];
    },
  };
}

/** Deletes body rows [row, row + count) as one range: the table shrinks, cells outside it do not move. */
export function rowsDeleteOp(row: number, count: number, width: number): WriteOp {
  return {
    kind: 'rows.delete',
    bytes: OPERATION_OVERHEAD_BYTES,
    apply: ({ body }) => bodyRange(body, row, 0, count, width).delete('Up'),
  };
}

/**
 * A column's formats over its whole body, for rows the add-in just added: one value for every cell,
 * whatever the row count (whether Excel carries a table column's formats to rows added through the API
 * is not documented, so the add-in does not count on it).
 */
export function columnFormatOp(column: number, format: { numberFormat?: string; wrapText?: boolean }): WriteOp {
  return {
    kind: 'numberFormat',
    bytes: OPERATION_OVERHEAD_BYTES,
    apply: ({ table }) => {
      const body = table.columns.getItemAt(column).getDataBodyRange();
      if (format.numberFormat) setEveryCell(body, 'numberFormat', format.numberFormat);
      if (format.wrapText) body.format.wrapText = true;
    },
  };
}

/** The fill of a run of rows across the table's width; 'ok' clears it. */
export function fillOp(run: FillRun, width: number): WriteOp {
  return {
    kind: 'fill',
    bytes: OPERATION_OVERHEAD_BYTES,
    apply: ({ body }) => {
      const range = bodyRange(body, run.row, 0, run.count, width);
      const color = MARK_FILLS[run.mark];
      if (color) range.format.fill.color = color;
      else range.format.fill.clear();
    },
  };
}

export function noteRemoveOp(note: ExistingNote): WriteOp {
  return { kind: 'note.remove', bytes: OPERATION_OVERHEAD_BYTES, apply: () => note.remove() };
}

export function noteAddOp(api: NoteApi, note: PlannedNote): WriteOp {
  return {
    kind: 'note.add',
    bytes: jsonBytes(note.text) + OPERATION_OVERHEAD_BYTES,
    apply: ({ context, sheet, body }) => addNote(api, context, sheet, body.getCell(note.row, note.column), note.text),
  };
}

/**
 * The known ids, as one JSON workbook setting. Queued last, so that it goes in the same request as the
 * last of the writes: ids kept for rows whose writes never reached the sheet would later read as rows
 * the user deleted.
 */
export function knownIdsOp(ids: readonly string[]): WriteOp {
  const json = JSON.stringify([...ids]);
  return {
    kind: 'setting',
    bytes: jsonBytes(json) + OPERATION_OVERHEAD_BYTES,
    apply: ({ context }) => {
      context.workbook.settings.add(KNOWN_IDS_SETTING, json);
    },
  };
}
