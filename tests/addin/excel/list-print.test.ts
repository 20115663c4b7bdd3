import { describe, expect, it } from 'vitest';
import type { RowWrite } from '#addin/excel/gateway';
import { DEMO_PEOPLE } from '#shared/seed/demo-office';
import { SHEET_NAME, TABLE_NAME, type CellValue } from '#shared/sheet/index';
import type { Nomination } from '#shared/nomination';
import { nominateCollective, nominateIndividual, saved } from '#tests/support/nomination';
import { putRows, putTable } from '#tests/support/office/excel';
import { col, columns, header, resultsNow, setup, sheetContext, typicalResult, typicalRow } from './sheet-fixtures';

/**
 * The consolidated list as HR prints it: STT first, Chức vụ beside the name (from the registry), and
 * the sheet's page setup, all through the gateway over the stand-in Excel host.
 */

const [first, second] = DEMO_PEOPLE.filter((person) => person.title);

function storedRows(): Nomination[] {
  return [
    saved(nominateIndividual(first!), { id: 'a', version: 1 }),
    saved(nominateCollective(first!.unitId), { id: 'b', version: 1 }),
    saved(nominateIndividual(second!), { id: 'c', version: 1 }),
  ];
}

/** A load's rows as the pane writes them: every column's value for the stored nomination. */
const loadWrites = (nominations: Nomination[]): RowWrite[] =>
  nominations.map((n, rowIndex) => ({
    rowIndex,
    values: columns.map((column) => column.write(n, sheetContext)),
    messages: '',
    mark: 'ok',
    notes: [],
  }));

const body = (rows: CellValue[][]) => rows.map((row) => [row[col('ordinal')], row[col('nominee')], row[col('position')]]);

describe('the consolidated list, to print', () => {
  it('puts STT first and Chức vụ beside the name, STT centred and both locked', async () => {
    const { workbook, gateway } = setup();
    await gateway.ensureSheet(columns);
    const table = workbook.table(TABLE_NAME)!;
    expect(table.headers().slice(0, 5)).toEqual(['STT', header('unit'), header('nomineeKind'), header('nominee'), 'Chức vụ']);
    expect(col('ordinal')).toBe(0);
    expect(col('position')).toBe(col('nominee') + 1);
    const sheet = workbook.sheet(SHEET_NAME)!;
    expect(sheet.hiddenColumns.has(col('ordinal'))).toBe(false);
    expect(sheet.get(1, col('ordinal'))?.horizontalAlignment).toBe('Center');
    expect(sheet.get(1, col('position'))?.locked).toBe(true);
  });

  it('numbers the rows and names each individual’s position on load; a collective has none', async () => {
    const { workbook, gateway } = setup();
    await gateway.ensureSheet(columns);
    await gateway.replaceRows(columns, loadWrites(storedRows()));
    const rows = workbook.table(TABLE_NAME)!.bodyValues();
    expect(body(rows)).toEqual([
      [1, first!.fullName, first!.title],
      [2, expect.any(String), ''],
      [3, second!.fullName, second!.title],
    ]);
  });

  it('numbers rows added under the table with the save, in the same two round trips', async () => {
    const { workbook, gateway } = setup();
    await gateway.ensureSheet(columns);
    await gateway.replaceRows(columns, loadWrites(storedRows()));
    // A person pastes two rows under the table: the table grows, their STT cells are blank.
    const table = workbook.table(TABLE_NAME)!;
    const pasted = [typicalRow(10), typicalRow(11)].map((row) => row.map((value, i) => (columns[i]!.role === 'input' ? value : '')));
    putRows(table.sheet, table.top + 1 + table.rowCount, table.left, pasted);
    table.rowCount += 2;
    const before = gateway.syncCount;
    const saved = [3, 4].map((rowIndex) => ({ ...typicalResult(rowIndex), rowIndex }));
    await gateway.writeResults(columns, resultsNow(workbook, saved));
    expect(gateway.syncCount - before).toBe(2);
    expect(table.bodyValues().map((row) => row[col('ordinal')])).toEqual([1, 2, 3, 4, 5]);
    // A read of the sheet after that finds nothing changed by the numbering: STT is no part of the fingerprint.
    const { rows } = await gateway.readRows(columns);
    expect(rows[3]![col('rowHash')]).toBe(typicalResult(3).system!.rowHash);
  });

  it('renumbers after a sort and skips blank rows, writing only the cells that changed', async () => {
    const { workbook, gateway, ran } = setup();
    await gateway.ensureSheet(columns);
    await gateway.replaceRows(columns, loadWrites(storedRows()));
    const table = workbook.table(TABLE_NAME)!;
    // Rows 1 and 3 swapped by a sort, then a blank row left between rows 2 and 3.
    const [a, b, c] = table.bodyValues();
    const blank = columns.map(() => '');
    putRows(table.sheet, table.top + 1, table.left, [c!, b!, blank, a!]);
    table.rowCount = 4;
    const before = ran('Range.values').length;
    await gateway.writeResults(columns, resultsNow(workbook, [{ ...typicalResult(1), rowIndex: 1, messages: 'Đã lưu.' }]));
    expect(table.bodyValues().map((row) => row[col('ordinal')])).toEqual([1, 2, '', 3]);
    // Row 0 kept its 3 → 1, row 3 its 1 → 3: written; row 1 already held 2, the blank row nothing.
    // (row 1's own writes: the messages column AA, after the dossier's three file counts, to the last bookkeeping one, AD)
    expect(
      ran('Range.values')
        .slice(before)
        .map((w) => w.address),
    ).toEqual(['A2', 'AA3:AD3', 'A5']);
  });

  it('sets A4 landscape, one page wide, centred, the header row on every page and "Trang &P/&N", in the layout’s own syncs', async () => {
    const { workbook, gateway } = setup();
    await gateway.ensureSheet(columns);
    expect(gateway.syncCount).toBe(2);
    expect(workbook.sheet(SHEET_NAME)!.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1 },
      centerHorizontally: true,
      printTitleRows: '$1:$1',
      headersFooters: { state: 'Default', defaultForAllPages: { centerFooter: 'Trang &P/&N' } },
    });
    expect(workbook.sheet(SHEET_NAME)!.pageLayout.leftMargin).toBeLessThan(30);
    expect(workbook.sheet(SHEET_NAME)!.pageLayout.printArea).toBeUndefined();
  });

  it('repeats the table’s own header row when the table starts lower down; an older host gets the sheet without page setup', async () => {
    const lower = setup();
    const sheet = lower.workbook.addSheet(SHEET_NAME);
    putTable(
      lower.workbook,
      sheet,
      TABLE_NAME,
      columns.map((c) => c.header),
      [],
      3,
    );
    await lower.gateway.ensureSheet(columns);
    expect(sheet.pageLayout.printTitleRows).toBe('$4:$4');

    const old = setup({ notes: 'none' });
    await old.gateway.ensureSheet(columns);
    expect(old.workbook.sheet(SHEET_NAME)!.pageLayout).toEqual({});
    expect(old.host.operations!.some((op) => op.label.startsWith('PageLayout.'))).toBe(false);
    expect(old.gateway.syncCount).toBe(2);
    expect(old.host.stats.gaps).toEqual([]);
  });

  it('a sheet laid out before STT and Chức vụ gains them at its end, and loads with them filled', async () => {
    const { workbook, gateway } = setup();
    const sheet = workbook.addSheet(SHEET_NAME);
    const older = columns.filter((c) => c.role !== 'derived');
    putTable(
      workbook,
      sheet,
      TABLE_NAME,
      older.map((c) => c.header),
      [older.map((c) => typicalRow(0)[columns.indexOf(c)]!)],
    );
    await gateway.ensureSheet(columns);
    const table = workbook.table(TABLE_NAME)!;
    expect(table.headers()).toEqual([
      ...older.map((c) => c.header),
      'STT',
      'Chức vụ',
      'Số tệp tờ trình',
      'Số tệp biên bản họp xét',
      'Số tệp báo cáo thành tích',
    ]);
    expect((await gateway.readRows(columns)).rows).toHaveLength(1);
    await gateway.replaceRows(columns, loadWrites(storedRows()));
    const rows = table.bodyValues();
    expect(rows.map((row) => [row[older.length], row[older.length + 1]])).toEqual([
      [1, first!.title],
      [2, ''],
      [3, second!.title],
    ]);
  });
});
