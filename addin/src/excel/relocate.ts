import type { CellValue, ColumnDef } from '#shared/sheet/columns';
import { rowHash } from '#shared/sheet/row-hash';
import type { ResultWrite, RowExpectation, RowPlacement, RowWrite } from './gateway';

/**
 * Finding a save's rows again when its results come back. Plain data, no Office.js: the one
 * implementation, used by writeResults (office-gateway.ts) on the rows it reads just before it writes,
 * and by the tests' fake gateway.
 */

/**
 * What a row holds, to find it again after the user inserted or sorted rows while a save was in
 * flight: its input cells and bookkeeping (the messages column, which only the add-in writes, left out).
 */
export function contentFingerprint(values: readonly CellValue[], columns: readonly ColumnDef[]): string {
  return rowHash(values, columns);
}

/** The id cell of a row as text ('' when blank; Excel's text prefix is not part of it). */
export function idCellText(values: readonly CellValue[], columns: readonly ColumnDef[]): string {
  const index = columns.findIndex((column) => column.id === 'id');
  const value = index < 0 ? null : values[index];
  if (value === null || value === undefined) return '';
  const text = String(value).trim();
  return text.startsWith("'") ? text.slice(1) : text;
}

/** What the controller knew of a row when it read it: its index then, and its id and fingerprint. */
export interface Locatable {
  rowIndex: number;
  expect: RowExpectation;
}

/**
 * Finds the rows read before a save in the sheet as it is now (the user may have inserted, deleted or
 * sorted rows, or kept typing, while the save was in flight):
 *  1. the same content at the same index;
 *  2. the same content elsewhere (the nearest unclaimed row, for identical copies);
 *  3. when nothing moved (same row count, every row found in step 1 at its place), the row at the same
 *     index with the same id cell is the same row, edited meanwhile: `exact: false`, so that only its
 *     bookkeeping, messages, mark and notes are written, never its values.
 * A row not found is not written; it stays unsaved and goes with the next save.
 */
export function locateRows(
  items: readonly Locatable[],
  rows: readonly (readonly CellValue[])[],
  columns: readonly ColumnDef[],
  rowCountAtRead: number,
): (RowPlacement | undefined)[] {
  const fingerprints = rows.map((values) => contentFingerprint(values, columns));
  const byFingerprint = new Map<string, number[]>();
  fingerprints.forEach((fingerprint, index) => {
    const indexes = byFingerprint.get(fingerprint);
    if (indexes) indexes.push(index);
    else byFingerprint.set(fingerprint, [index]);
  });
  const claimed = new Set<number>();
  const found: (RowPlacement | undefined)[] = items.map(() => undefined);

  items.forEach((item, i) => {
    if (fingerprints[item.rowIndex] === item.expect.fingerprint && !claimed.has(item.rowIndex)) {
      found[i] = { rowIndex: item.rowIndex, exact: true };
      claimed.add(item.rowIndex);
    }
  });
  let moved = false;
  items.forEach((item, i) => {
    if (found[i]) return;
    const candidates = (byFingerprint.get(item.expect.fingerprint) ?? []).filter((index) => !claimed.has(index));
    if (candidates.length === 0) return;
    const nearest = candidates.reduce((best, index) => (Math.abs(index - item.rowIndex) < Math.abs(best - item.rowIndex) ? index : best));
    found[i] = { rowIndex: nearest, exact: true };
    claimed.add(nearest);
    moved = true;
  });
  if (moved || rows.length !== rowCountAtRead) return found;
  items.forEach((item, i) => {
    if (found[i] || claimed.has(item.rowIndex)) return;
    const values = rows[item.rowIndex];
    if (values && idCellText(values, columns) === (item.expect.id ?? '')) {
      found[i] = { rowIndex: item.rowIndex, exact: false };
      claimed.add(item.rowIndex);
    }
  });
  return found;
}

/** The writes that found their row, moved there; a row edited meanwhile keeps its values (only `values` is dropped). */
export function placeWrites(writes: readonly ResultWrite[], placements: readonly (RowPlacement | undefined)[]): RowWrite[] {
  return writes.flatMap((write, i): RowWrite[] => {
    const placement = placements[i];
    if (!placement) return [];
    const { expect: _expect, values, ...rest } = write;
    return [{ ...rest, rowIndex: placement.rowIndex, ...(values && placement.exact ? { values } : {}) }];
  });
}

/** The id cell of every row once the placed writes are applied: the ids the sheet now holds, where. */
export function idsAfter(rows: readonly (readonly CellValue[])[], columns: readonly ColumnDef[], placed: readonly RowWrite[]): string[] {
  const ids = rows.map((values) => idCellText(values, columns));
  for (const write of placed) {
    if (write.rowIndex < 0 || write.rowIndex >= ids.length) continue;
    if (write.system) ids[write.rowIndex] = write.system.id;
    else if (write.values) ids[write.rowIndex] = idCellText(write.values, columns);
  }
  return ids;
}
