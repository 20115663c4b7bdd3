import { describe, expect, it } from 'vitest';
import type { ResultWrite } from '#addin/excel/gateway';
import { contentFingerprint, idsAfter, locateRows, placeWrites } from '#addin/excel/relocate';
import { rowHash } from '#shared/sheet/row-hash';
import type { CellValue } from '#shared/sheet/index';
import { col, columns, expectationOf, typicalRow } from './sheet-fixtures';

const [rowA, rowB, rowC] = [typicalRow(1), typicalRow(2), typicalRow(4)];
const blank: CellValue[] = columns.map(() => null);
/** What a save read: each row's index then, and what it held. */
const read = (rows: CellValue[][]) => rows.map((row, rowIndex) => ({ rowIndex, expect: expectationOf(row) }));
const edited = (row: CellValue[], note: string) => row.map((value, i) => (i === col('note') ? note : value));

describe("finding a save's rows again", () => {
  it('the fingerprint is the row hash: input cells and bookkeeping, not the messages the add-in writes', () => {
    expect(contentFingerprint(rowA, columns)).toBe(rowHash(rowA, columns));
    expect(
      contentFingerprint(
        rowA.map((value, i) => (i === col('messages') ? 'Đã lưu.' : value)),
        columns,
      ),
    ).toBe(contentFingerprint(rowA, columns));
  });

  it('finds rows at their place, or moved (rows inserted above, sorted)', () => {
    const items = read([rowA, rowB, rowC]);
    expect(locateRows(items, [rowA, rowB, rowC], columns, 3)).toEqual([0, 1, 2].map((rowIndex) => ({ rowIndex, exact: true })));
    expect(locateRows(items, [blank, rowA, blank, rowB, rowC], columns, 3).map((found) => found?.rowIndex)).toEqual([1, 3, 4]);
    expect(locateRows(items, [rowC, rowB, rowA], columns, 3).map((found) => found?.rowIndex)).toEqual([2, 1, 0]);
  });

  it('a row edited meanwhile, nothing moved: the same row, but not exact (its values are not overwritten)', () => {
    expect(locateRows(read([rowA, rowB]), [rowA, edited(rowB, 'sửa trong lúc lưu')], columns, 2)).toEqual([
      { rowIndex: 0, exact: true },
      { rowIndex: 1, exact: false },
    ]);
  });

  it('a row edited and moved is not found, and is not written', () => {
    expect(locateRows(read([rowA, rowB]), [blank, rowA, edited(rowB, 'sửa trong lúc lưu')], columns, 2)).toEqual([
      { rowIndex: 1, exact: true },
      undefined,
    ]);
  });

  it('a new row (no id) edited meanwhile is still its row when nothing moved', () => {
    const fresh = rowA.map((value, i) => (columns[i]!.role === 'system' ? '' : value));
    expect(locateRows(read([fresh]), [edited(fresh, 'x')], columns, 1)).toEqual([{ rowIndex: 0, exact: false }]);
  });

  it('identical copies each find one row', () => {
    const found = locateRows(read([rowA, [...rowA]]), [blank, [...rowA], [...rowA]], columns, 2).map((where) => where?.rowIndex);
    expect([...found].sort()).toEqual([1, 2]);
  });

  it('places the writes where their rows are, without values on a row edited meanwhile; the ids after', () => {
    const writes: ResultWrite[] = read([rowA, rowB]).map((item, i) => ({
      ...item,
      values: [rowA, rowB][i]!,
      system: { id: `n${i}`, version: 2, rowHash: 'h' },
      messages: '',
      mark: 'ok',
      notes: [],
    }));
    const now = [edited(rowA, 'gõ thêm'), rowB];
    const placed = placeWrites(writes, locateRows(writes, now, columns, 2));
    expect(placed.map((write) => [write.rowIndex, write.values !== undefined, 'expect' in write])).toEqual([
      [0, false, false],
      [1, true, false],
    ]);
    expect(idsAfter(now, columns, placed)).toEqual(['n0', 'n1']);
    expect(idsAfter([blank, ...now], columns, [])).toEqual(['', String(rowA[col('id')]), String(rowB[col('id')])]);
  });
});
