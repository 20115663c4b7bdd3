import type { CellValue, ColumnDef } from '../../../shared/sheet/columns';
import { cellText, contentFingerprint } from './sheet';

export interface Locatable {
  rowIndex: number;
  fingerprint: string;
  idCell: string;
}

/** Where a row read before the save is now: `exact` when its content is unchanged. */
export interface Location {
  index: number;
  exact: boolean;
}

/**
 * Finds the rows of a save again in the sheet as re-read after the answer (the user may have inserted,
 * deleted or sorted rows, or kept typing, while the save was in flight):
 *  1. the same content at the same index;
 *  2. the same content elsewhere (the nearest unclaimed row, for identical copies);
 *  3. when nothing moved (same row count, every row found in step 1 at its place), the row at the same
 *     index with the same id cell is the same row, edited meanwhile: `exact: false`, so that only its
 *     bookkeeping and messages are written, never its values.
 * A row not found is not written; it stays unsaved and goes with the next save.
 */
export function locateRows(
  items: readonly Locatable[],
  reread: readonly (readonly CellValue[])[],
  columns: readonly ColumnDef[],
  rowCountBefore: number,
): (Location | undefined)[] {
  const fingerprints = reread.map((values) => contentFingerprint(values, columns));
  const byFingerprint = new Map<string, number[]>();
  fingerprints.forEach((fingerprint, index) => byFingerprint.set(fingerprint, [...(byFingerprint.get(fingerprint) ?? []), index]));
  const claimed = new Set<number>();
  const found: (Location | undefined)[] = items.map(() => undefined);

  items.forEach((item, i) => {
    if (fingerprints[item.rowIndex] === item.fingerprint && !claimed.has(item.rowIndex)) {
      found[i] = { index: item.rowIndex, exact: true };
      claimed.add(item.rowIndex);
    }
  });
  let moved = false;
  items.forEach((item, i) => {
    if (found[i]) return;
    const candidates = (byFingerprint.get(item.fingerprint) ?? []).filter((index) => !claimed.has(index));
    if (candidates.length === 0) return;
    const nearest = candidates.reduce((best, index) => (Math.abs(index - item.rowIndex) < Math.abs(best - item.rowIndex) ? index : best));
    found[i] = { index: nearest, exact: true };
    claimed.add(nearest);
    moved = true;
  });
  if (moved || reread.length !== rowCountBefore) return found;
  items.forEach((item, i) => {
    if (found[i] || claimed.has(item.rowIndex)) return;
    const values = reread[item.rowIndex];
    if (values && cellText(values, columns, 'id') === item.idCell) {
      found[i] = { index: item.rowIndex, exact: false };
      claimed.add(item.rowIndex);
    }
  });
  return found;
}
