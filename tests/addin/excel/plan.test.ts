import { describe, expect, it } from 'vitest';
import { columnLetter, listSheetLayout, mapColumns, numberFormatOf, widthInPoints } from '#addin/excel/layout';
import { jsonBytes, packBatches, splitRows } from '#addin/excel/payload';
import { cellPatches, fillRuns, plannedNotes, valueBlocks } from '#addin/excel/row-plan';
import { sheetText } from '#shared/sheet/index';
import { col, columns } from './sheet-fixtures';

describe('layout from the column schema', () => {
  it('formats: text columns "@" (so "03" stays text), dates dd/mm/yyyy, bookkeeping numbers General', () => {
    expect(numberFormatOf(columns[col('dossier.TO_TRINH.number')]!)).toBe('@');
    expect(numberFormatOf(columns[col('receivedDate')]!)).toBe('dd/mm/yyyy');
    expect(numberFormatOf(columns[col('version')]!)).toBe('General');
  });

  it('widths in points, about 7 per character; column letters past Z', () => {
    expect(widthInPoints(30)).toBe(210);
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('maps schema columns onto a table with its own order, extra columns and edited spacing or case', () => {
    const headers = ['Cột riêng của phòng', ...columns.map((c) => c.header).reverse()];
    headers[2] = `  ${headers[2]!.toUpperCase()} `;
    const map = mapColumns(columns, headers);
    expect(map.missing).toEqual([]);
    expect(map.width).toBe(columns.length + 1);
    expect(map.tableIndex[0]).toBe(columns.length);
    expect(map.tableIndex.at(-1)).toBe(1);
    expect(map.tableIndex.at(-2)).toBe(2);
  });

  it('names the columns a table lacks', () => {
    const map = mapColumns(
      columns,
      columns.filter((c) => c.id !== 'note').map((c) => c.header),
    );
    expect(map.missing.map((c) => c.id)).toEqual(['note']);
    expect(map.tableIndex[col('note')]).toBe(-1);
  });

  it('dropdown lists on the list sheet: one column each, referenced by absolute range (no 255-character or comma limit)', () => {
    const withComma = columns.map((c) => (c.id === 'status' ? { ...c, options: ['Trả lại, chờ bổ sung', '=cmd'] } : c));
    const layout = listSheetLayout(withComma, sheetText);
    const listed = withComma.filter((c) => c.options?.length);
    expect(layout.values[0]).toEqual(listed.map((c) => c.header));
    expect(layout.sources.map((s) => s.columnIndex)).toEqual(listed.map((c) => withComma.indexOf(c)));
    const status = layout.sources.findIndex((s) => s.columnIndex === col('status'));
    expect(layout.values.map((row) => row[status])).toEqual([
      'Trạng thái',
      'Trả lại, chờ bổ sung',
      "'=cmd",
      ...Array(layout.values.length - 3).fill(''),
    ]);
    expect(layout.sources[0]).toEqual({ columnIndex: col('unit'), address: `$A$2:$A$${1 + columns[col('unit')]!.options!.length}` });
  });
});

describe('payload estimates and batches', () => {
  it('counts UTF-8 bytes of the JSON: Vietnamese letters are 2 or 3 bytes', () => {
    expect(jsonBytes('a')).toBe(3);
    expect(jsonBytes('ệ')).toBe(5);
    expect(jsonBytes('😀')).toBe(6);
    expect(jsonBytes([['Phòng Tổng hợp']])).toBe(new TextEncoder().encode(JSON.stringify([['Phòng Tổng hợp']])).length);
  });

  it('packs operations in order under the budget; an oversized one alone', () => {
    const ops = [5, 5, 5, 12, 1].map((bytes, i) => ({ bytes, i }));
    expect(packBatches(ops, 10).map((batch) => batch.map((op) => op.i))).toEqual([[0, 1], [2], [3], [4]]);
  });

  it('splits a 2-D block into slices of whole rows under the budget', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [`row ${i}`, 'x'.repeat(1000)]);
    const slices = splitRows(rows, 10_000);
    expect(slices.length).toBeGreaterThan(10);
    expect(slices.flatMap((s) => s.rows)).toEqual(rows);
    expect(slices.every((s) => s.bytes <= 10_000)).toBe(true);
    expect(slices.map((s) => s.start)).toEqual(slices.map((_, i) => slices.slice(0, i).reduce((n, s) => n + s.rows.length, 0)));
  });
});

describe('planning the writes', () => {
  const identity = mapColumns(
    columns,
    columns.map((c) => c.header),
  );
  const result = (rowIndex: number, extra: object = {}) => ({
    rowIndex,
    messages: `m${rowIndex}`,
    mark: 'ok' as const,
    notes: [],
    ...extra,
  });

  it('contiguous rows writing the same columns are one 2-D block; a gap in the rows starts another', () => {
    const system = (i: number) => ({ system: { id: `n${i}`, version: 1, rowHash: `h${i}` } });
    const blocks = valueBlocks(
      cellPatches(columns, identity, [result(0, system(0)), result(1, system(1)), result(2, system(2)), result(5, system(5))]),
    );
    expect(blocks.map((b) => [b.row, b.column, b.values.length, b.values[0]!.length])).toEqual([
      [0, col('messages'), 3, 4],
      [5, col('messages'), 1, 4],
    ]);
    expect(blocks[0]!.values[1]).toEqual(['m1', 'n1', 1, 'h1']);
  });

  it('a row written whole spans every column; null (leave as is) only where the table has a column of its own', () => {
    const withExtra = mapColumns(columns, [
      ...columns.slice(0, 3).map((c) => c.header),
      'Cột riêng',
      ...columns.slice(3).map((c) => c.header),
    ]);
    const values = columns.map((_, i) => (i === col('note') ? null : `v${i}`));
    const [block] = valueBlocks(cellPatches(columns, withExtra, [result(4, { values })]));
    expect(block!.values[0]).toHaveLength(columns.length + 1);
    expect(block!.values[0]![3]).toBeNull();
    expect(block!.values[0]![col('note') + 1]).toBe(''); // a blank is written as '', never as null
    expect(block!.values[0]![col('messages') + 1]).toBe('m4');
  });

  it('fills: contiguous rows with the same mark are one run', () => {
    const marks = new Map([
      [0, 'ok'],
      [1, 'ok'],
      [2, 'error'],
      [3, 'error'],
      [5, 'error'],
      [6, 'ok'],
    ] as const);
    expect(fillRuns(marks)).toEqual([
      { row: 0, count: 2, mark: 'ok' },
      { row: 2, count: 2, mark: 'error' },
      { row: 5, count: 1, mark: 'error' },
      { row: 6, count: 1, mark: 'ok' },
    ]);
  });

  it('notes: one per cell, findings on the same cell joined; unknown columns left to the messages column', () => {
    const notes = plannedNotes(columns, identity, [
      result(3, {
        notes: [
          { columnId: 'awardForm', text: 'A' },
          { columnId: 'awardForm', text: 'B' },
          { columnId: 'nope', text: 'C' },
        ],
      }),
    ]);
    expect(notes).toEqual([{ row: 3, column: col('awardForm'), text: 'A\nB' }]);
  });
});
